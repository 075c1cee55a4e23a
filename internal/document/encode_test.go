package document

import (
	"encoding/json"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	smithydocument "github.com/aws/smithy-go/document"
	smithydocumentjson "github.com/aws/smithy-go/document/json"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type limits struct {
	Name    string      `document:"name"`
	Ratio   float64     `document:"ratio,omitempty"`
	Any     any         `document:"any"`
	Typed   json.Number `document:"typed"`
	Numbers []any       `document:"numbers"`
	hidden  any
}

type outer struct {
	*Inner
	Own int
}

// Inner is embedded in outer; its fields are promoted.
type Inner struct {
	In any
}

func mustBigFloat(t *testing.T, s string, prec uint) *big.Float {
	t.Helper()
	f, _, err := big.ParseFloat(s, 10, prec, big.ToNearestEven)
	require.NoError(t, err)
	return f
}

// TestEncodeAgreesWithSmithy covers values with no json.Number in an
// interface value: the bytes are smithy-go's, as the official client's.
func TestEncodeAgreesWithSmithy(t *testing.T) {
	tests := []struct {
		name  string
		value any
		want  string
	}{
		{"map keys sorted, HTML kept", map[string]any{"b": 1, "a": "<&>"}, `{"a":"<&>","b":1}`},
		{"integer keys as text", map[int]string{10: "a", 9: "b"}, `{"10":"a","9":"b"}`},
		{"integer limits", []any{uint64(math.MaxUint64), int64(math.MinInt64)},
			`[18446744073709551615,-9223372036854775808]`},
		{"floats", []any{0.1, 1e21, 1e-7, float32(0.1)}, `[0.1,1e+21,1e-7,0.1]`},
		{"document tags", alarm{Source: "cw", Threshold: 0.5, Big: big.NewInt(7), Count: 1, Secret: "s"},
			`{"source":"cw","threshold":0.5,"big":7,"count":1,"extra":null}`},
		{"untagged struct", struct{ Name string }{"x"}, `{"Name":"x"}`},
		{"embedded struct", outer{Inner: &Inner{In: 1}, Own: 2}, `{"In":1,"Own":2}`},
		{"nil embedded pointer", outer{Own: 2}, `{"Own":2}`},
		{"unexported field skipped, NaN and all", limits{hidden: math.NaN()},
			`{"name":"","any":null,"typed":"","numbers":null}`},
		{"typed json.Number in a map is a string", map[string]json.Number{"n": "1"}, `{"n":"1"}`},
		{"typed json.Number is a string", limits{Typed: "12"},
			`{"name":"","any":null,"typed":"12","numbers":null}`},
		{"document.Number", smithydocument.Number("1e400"), `1e400`},
		{"big.Int", mustBig(t, "123456789012345678901234567890"), `123456789012345678901234567890`},
		{"big.Float integer", mustBigFloat(t, "1e18", 64), `1000000000000000000`},
		{"big.Float fraction", mustBigFloat(t, "2.5", 64), `2.5e+00`},
		{"big.Float wide", mustBigFloat(t, "0.1000000000000000000000000001", 200),
			`1.000000000000000000000000001e-01`},
		{"big.Float negative zero", new(big.Float).Neg(new(big.Float)), `-0`},
		{"bytes are a list", []byte("hi"), `[104,105]`},
		{"typed json.RawMessage is a list", struct{ R json.RawMessage }{json.RawMessage(`1`)},
			`{"R":[49]}`},
		{"functions skipped", map[string]any{"f": func() {}, "a": 1}, `{"a":1}`},
		{"nil", nil, `null`},
		{"pointer to pointer", func() **int { i := 3; p := &i; return &p }(), `3`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := encode(tt.value)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))

			smithy, err := smithydocumentjson.NewEncoder().Encode(tt.value)
			require.NoError(t, err)
			assert.Equal(t, string(smithy), string(got), "smithy-go")
		})
	}
}

