package document

import (
	"encoding/json"
	"math/big"
	"testing"

	smithydocument "github.com/aws/smithy-go/document"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decodeCase decodes json into a new value of the type of want and
// compares it with want.
func decodeCase[T any](t *testing.T, data string, want T) {
	t.Helper()
	var got T
	require.NoError(t, decodeJSON([]byte(data), &got))
	assert.Equal(t, want, got)
}

func TestDecodeTargets(t *testing.T) {
	t.Run("interface", func(t *testing.T) {
		decodeCase[any](t, `{"n":12345678901234567890,"f":0.10,"l":[true,null,"s"]}`, map[string]any{
			"n": smithydocument.Number("12345678901234567890"), "f": smithydocument.Number("0.10"),
			"l": []any{true, nil, "s"},
		})
	})
	t.Run("struct by document tag or name", func(t *testing.T) {
		decodeCase(t, `{"source":"cw","src":"x","Count":2,"secret":"s","threshold":1e-1}`,
			alarm{Source: "cw", Count: 2, Threshold: 0.1})
	})
	t.Run("name matched without case", func(t *testing.T) {
		decodeCase(t, `{"name":"a"}`, struct{ Name string }{"a"})
	})
	t.Run("uint64 limit", func(t *testing.T) {
		decodeCase(t, `18446744073709551615`, uint64(18446744073709551615))
	})
	t.Run("big.Int", func(t *testing.T) {
		decodeCase(t, `-123456789012345678901234567890`, mustBig(t, "-123456789012345678901234567890"))
	})
	t.Run("big.Float", func(t *testing.T) {
		decodeCase(t, `0.5`, mustBigFloat(t, "0.5", 64))
	})
	t.Run("big.Float keeps 64 bits", func(t *testing.T) {
		decodeCase(t, `0.1000000000000000000000000001`, mustBigFloat(t, "0.1", 64))
	})
	t.Run("json.Number", func(t *testing.T) {
		decodeCase(t, `1.50`, json.Number("1.50"))
	})
	t.Run("number into string", func(t *testing.T) {
		decodeCase(t, `1.50`, "1.50")
	})
	t.Run("fixed array", func(t *testing.T) {
		decodeCase(t, `[1,2,3]`, [2]int{1, 2})
	})
}

func TestDecodeErrors(t *testing.T) {
	type hidden struct{ Q int }
	type embedsHidden struct{ *hidden }

	tests := []struct {
		name   string
		data   string
		target any
		want   string
	}{
		{"not JSON", `{`, new(any), "document: parse JSON: unexpected EOF"},
		{"wrong kind", `"s"`, new(int),
			"document: decode into *int: unmarshal failed, cannot unmarshal string into Go value type int"},
		{"overflow", `300`, new(int8), "document: decode into *int8: unmarshal failed, " +
			"cannot unmarshal number overflow, 300 into Go value type int8"},
		{"fraction into int", `1.5`, new(int64), `document: decode into *int64: strconv.ParseInt`},
		{"nil target", `1`, nil, "document: decode into <nil>: "},
		{"not a pointer", `1`, 0, "document: decode into int: "},
		{"smithy-go panics", `{"Q":1}`, new(embedsHidden),
			"document: decode into *document.embedsHidden: " +
				"reflect: reflect.Value.Set using value obtained using unexported field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := decodeJSON([]byte(tt.data), tt.target)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

func mustBig(t *testing.T, s string) *big.Int {
	t.Helper()
	n, ok := new(big.Int).SetString(s, 10)
	require.True(t, ok)
	return n
}
