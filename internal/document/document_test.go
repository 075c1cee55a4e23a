package document

import (
	"encoding/json"
	"math/big"
	"testing"

	smithydocument "github.com/aws/smithy-go/document"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type alarm struct {
	Source    string         `json:"source"`
	Threshold float64        `json:"threshold"`
	Big       *big.Int       `json:"big"`
	Count     uint64         `json:"count"`
	Labels    []string       `json:"labels,omitempty"`
	Extra     map[string]any `json:"extra"`
}

func TestLazyMarshal(t *testing.T) {
	tests := []struct {
		name  string
		value any
		want  string
	}{
		{"map keys sorted", map[string]any{"b": 1, "a": "<&>"}, `{"a":"<&>","b":1}`},
		{"exact numbers", []any{uint64(12345678901234567890), 0.1, json.Number("1e400")},
			`[12345678901234567890,0.1,1e400]`},
		{"struct json tags", alarm{Source: "cw", Threshold: 0.5, Big: big.NewInt(7), Count: 1},
			`{"source":"cw","threshold":0.5,"big":7,"count":1,"extra":null}`},
		{"scalar", "text", `"text"`},
		{"null", nil, `null`},
		{"raw message", json.RawMessage(`{"k":[1,2]}`), `{"k":[1,2]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := NewLazy(tt.value).MarshalSmithyDocument()
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(raw))
		})
	}
}

func TestLazyMarshalError(t *testing.T) {
	_, err := NewLazy(map[string]any{"f": func() {}}).MarshalSmithyDocument()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "document: encode map[string]interface {}")
}

func TestLazyUnmarshalsBack(t *testing.T) {
	doc := NewLazy(map[string]any{"source": "cw", "count": uint64(12345678901234567890),
		"big": json.Number("123456789012345678901234567890"), "threshold": 0.1})

	var a alarm
	require.NoError(t, doc.UnmarshalSmithyDocument(&a))
	assert.Equal(t, "cw", a.Source)
	assert.Equal(t, uint64(12345678901234567890), a.Count)
	assert.Equal(t, "123456789012345678901234567890", a.Big.String())
	assert.Equal(t, 0.1, a.Threshold)

	var generic any
	require.NoError(t, doc.UnmarshalSmithyDocument(&generic))
	assert.Equal(t, map[string]any{
		"source": "cw", "count": json.Number("12345678901234567890"),
		"big": json.Number("123456789012345678901234567890"), "threshold": json.Number("0.1"),
	}, generic)
}

func TestDecodedDocument(t *testing.T) {
	doc := &Decoded{Value: smithydocument.Opaque{Value: map[string]any{
		"n":    json.Number("12345678901234567890"),
		"list": []any{json.Number("1"), nil, "x"},
	}}}

	raw, err := doc.MarshalSmithyDocument()
	require.NoError(t, err)
	assert.Equal(t, `{"list":[1,null,"x"],"n":12345678901234567890}`, string(raw))

	var m map[string]any
	require.NoError(t, doc.UnmarshalSmithyDocument(&m))
	assert.Equal(t, map[string]any{
		"n": json.Number("12345678901234567890"), "list": []any{json.Number("1"), nil, "x"},
	}, m)

	var wrong []int
	err = doc.UnmarshalSmithyDocument(&wrong)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "document: decode into *[]int")
}

func TestDecodedFromOtherValues(t *testing.T) {
	tests := []struct {
		value smithydocument.Value
		want  string
	}{
		{smithydocument.Boolean(true), `true`},
		{smithydocument.String("s"), `"s"`},
		{smithydocument.Number("0.1"), `0.1`},
		{smithydocument.Null{}, `null`},
		{smithydocument.List{smithydocument.Number("1")}, `[1]`},
		{smithydocument.Map{"k": smithydocument.String("v")}, `{"k":"v"}`},
		{smithydocument.Structure{Members: map[string]smithydocument.Value{"a": smithydocument.Boolean(false)}},
			`{"a":false}`},
		{&smithydocument.Opaque{Value: "p"}, `"p"`},
	}
	for _, tt := range tests {
		raw, err := (&Decoded{Value: tt.value}).MarshalSmithyDocument()
		require.NoError(t, err)
		assert.Equal(t, tt.want, string(raw))
	}
}