// TestEncodeExactJSONNumbers: a json.Number held in an interface value,
// at any depth, is written as the number it spells, and a json.RawMessage
// as the JSON it holds.
func TestEncodeExactJSONNumbers(t *testing.T) {
	big := json.Number("123456789012345678901234567890")
	tests := []struct {
		name  string
		value any
		want  string
	}{
		{"top level", big, `123456789012345678901234567890`},
		{"in a map", map[string]any{"n": big, "s": "x"}, `{"n":123456789012345678901234567890,"s":"x"}`},
		{"in a list", []any{json.Number("0.10"), json.Number("-0")}, `[0.10,-0]`},
		{"in an array", [1]any{json.Number("1e400")}, `[1e400]`},
		{"behind a pointer", &map[string]any{"n": json.Number("1")}, `{"n":1}`},
		{"in struct fields", &limits{Name: "l", Any: big, Typed: "2", Numbers: []any{json.Number("3")}},
			`{"name":"l","any":123456789012345678901234567890,"typed":"2","numbers":[3]}`},
		{"in an embedded struct", outer{Inner: &Inner{In: json.Number("4")}}, `{"In":4,"Own":0}`},
		{"nested maps", map[string]any{"a": map[string]any{"b": []any{map[string]any{"c": big}}}},
			`{"a":{"b":[{"c":123456789012345678901234567890}]}}`},
		{"raw message", json.RawMessage(` {"z":[1e400, "<&>"], "a":null} `),
			`{"a":null,"z":[1e400,"<&>"]}`},
		{"raw message in a map",
			map[string]any{"r": json.RawMessage(`0.10`), "n": json.RawMessage(`null`)},
			`{"n":null,"r":0.10}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := encode(tt.value)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
		})
	}
}

func TestEncodeLeavesTheValueAlone(t *testing.T) {
	list := []any{json.Number("1")}
	value := map[string]any{"list": list, "l": &limits{Any: json.Number("2")}}

	_, err := encode(value)
	require.NoError(t, err)
	assert.Equal(t, json.Number("1"), list[0])
	assert.Equal(t, json.Number("2"), value["l"].(*limits).Any)
}

func TestEncodeErrors(t *testing.T) {
	loop := map[string]any{}
	loop["self"] = loop
	type node struct{ Next *node }
	ring := &node{}
	ring.Next = ring

	tests := []struct {
		name  string
		value any
		want  string
	}{
		{"NaN", map[string]any{"a": []any{1, math.NaN()}},
			`document: encode map[string]interface {}: ["a"][1]: NaN is not a JSON number`},
		{"infinity in a struct", limits{Numbers: []any{float32(math.Inf(-1))}},
			`document: encode document.limits: .numbers[0]: -Inf is not a JSON number`},
		{"infinite big.Float", []any{new(big.Float).SetInf(false)},
			`document: encode []interface {}: [0]: big.Float +Inf is not a JSON number`},
		{"cyclic map", loop, `document: encode map[string]interface {}: ` +
			strings.Repeat(`["self"]`, 15) + `...: map[string]interface {} contains itself (a cycle)`},
		{"cyclic pointer", ring, `document: encode *document.node: ` +
			strings.Repeat(`.Next`, 24) + `...: *document.node contains itself (a cycle)`},
		{"function", func() {}, `document: encode func(): no JSON value`},
		{"bad raw message", []any{json.RawMessage(`{"a":1} x`)},
			`document: encode []interface {}: [0]: json.RawMessage is not valid JSON: data after the value`},
		{"raw message with NaN-like text", []any{json.RawMessage(`NaN`)},
			`document: encode []interface {}: [0]: json.RawMessage is not valid JSON: ` +
				`invalid character 'N'`},
		{"bad number", map[string]any{"n": json.Number("1x")},
			`document: encode map[string]interface {}: marshal failed, invalid number literal: 1x`},
		{"time", time.Unix(0, 0),
			`document: encode time.Time: marshal failed, unsupported type time.Time`},
		{"empty key", map[string]int{"": 1}, `map key cannot be empty`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := encode(tt.value)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

// TestEncodeTurnsPanicsIntoErrors: a NaN the walk cannot reach (behind an
// unexported embedded struct) makes smithy-go's encoder panic.
func TestEncodeTurnsPanicsIntoErrors(t *testing.T) {
	type hidden struct{ F float64 }
	type wrapper struct{ hidden }

	_, err := encode(wrapper{hidden{math.NaN()}})
	assert.EqualError(t, err, "document: encode document.wrapper: invalid float value: NaN")
}

func TestEncodeDeepValue(t *testing.T) {
	var v any = json.Number("1")
	for range 2 * cycleCheckDepth {
		v = []any{v}
	}

	got, err := encode(v)
	require.NoError(t, err)
	assert.Len(t, got, 4*cycleCheckDepth+1)
	assert.Equal(t, "[[1]]", string(got[2*cycleCheckDepth-2:2*cycleCheckDepth+3]))
}

// FuzzEncodeParsedJSON: a value parsed from JSON with json.Number, as
// encoding/json's UseNumber gives it, is written back as the same JSON
// value, every number literal unchanged.
func FuzzEncodeParsedJSON(f *testing.F) {
	for _, seed := range []string{`{"a":[1e400,-0.0,"<\u2028>"],"b":{}}`, `12345678901234567890`,
		`[null,true,"\ud83d\ude00",0.10]`, `"\u0000\"\\"`} {
		f.Add([]byte(seed))
	}

	f.Fuzz(func(t *testing.T, data []byte) {
		tree, err := parseJSON(data)
		if err != nil {
			return
		}

		out, err := encode(tree)
		if err != nil && strings.Contains(err.Error(), "map key cannot be empty") {
			return // smithy-go refuses "" as a key, and so do we
		}
		require.NoError(t, err)
		back, err := parseJSON(out)
		require.NoError(t, err, "%s", out)
		assert.Equal(t, tree, back)
	})
}
