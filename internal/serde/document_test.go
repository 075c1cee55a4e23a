package serde

import (
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
	assert.Equal(t, `{"big":12345678901234567890,"f":0.1,"list":[1,null,true],"s":"<&>"}`, string(raw))

	var typed struct {
		Big  uint64  `json:"big"`
		F    float64 `json:"f"`
		List []any   `json:"list"`
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

func TestCheckDocument(t *testing.T) {
	assert.NoError(t, CheckDocument(nil))
	assert.NoError(t, CheckDocument(internaldocument.NewLazy([]int{1})))

	err := CheckDocument(internaldocument.NewLazy(map[string]any{"c": make(chan int)}))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "document cannot be encoded as JSON")
}
