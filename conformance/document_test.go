package conformance

// The public document packages of both clients: what a lazy document
// encodes to, and what a decoded document unmarshals into.

import (
	"math"
	"math/big"
	"reflect"
	"testing"

	odoc "github.com/aws/aws-sdk-go-v2/service/devopsagent/document"
	"github.com/devopsagent-go/devopsagent/conformance/internal/mirror"
	"github.com/devopsagent-go/devopsagent/document"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLazyDocumentsEncodeAlike(t *testing.T) {
	tests := []struct {
		name string
		v    any
	}{
		{"nil", nil},
		{"string", "<a&b>"},
		{"number", 42},
		{"float", 0.1},
		{"large float", 1e21},
		{"integer limits", map[string]any{"max": uint64(math.MaxUint64), "min": int64(math.MinInt64)}},
		{"nested", map[string]any{"z": []any{nil, true, "s", 1.5}, "a": map[string]any{}}},
		{"empty list", []any{}},
		{"big.Int", map[string]any{"n": mustBigInt(t, "123456789012345678901234567890")}},
		{"untagged struct", struct {
			Name  string
			Count int
		}{"x", 2}},
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

// TestLazyDocumentStructTags: ours encodes Go structs with their json
// tags, v1.5.2 ignores json tags ({"A":"x"} instead of {"a_tag":"x"}).
func TestLazyDocumentStructTags(t *testing.T) {
	knownDifference(t, "lazy documents: ours honours json struct tags, v1.5.2 does not")

	v := struct {
		A string `json:"a_tag"`
	}{"x"}
	want, err := odoc.NewLazyDocument(v).MarshalSmithyDocument()
	require.NoError(t, err)
	got, err := document.NewLazyDocument(v).MarshalSmithyDocument()
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}

// TestLazyDocumentBigFloat: v1.5.2 writes a *big.Float as a (rounded)
// JSON number, ours as a JSON string.
func TestLazyDocumentBigFloat(t *testing.T) {
	knownDifference(t, "lazy documents: *big.Float is a JSON number in v1.5.2, a string in ours")

	f, _, err := big.ParseFloat("2.5", 10, 64, big.ToNearestEven)
	require.NoError(t, err)
	want, err := odoc.NewLazyDocument(map[string]any{"f": f}).MarshalSmithyDocument()
	require.NoError(t, err)
	got, err := document.NewLazyDocument(map[string]any{"f": f}).MarshalSmithyDocument()
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}

// unmarshaler is the decoding half of both clients' document types.
type unmarshaler interface {
	UnmarshalSmithyDocument(any) error
}

// decodedDocuments returns the metadata document of the same response as
// decoded by each client.
func decodedDocuments(t *testing.T, metadata string) (theirs, mine unmarshaler) {
	t.Helper()

	body := `{"task":{"metadata":` + metadata + `}}`
	o, u := runBoth(t, operations["GetBacklogTask"], minimalInputs()["GetBacklogTask"], okJSON(body))
	require.NoError(t, o.err)
	require.NoError(t, u.err)
	return taskMetadata(t, o.output), taskMetadata(t, u.output)
}

// taskMetadata returns Task.Metadata of either client's GetBacklogTask
// output.
func taskMetadata(t *testing.T, out any) unmarshaler {
	t.Helper()

	task := reflect.ValueOf(out).Elem().FieldByName("Task")
	require.False(t, task.IsNil(), "task")
	doc, ok := task.Elem().FieldByName("Metadata").Interface().(unmarshaler)
	require.True(t, ok, "metadata document")
	return doc
}

func TestDecodedDocumentsUnmarshalAlike(t *testing.T) {
	const metadata = `{"name":"x","count":7,"ratio":0.25,"big":9007199254740993,"tags":["a","b"],` +
		`"nested":{"ok":true,"none":null}}`
	theirs, mine := decodedDocuments(t, metadata)

	type target struct {
		Name   string           `json:"name"`
		Count  int32            `json:"count"`
		Ratio  float64          `json:"ratio"`
		Big    int64            `json:"big"`
		Tags   []string         `json:"tags"`
		Nested map[string]*bool `json:"nested"`
	}
	var want, got target
	require.NoError(t, theirs.UnmarshalSmithyDocument(&want))
	require.NoError(t, mine.UnmarshalSmithyDocument(&got))
	assert.Equal(t, want, got)
	assert.Equal(t, int64(9007199254740993), got.Big, "exact beyond 2^53")

	// Into interface values both keep numbers as exact strings, of
	// different types (TestDecodedDocumentNumberType); the trees agree.
	var wantMap, gotMap map[string]any
	require.NoError(t, theirs.UnmarshalSmithyDocument(&wantMap))
	require.NoError(t, mine.UnmarshalSmithyDocument(&gotMap))
	wantTree, err := mirror.Tree(wantMap)
	require.NoError(t, err)
	gotTree, err := mirror.Tree(gotMap)
	require.NoError(t, err)
	assert.Equal(t, wantTree, gotTree)
}

// TestDecodedDocumentNumberType: decoded into an interface value, numbers
// are smithy-go's document.Number in v1.5.2 and json.Number in ours; both
// exact, but a type switch written for one misses the other.
func TestDecodedDocumentNumberType(t *testing.T) {
	knownDifference(t, "decoded document numbers: document.Number in v1.5.2, json.Number in ours")

	theirs, mine := decodedDocuments(t, `{"n":1}`)
	var want, got map[string]any
	require.NoError(t, theirs.UnmarshalSmithyDocument(&want))
	require.NoError(t, mine.UnmarshalSmithyDocument(&got))
	assert.IsType(t, want["n"], got["n"])
}

// TestDecodedDocumentBigFloat: v1.5.2 unmarshals a number into a
// *big.Float; ours fails.
func TestDecodedDocumentBigFloat(t *testing.T) {
	knownDifference(t, "decoded documents: *big.Float target works in v1.5.2, fails in ours")

	theirs, mine := decodedDocuments(t, `{"f":0.5}`)
	var want, got map[string]*big.Float
	require.NoError(t, theirs.UnmarshalSmithyDocument(&want))
	require.NoError(t, mine.UnmarshalSmithyDocument(&got))
	assert.Equal(t, want["f"].String(), got["f"].String())
}
