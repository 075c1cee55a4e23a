package document

import (
	"encoding/json"
	"fmt"
	"testing"

	smithydocument "github.com/aws/smithy-go/document"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRawMarshalsLikeDecoded requires a Raw document to marshal exactly
// as the Decoded document smithy-go's reader would have produced.
func TestRawMarshalsLikeDecoded(t *testing.T) {
	tests := []struct {
		raw     string
		decoded any
		want    string
	}{
		{` { "z" : 1 , "a" : [ 0.10 , null ] } `,
			map[string]any{"z": json.Number("1"), "a": []any{json.Number("0.10"), nil}},
			`{"a":[0.10,null],"z":1}`},
		{`12345678901234567890`, json.Number("12345678901234567890"), `12345678901234567890`},
		{`"\u003c\u00e9\ud83d\ude00>"`, "<é😀>", `"\u003cé😀\u003e"`},
		{`[1e400,-0.0]`, []any{json.Number("1e400"), json.Number("-0.0")}, `[1e400,-0.0]`},
		{`null`, nil, `null`},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			got, err := NewRaw([]byte(tt.raw)).MarshalSmithyDocument()
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))

			decoded, err := (&Decoded{Value: smithydocument.Opaque{Value: tt.decoded}}).
				MarshalSmithyDocument()
			require.NoError(t, err)
			assert.Equal(t, string(decoded), string(got))
		})
	}
}

func TestRawUnmarshal(t *testing.T) {
	doc := NewRaw([]byte(`{"source":"cw","count":12345678901234567890,` +
		`"big":123456789012345678901234567890,"threshold":0.1,"labels":["a"]}`))

	var a alarm
	require.NoError(t, doc.UnmarshalSmithyDocument(&a))
	assert.Equal(t, alarm{Source: "cw", Count: 12345678901234567890, Threshold: 0.1,
		Big: mustBig(t, "123456789012345678901234567890"), Labels: []string{"a"}}, a)

	var generic map[string]any
	require.NoError(t, doc.UnmarshalSmithyDocument(&generic))
	assert.Equal(t, smithydocument.Number("12345678901234567890"), generic["count"])
	assert.Equal(t, smithydocument.Number("0.1"), generic["threshold"])

	var wrong []int
	err := doc.UnmarshalSmithyDocument(&wrong)
	assert.ErrorContains(t, err, "document: decode into *[]int")
}

func TestRawBlocksHandOutIndependentDocuments(t *testing.T) {
	var blocks RawBlocks
	var docs []*Raw
	for i := range 2*rawBlockSize + 1 {
		docs = append(docs, blocks.New([]byte(fmt.Sprintf(`{"i":%d}`, i))))
	}
	for i, doc := range docs {
		raw, err := doc.MarshalSmithyDocument()
		require.NoError(t, err)
		assert.Equal(t, fmt.Sprintf(`{"i":%d}`, i), string(raw))
	}
}
