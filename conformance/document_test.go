package conformance

// The public document packages of both clients: what a lazy document
// encodes to, and what a decoded document unmarshals into. Where ours
// departs from v1.5.2 on purpose, the TestDifference tests at the end
// assert ours and record what v1.5.2 does.

import (
	"encoding/json"
	"math"
	"math/big"
	"reflect"
	"testing"

	odoc "github.com/aws/aws-sdk-go-v2/service/devopsagent/document"
	smithydocument "github.com/aws/smithy-go/document"
	"github.com/devopsagent-go/devopsagent/conformance/internal/mirror"
	"github.com/devopsagent-go/devopsagent/document"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tagged is a caller's struct carrying both kinds of tag.
type tagged struct {
	Name    string `json:"json_name" document:"name"`
	Count   int    `document:"count,omitempty"`
	Skipped string `document:"-"`
	Plain   bool
	Embedded
}

// Embedded is embedded in tagged; its fields are promoted.
type Embedded struct {
	Inner any `document:"inner"`
}

func TestLazyDocumentsEncodeAlike(t *testing.T) {
	tests := []struct {
		name string
		v    any
	}{
		{"nil", nil},
		{"string", "<a&b>\u2028"},
		{"number", 42},
		{"float", 0.1},
		{"large float", 1e21},
		{"float32", float32(0.1)},
		{"integer limits", map[string]any{"max": uint64(math.MaxUint64), "min": int64(math.MinInt64)}},
		{"nested", map[string]any{"z": []any{nil, true, "s", 1.5}, "a": map[string]any{}}},
		{"empty list", []any{}},
		{"integer keys", map[int]string{10: "a", 9: "b"}},
		{"big.Int", map[string]any{"n": mustBigInt(t, "123456789012345678901234567890")}},
		{"document.Number", []any{smithydocument.Number("1e400")}},
		{"untagged struct", struct {
			Name  string
			Count int
		}{"x", 2}},
		{"tagged struct", tagged{Name: "n", Skipped: "s", Embedded: Embedded{Inner: 1}}},
		{"bytes", map[string]any{"b": []byte("hi")}},
		{"typed raw message", struct{ R json.RawMessage }{json.RawMessage(`{}`)}},
		{"functions skipped", map[string]any{"f": func() {}, "c": make(chan int), "a": 1}},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := odoc.NewLazyDocument(tt.v).MarshalSmithyDocument()
			require.NoError(t, err)
			got, err := document.NewLazyDocument(tt.v).MarshalSmithyDocument()
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got))
		})
	}
}

func mustBigInt(t *testing.T, s string) *big.Int {
	t.Helper()
	n, ok := new(big.Int).SetString(s, 10)
	require.True(t, ok)
	return n
}

func mustBigFloat(t *testing.T, s string, prec uint) *big.Float {
	t.Helper()
	f, _, err := big.ParseFloat(s, 10, prec, big.ToNearestEven)
	require.NoError(t, err)
	return f
}

// TestLazyDocumentStructTags: both name struct fields by their `document`
// tags and ignore `json` tags.
func TestLazyDocumentStructTags(t *testing.T) {
	v := struct {
		A string `json:"a_tag"`
		B string `json:"b_json" document:"b_doc"`
	}{"x", "y"}

	want, err := odoc.NewLazyDocument(v).MarshalSmithyDocument()
	require.NoError(t, err)
	assert.Equal(t, `{"A":"x","b_doc":"y"}`, string(want), "v1.5.2")

	got, err := document.NewLazyDocument(v).MarshalSmithyDocument()
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}

// TestLazyDocumentBigFloat: both write a *big.Float as a JSON number, an
// integral value as an integer and any other with the fewest digits that
// give back the same value at its precision.
func TestLazyDocumentBigFloat(t *testing.T) {
	tests := []struct {
		name string
		f    *big.Float
		want string
	}{
		{"fraction", mustBigFloat(t, "2.5", 64), `{"f":2.5e+00}`},
		{"integral", mustBigFloat(t, "1e18", 64), `{"f":1000000000000000000}`},
		{"beyond int64", mustBigFloat(t, "1e30", 64), `{"f":1e+30}`},
		{"200 bits", mustBigFloat(t, "0.1000000000000000000000000001", 200),
			`{"f":1.000000000000000000000000001e-01}`},
		{"negative zero", new(big.Float).Neg(new(big.Float)), `{"f":-0}`},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := map[string]any{"f": tt.f}
			want, err := odoc.NewLazyDocument(v).MarshalSmithyDocument()
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(want), "v1.5.2")

			got, err := document.NewLazyDocument(v).MarshalSmithyDocument()
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
		})
	}
}

