package serde

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	internaldocument "github.com/devopsagent-go/devopsagent/internal/document"
)

func TestReadDocumentKeepsNumbersExact(t *testing.T) {
	h, err := decode(t, `{"doc":{"big":12345678901234567890,"f":0.1,"list":[1,null,true],"s":"<&>"}}`)
	require.NoError(t, err)

	raw, err := h.Doc.MarshalSmithyDocument()
	require.NoError(t, err)
	assert.Equal(t, `{"big":12345678901234567890,"f":0.1,"list":[1,null,true],"s":"\u003c\u0026\u003e"}`,
		string(raw))

	var typed struct {
		Big  uint64  `document:"big"`
		F    float64 `document:"f"`
		List []any   `document:"list"`
	}
	require.NoError(t, h.Doc.UnmarshalSmithyDocument(&typed))
	assert.Equal(t, uint64(12345678901234567890), typed.Big)
	assert.Equal(t, 0.1, typed.F)
	assert.Len(t, typed.List, 3)
}

func TestReadDocumentScalars(t *testing.T) {
	for _, body := range []string{`"text"`, `7`, `true`, `[]`, `{}`} {
		h, err := decode(t, `{"doc":`+body+`}`)
		require.NoError(t, err, body)
		raw, err := h.Doc.MarshalSmithyDocument()
		require.NoError(t, err)
		assert.Equal(t, body, string(raw))
	}
}

func TestWriteDocument(t *testing.T) {
	doc := internaldocument.NewLazy(map[string]any{"z": 1, "a": uint64(12345678901234567890), "h": "<&>"})
	assert.Equal(t, `{"doc":{"a":12345678901234567890,"h":"<&>","z":1}}`, encode(t, &holder{Doc: doc}))
}

// nested returns a Go value that encodes as levels nested arrays around
// inner.
func nested(levels int, inner any) any {
	v := inner
	for range levels {
		v = []any{v}
	}
	return v
}

func TestCheckDocument(t *testing.T) {
	tests := []struct {
		name  string
		doc   internaldocument.Interface
		limit int
		err   string
	}{
		{name: "nil", limit: 0},
		{name: "scalar at limit 0", doc: internaldocument.NewLazy(7), limit: 0},
		{name: "at the limit", doc: internaldocument.NewLazy(nested(MaxDepth, 1)), limit: MaxDepth},
		{name: "one over the limit", doc: internaldocument.NewLazy(nested(MaxDepth+1, 1)),
			limit: MaxDepth, err: "document is nested deeper than 1000 levels"},
		{name: "objects count too", doc: internaldocument.NewLazy(map[string]any{"a": []any{}}),
			limit: 1, err: "document is nested deeper than 1 levels"},
		{name: "brackets inside strings do not count",
			doc: internaldocument.NewLazy([]any{`\"[[{{`, `\\`, "[", "\"{"}), limit: 1},
		{name: "cannot be encoded",
			doc:   internaldocument.NewLazy(map[string]any{"c": math.NaN()}),
			limit: MaxDepth, err: "document cannot be encoded as JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckDocument(tt.doc, tt.limit)
			if tt.err == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
		})
	}
}
