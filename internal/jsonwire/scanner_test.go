package jsonwire

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// validityCorpus holds inputs on both sides of the grammar; the tests
// require the scanner to agree with encoding/json on each.
var validityCorpus = []string{
	// Valid.
	`{}`, `[]`, `""`, `0`, `-0`, `1`, `-1`, `0.5`, `-0.5e-3`, `1E+2`, `1e2`, `12345678901234567890`,
	`true`, `false`, `null`, ` {} `, "\t\n\r [ ] \n",
	`{"a":1}`, `{"a":{"b":[1,2,{"c":null}]}}`, `[1,"a",true,false,null,{},[]]`,
	`{"":""}`, `{"a":1,"a":2}`, `"\"\\\/\b\f\n\r\t"`, `"\u0000\u00e9\uD83D\uDE00"`,
	`"\ud800"`, `"\udc00\ud800"`, "\"\xff\xfe\"", `"é😀"`, "\"\x7f\"",
	`"0123456789abcdef0123456789abcdef"`, `{"k":"0123456789\"abcdef"}`,
	`[1 , 2 ,3]`, `{ "a" : 1 , "b" : [ ] }`,

	// Invalid.
	``, ` `, `{`, `}`, `[`, `]`, `{]`, `[}`, `{"a"}`, `{"a":}`, `{"a" 1}`, `{a:1}`,
	`{"a":1,}`, `[1,]`, `[,1]`, `{,}`, `[1 2]`, `{"a":1 "b":2}`, `{"a":1}{}`, `1 2`,
	`01`, `-`, `-a`, `+1`, `.5`, `1.`, `1.e5`, `1e`, `1e+`, `0x10`, `1_000`, `Infinity`, `NaN`,
	`tru`, `truex`, `nul`, `nulL`, `False`, `"abc`, `"\q"`, `"\u12"`, `"\u12G4"`, `"\`,
	"\"a\x01\"", "\"tab\there\"", "\"0123456789abcdef\x1f\"", `'a'`, "\x00", "{}\x00",
	`[` + strings.Repeat(`[`, 20), `{"a":[1,{"b":2]}}`, "\ufeff{}",
}

func TestScannerAgreesWithEncodingJSON(t *testing.T) {
	for _, input := range validityCorpus {
		t.Run(input, func(t *testing.T) {
			err := valid([]byte(input))
			assert.Equal(t, json.Valid([]byte(input)), err == nil, "scanner error: %v", err)
		})
	}
}

func TestScannerErrorsNameOffsetAndExpectation(t *testing.T) {
	tests := []struct {
		input  string
		offset int
		want   string
	}{
		{``, 0, `expected a value, found end of input`},
		{`{"a":1,}`, 7, `expected a string key, found '}'`},
		{`{"a" 1}`, 5, `expected ':' after an object key, found '1'`},
		{`[1 2]`, 3, `expected ',' or ']' after an array element, found '2'`},
		{`{"a":1 "b":2}`, 7, `expected ',' or '}' after an object member, found '"'`},
		{`{"a":1} x`, 8, `expected end of input after the top-level value, found 'x'`},
		{`01`, 1, `expected end of input after the top-level value, found '1'`},
		{`1.e5`, 2, `expected a digit after '.', found 'e'`},
		{`1e+`, 3, `expected a digit in the exponent, found end of input`},
		{`-a`, 1, `expected a digit, found 'a'`},
		{`nulL`, 3, `expected null, found 'L'`},
		{`"abc`, 4, `expected '"' to end the string, found end of input`},
		{`"a\qb"`, 3, `invalid escape character 'q'`},
		{`"\u12G4"`, 5, `expected a hex digit in a \u escape, found 'G'`},
		{"\"0123456789\x1f\"", 11, `control character byte 0x1f in a string must be escaped`},
		{"\x00", 0, `expected a value, found byte 0x00`},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			err := valid([]byte(tt.input))
			var jsonErr *Error
			require.ErrorAs(t, err, &jsonErr)
			assert.Equal(t, tt.offset, jsonErr.Offset)
			assert.Equal(t, tt.want, jsonErr.Msg)
		})
	}
}

func TestScannerDepthLimit(t *testing.T) {
	nested := func(n int) string {
		return strings.Repeat(`[`, n) + strings.Repeat(`]`, n)
	}
	nestedObjects := func(n int) string {
		return strings.Repeat(`{"a":`, n) + `1` + strings.Repeat(`}`, n)
	}

	require.NoError(t, valid([]byte(nested(maxDepth))))
	require.NoError(t, valid([]byte(nestedObjects(maxDepth))))

	for _, input := range []string{nested(maxDepth + 1), nestedObjects(maxDepth + 1),
		nested(10_000), strings.Repeat(`[`, 10_000)} {
		err := valid([]byte(input))
		var jsonErr *Error
		require.ErrorAs(t, err, &jsonErr)
		assert.Contains(t, jsonErr.Msg, "nested deeper than 1000 levels")
	}
}

// TestStopBytesAtEveryPosition moves each byte that ends a plain run
// through every position of a 24-byte string, across word boundaries.
func TestStopBytesAtEveryPosition(t *testing.T) {
	for _, stop := range []byte{'"', '\\', 0x00, 0x1f} {
		for i := range 24 {
			content := []byte(strings.Repeat("é", 12)) // non-ASCII before the stop byte
			content[i] = stop
			j, _ := plainRun(content, 0)
			assert.Equal(t, i, j, "stop byte %q at %d", stop, i)
		}
	}

	for _, tt := range []struct {
		content  string
		nonASCII bool
	}{
		{strings.Repeat("a", 20), false},
		{strings.Repeat("a", 19) + "é", true},
		{"aé" + strings.Repeat("a", 20), true},
		{strings.Repeat("a", 7) + `"é`, false}, // the é is after the quote
	} {
		_, nonASCII := plainRun([]byte(tt.content), 0)
		assert.Equal(t, tt.nonASCII, nonASCII, tt.content)
	}
}

func FuzzScanner(f *testing.F) {
	for _, input := range validityCorpus {
		f.Add([]byte(input))
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		err := valid(input)
		var jsonErr *Error
		if err != nil {
			require.ErrorAs(t, err, &jsonErr)
			require.True(t, jsonErr.Offset >= 0 && jsonErr.Offset <= len(input),
				"offset %d outside the input", jsonErr.Offset)
			if strings.Contains(jsonErr.Msg, "nested deeper") {
				return // encoding/json allows 10000 levels
			}
		}
		require.Equal(t, json.Valid(input), err == nil, "scanner error: %v", err)
	})
}