// documentValue is what both clients' document types do.
type documentValue interface {
	MarshalSmithyDocument() ([]byte, error)
	UnmarshalSmithyDocument(any) error
}

// decodedDocuments returns the metadata document of the same response as
// decoded by each client.
func decodedDocuments(t *testing.T, metadata string) (theirs, mine documentValue) {
	t.Helper()

	body := `{"task":{"metadata":` + metadata + `}}`
	o, u := runBoth(t, operations["GetBacklogTask"], minimalInputs()["GetBacklogTask"], okJSON(body))
	require.NoError(t, o.err)
	require.NoError(t, u.err)
	return taskMetadata(t, o.output), taskMetadata(t, u.output)
}

// taskMetadata returns Task.Metadata of either client's GetBacklogTask
// output.
func taskMetadata(t *testing.T, out any) documentValue {
	t.Helper()

	task := reflect.ValueOf(out).Elem().FieldByName("Task")
	require.False(t, task.IsNil(), "task")
	doc, ok := task.Elem().FieldByName("Metadata").Interface().(documentValue)
	require.True(t, ok, "metadata document")
	return doc
}

func TestDecodedDocumentsUnmarshalAlike(t *testing.T) {
	const metadata = `{"name":"x","count":7,"ratio":0.25,"big":9007199254740993,"tags":["a","b"],` +
		`"nested":{"ok":true,"none":null},"json_name":"j","label":12.50}`
	theirs, mine := decodedDocuments(t, metadata)

	type target struct {
		Name   string           `document:"name"`
		JSON   string           `json:"json_name"`
		Count  int32            `document:"count"`
		Ratio  float64          `document:"ratio"`
		Big    int64            `document:"big"`
		Tags   []string         `document:"tags"`
		Nested map[string]*bool `document:"nested"`
		Label  string           `document:"label"`
	}
	var want, got target
	require.NoError(t, theirs.UnmarshalSmithyDocument(&want))
	require.NoError(t, mine.UnmarshalSmithyDocument(&got))
	assert.Equal(t, want, got)
	assert.Equal(t, int64(9007199254740993), got.Big, "exact beyond 2^53")
	assert.Empty(t, got.JSON, "json tags are not read")
	assert.Equal(t, "12.50", got.Label, "a number into a string keeps its literal")

	var wantMap, gotMap map[string]any
	require.NoError(t, theirs.UnmarshalSmithyDocument(&wantMap))
	require.NoError(t, mine.UnmarshalSmithyDocument(&gotMap))
	assert.Equal(t, wantMap, gotMap)
	wantTree, err := mirror.Tree(wantMap)
	require.NoError(t, err)
	gotTree, err := mirror.Tree(gotMap)
	require.NoError(t, err)
	assert.Equal(t, wantTree, gotTree)
}

// TestDecodedDocumentNumberType: decoded into an interface value, numbers
// are smithy-go's document.Number in both, holding the literal as sent.
func TestDecodedDocumentNumberType(t *testing.T) {
	theirs, mine := decodedDocuments(t, `{"n":1,"f":0.10000000000000000001,"l":[-0,1e400]}`)

	var want, got map[string]any
	require.NoError(t, theirs.UnmarshalSmithyDocument(&want))
	require.NoError(t, mine.UnmarshalSmithyDocument(&got))

	exact := map[string]any{
		"n": smithydocument.Number("1"),
		"f": smithydocument.Number("0.10000000000000000001"),
		"l": []any{smithydocument.Number("-0"), smithydocument.Number("1e400")},
	}
	assert.Equal(t, exact, want, "v1.5.2")
	assert.Equal(t, exact, got)
}

// TestDecodedDocumentBigFloat: both unmarshal a number into a *big.Float
// with 64 bits of mantissa, so a literal with more significant digits is
// rounded alike.
func TestDecodedDocumentBigFloat(t *testing.T) {
	theirs, mine := decodedDocuments(t,
		`{"half":0.5,"long":0.1000000000000000000000000001,"big":1e400}`)

	var want, got map[string]*big.Float
	require.NoError(t, theirs.UnmarshalSmithyDocument(&want))
	require.NoError(t, mine.UnmarshalSmithyDocument(&got))

	for _, key := range []string{"half", "long", "big"} {
		assert.Equal(t, uint(64), want[key].Prec(), "v1.5.2 %s", key)
		assert.Equal(t, want[key].Text('g', -1), got[key].Text('g', -1), key)
		assert.Equal(t, want[key].Prec(), got[key].Prec(), key)
	}
	assert.Equal(t, "0.5", got["half"].Text('g', -1))
	assert.Equal(t, mustBigFloat(t, "0.1", 64).Text('g', -1), got["long"].Text('g', -1), "rounded")
}

