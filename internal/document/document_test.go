package document

import (
	"encoding/json"
	"math/big"
	"testing"

	smithydocument "github.com/aws/smithy-go/document"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// alarm is a caller's struct named by `document` tags; the `json` tags
// are there to show they are ignored.
type alarm struct {
	Source    string         `document:"source" json:"src"`
	Threshold float64        `document:"threshold"`
	Big       *big.Int       `document:"big"`
	Count     uint64         `document:"count"`
	Labels    []string       `document:"labels,omitempty"`
	Extra     map[string]any `document:"extra"`
	Secret    string         `document:"-"`
}

func TestLazyUnmarshalsBack(t *testing.T) {
	doc := NewLazy(map[string]any{"source": "cw", "count": uint64(12345678901234567890),
		"big": json.Number("123456789012345678901234567890"), "threshold": 0.1})

	var a alarm
	require.NoError(t, doc.UnmarshalSmithyDocument(&a))
	assert.Equal(t, alarm{Source: "cw", Count: 12345678901234567890, Threshold: 0.1,
		Big: mustBig(t, "123456789012345678901234567890")}, a)

	var generic any
	require.NoError(t, doc.UnmarshalSmithyDocument(&generic))
	assert.Equal(t, map[string]any{
		"source": "cw", "count": smithydocument.Number("12345678901234567890"),
		"big":       smithydocument.Number("123456789012345678901234567890"),
		"threshold": smithydocument.Number("0.1"),
	}, generic)
}

func TestLazyUnmarshalsStructRoundTrip(t *testing.T) {
	in := alarm{Source: "cw", Threshold: 0.25, Big: mustBig(t, "-98765432109876543210"),
		Count: 3, Labels: []string{"a"}, Extra: map[string]any{"k": true}, Secret: "s"}

	var out alarm
	require.NoError(t, NewLazy(in).UnmarshalSmithyDocument(&out))
	in.Secret = ""
	assert.Equal(t, in, out)
}

func TestLazyUnmarshalErrors(t *testing.T) {
	var n int
	err := NewLazy(map[string]any{"a": 1}).UnmarshalSmithyDocument(&n)
	assert.ErrorContains(t, err, "document: decode into *int: ")

	err = NewLazy(func() {}).UnmarshalSmithyDocument(&n)
	assert.ErrorContains(t, err, "document: encode func(): no JSON value")
}

func TestDecodedDocument(t *testing.T) {
	doc := &Decoded{Value: smithydocument.Opaque{Value: map[string]any{
		"n":    json.Number("12345678901234567890"),
		"list": []any{json.Number("1"), nil, "<x>"},
	}}}

	raw, err := doc.MarshalSmithyDocument()
	require.NoError(t, err)
	assert.Equal(t, `{"list":[1,null,"\u003cx\u003e"],"n":12345678901234567890}`, string(raw))

	var m map[string]any
	require.NoError(t, doc.UnmarshalSmithyDocument(&m))
	assert.Equal(t, map[string]any{
		"n":    smithydocument.Number("12345678901234567890"),
		"list": []any{smithydocument.Number("1"), nil, "<x>"},
	}, m)

	var wrong []int
	err = doc.UnmarshalSmithyDocument(&wrong)
	assert.ErrorContains(t, err, "document: decode into *[]int: ")
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
		{smithydocument.Blob("hi"), `"aGk="`},
		{smithydocument.List{smithydocument.Number("1")}, `[1]`},
		{smithydocument.Map{"k": smithydocument.String("v")}, `{"k":"v"}`},
		{smithydocument.Structure{
			Members: map[string]smithydocument.Value{"a": smithydocument.Boolean(false)},
		},
			`{"a":false}`},
		{&smithydocument.Opaque{Value: "p"}, `"p"`},
		{smithydocument.Opaque{Value: json.RawMessage(` {"b":1.50,"a":[]} `)}, `{"a":[],"b":1.50}`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			doc := &Decoded{Value: tt.value}
			raw, err := doc.MarshalSmithyDocument()
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(raw))

			var back, want any
			require.NoError(t, doc.UnmarshalSmithyDocument(&back))
			require.NoError(t, decodeJSON(raw, &want))
			assert.Equal(t, want, back, "decodes as its JSON does")
		})
	}
}

func TestDecodedRawMessageMustBeJSON(t *testing.T) {
	doc := &Decoded{Value: smithydocument.Opaque{Value: json.RawMessage(`[1,`)}}

	_, err := doc.MarshalSmithyDocument()
	assert.EqualError(t, err, "document: parse JSON: unexpected EOF")

	var v any
	err = doc.UnmarshalSmithyDocument(&v)
	assert.EqualError(t, err, "document: parse JSON: unexpected EOF")
}