// TestDecodedDocumentsMarshalAlike: a document from a response marshals
// as encoding/json writes its parsed value in both: keys sorted, no
// space, numbers as sent, HTML characters escaped.
func TestDecodedDocumentsMarshalAlike(t *testing.T) {
	theirs, mine := decodedDocuments(t, `{ "z" : [1.50, 1e400, "<&>\u2028"], "a" : {"n":null} }`)

	const want = `{"a":{"n":null},"z":[1.50,1e400,"\u003c\u0026\u003e\u2028"]}`
	assert.Equal(t, want, marshalDocument(t, theirs), "v1.5.2")
	assert.Equal(t, want, marshalDocument(t, mine))
}

// Deliberate: a lazy document unmarshals through its JSON, as a document
// from a response does. v1.5.2's lazy document fails, after filling the
// target by its json tags.
func TestDifferenceLazyDocumentUnmarshals(t *testing.T) {
	value := map[string]any{"name": "x", "n": uint64(math.MaxUint64)}
	type target struct {
		Name string `document:"name"`
		N    any    `document:"n"`
	}

	var theirs target
	err := odoc.NewLazyDocument(value).UnmarshalSmithyDocument(&theirs)
	assert.ErrorContains(t, err, "unsupported json type, *conformance.target", "v1.5.2")

	var mine target
	require.NoError(t, document.NewLazyDocument(value).UnmarshalSmithyDocument(&mine))
	assert.Equal(t, target{Name: "x", N: smithydocument.Number("18446744073709551615")}, mine)
}

// Deliberate: a json.RawMessage held in an interface value is written as
// the JSON it holds; v1.5.2 writes the bytes of the text as numbers.
func TestDifferenceRawMessageInLazyDocument(t *testing.T) {
	v := map[string]any{"r": json.RawMessage(`{"n":1}`)}

	theirs, err := odoc.NewLazyDocument(v).MarshalSmithyDocument()
	require.NoError(t, err)
	assert.Equal(t, `{"r":[123,34,110,34,58,49,125]}`, string(theirs), "v1.5.2")

	mine, err := document.NewLazyDocument(v).MarshalSmithyDocument()
	require.NoError(t, err)
	assert.Equal(t, `{"r":{"n":1}}`, string(mine))
}

// Deliberate: a value JSON cannot hold is an error naming where it sits,
// which validation reports before sending. v1.5.2 panics on a NaN,
// writes invalid JSON for an infinite *big.Float, writes nothing for a
// bare function, and overflows the stack on a value that contains itself
// (not run here: it would end the test binary).
func TestDifferenceUnencodableLazyDocuments(t *testing.T) {
	nan := map[string]any{"a": []any{math.NaN()}}
	assert.PanicsWithValue(t, "invalid float value: NaN", func() {
		_, _ = odoc.NewLazyDocument(nan).MarshalSmithyDocument()
	}, "v1.5.2")
	_, err := document.NewLazyDocument(nan).MarshalSmithyDocument()
	assert.EqualError(t, err,
		`document: encode map[string]interface {}: ["a"][0]: NaN is not a JSON number`)

	inf := map[string]any{"f": new(big.Float).SetInf(false)}
	theirs, err := odoc.NewLazyDocument(inf).MarshalSmithyDocument()
	require.NoError(t, err, "v1.5.2")
	assert.Equal(t, `{"f":+Inf}`, string(theirs), "v1.5.2")
	_, err = document.NewLazyDocument(inf).MarshalSmithyDocument()
	assert.EqualError(t, err,
		`document: encode map[string]interface {}: ["f"]: big.Float +Inf is not a JSON number`)

	theirs, err = odoc.NewLazyDocument(func() {}).MarshalSmithyDocument()
	require.NoError(t, err, "v1.5.2")
	assert.Empty(t, theirs, "v1.5.2")
	_, err = document.NewLazyDocument(func() {}).MarshalSmithyDocument()
	assert.EqualError(t, err,
		"document: encode func(): no JSON value (a function or channel is not encodable)")

	loop := map[string]any{}
	loop["self"] = loop
	_, err = document.NewLazyDocument(loop).MarshalSmithyDocument()
	assert.ErrorContains(t, err, "map[string]interface {} contains itself (a cycle)")
}
