package jsonwire

import (
	"encoding/json"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	smithy "github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadStringMatchesEncodingJSON(t *testing.T) {
	long := strings.Repeat("0123456789abcdef", 3)
	tests := []string{
		`""`, `"plain"`, `"` + long + `"`, `"é and 😀"`,
		`"\"\\\/\b\f\n\r\t"`, `"\u0041\u00e9\u20ac"`, `"\ud83d\ude00"`, `"\uD83D\uDE00x"`,
		`"a\ud800b"`, `"\udc00"`, `"\ud800\u0041"`, `"\ud800\ud800\udc00"`,
		"\"bad \xff byte\"", "\"cut \xe2\x82 rune\"", "\"" + long + "\xc3\"",
		`"` + long + `\n` + long + `\u00e9"`, ` "spaced" `,
	}
	for _, body := range tests {
		t.Run(body, func(t *testing.T) {
			var want string
			require.NoError(t, json.Unmarshal([]byte(body), &want))

			got, err := decodeString(body)
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

func TestReadStringRejects(t *testing.T) {
	tests := []struct {
		body string
		want string
	}{
		{`1`, `offset 0: expected a string, found '1'`},
		{`null`, `offset 0: expected a string, found 'n'`},
		{`"\x"`, `offset 2: invalid escape character 'x'`},
		{`"\u00"`, `offset 5: expected a hex digit in a \u escape, found '"'`},
		{"\"a\nb\"", `offset 2: control character byte 0x0a in a string must be escaped`},
		{`"open`, `offset 5: expected '"' to end the string, found end of input`},
		{`"a" "b"`, `offset 4: expected end of input after the top-level value, found '"'`},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			_, err := decodeString(tt.body)
			require.Error(t, err)
			assert.Equal(t, "json: "+tt.want, err.Error())
		})
	}
}

// TestStringsOutliveTheBody decodes twice from one buffer, as the pooled
// body buffers are reused, and checks that the first strings are intact.
func TestStringsOutliveTheBody(t *testing.T) {
	body := []byte(`"first value, long enough to matter"`)
	first, err := decodeStringBytes(body)
	require.NoError(t, err)

	copy(body, `"other value, long enough to matter"`)
	second, err := decodeStringBytes(body)
	require.NoError(t, err)

	assert.Equal(t, "first value, long enough to matter", first)
	assert.Equal(t, "other value, long enough to matter", second)
}

func decodeStringBytes(body []byte) (string, error) {
	var got string
	err := Unmarshal(body, readFunc(func(d smithy.ShapeDeserializer) error {
		return d.ReadString(nil, &got)
	}))
	return got, err
}

func TestReadIntegers(t *testing.T) {
	read := func(body string, fn func(d smithy.ShapeDeserializer) error) error {
		return Unmarshal([]byte(body), readFunc(fn))
	}
	var i8 int8
	var i16 int16
	var i32 int32
	var i64 int64
	readI8 := func(d smithy.ShapeDeserializer) error { return d.ReadInt8(nil, &i8) }
	readI16 := func(d smithy.ShapeDeserializer) error { return d.ReadInt16(nil, &i16) }
	readI32 := func(d smithy.ShapeDeserializer) error { return d.ReadInt32(nil, &i32) }
	readI64 := func(d smithy.ShapeDeserializer) error { return d.ReadInt64(nil, &i64) }

	require.NoError(t, read(`-128`, readI8))
	assert.Equal(t, int8(-128), i8)
	require.NoError(t, read(`32767`, readI16))
	assert.Equal(t, int16(32767), i16)
	require.NoError(t, read(`-2147483648`, readI32))
	assert.Equal(t, int32(math.MinInt32), i32)
	require.NoError(t, read(`-0`, readI32))
	assert.Equal(t, int32(0), i32)
	require.NoError(t, read(`9223372036854775807`, readI64))
	assert.Equal(t, int64(math.MaxInt64), i64)
	require.NoError(t, read(`-9223372036854775808`, readI64))
	assert.Equal(t, int64(math.MinInt64), i64)

	tests := []struct {
		name string
		body string
		read func(d smithy.ShapeDeserializer) error
		want string
	}{
		{"int8 overflow", `128`, readI8, `offset 0: integer out of int8 range`},
		{"int16 underflow", `-32769`, readI16, `offset 0: integer out of int16 range`},
		{"int32 overflow", `2147483648`, readI32, `offset 0: integer out of int32 range`},
		{"int32 exponent", `1e10`, readI32,
			`offset 0: expected an integer (int32), found a number with a fraction or exponent`},
		{"int32 fraction", `1.5`, readI32,
			`offset 0: expected an integer (int32), found a number with a fraction or exponent`},
		{"int32 string", `"3"`, readI32, `offset 0: expected an integer (int32), found '"'`},
		{"int64 overflow", `9223372036854775808`, readI64, `offset 0: integer out of int64 range`},
		{"int64 many digits", `123456789012345678901234`, readI64,
			`offset 0: integer out of int64 range`},
		{"leading zero", `07`, readI64,
			`offset 1: expected end of input after the top-level value, found '7'`},
		{"minus only", `-`, readI64, `offset 1: expected a digit, found end of input`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := read(tt.body, tt.read)
			require.Error(t, err)
			assert.Equal(t, "json: "+tt.want, err.Error())
		})
	}
}

func TestReadFloats(t *testing.T) {
	read64 := func(body string) (float64, error) {
		var f float64
		err := Unmarshal([]byte(body), readFunc(func(d smithy.ShapeDeserializer) error {
			return d.ReadFloat64(nil, &f)
		}))
		return f, err
	}

	for body, want := range map[string]float64{
		`0`: 0, `-7`: -7, `0.1`: 0.1, `-2.5e3`: -2500, `1E-2`: 0.01, `6.02214076e23`: 6.02214076e23,
		`123456789012345678`: 123456789012345678, `999999999999999`: 999999999999999,
		`"Infinity"`: math.Inf(1), `"-Infinity"`: math.Inf(-1),
	} {
		got, err := read64(body)
		require.NoError(t, err, body)
		assert.Equal(t, want, got, body)
	}

	nan, err := read64(`"NaN"`)
	require.NoError(t, err)
	assert.True(t, math.IsNaN(nan))

	var f32 float32
	require.NoError(t, Unmarshal([]byte(`3.4e38`), readFunc(func(d smithy.ShapeDeserializer) error {
		return d.ReadFloat32(nil, &f32)
	})))
	assert.Equal(t, float32(3.4e38), f32)

	for body, want := range map[string]string{
		`1e400`:  `offset 0: number out of float64 range`,
		`"nan"`:  `offset 0: expected a number or "NaN", "Infinity", "-Infinity"`,
		`true`:   `offset 0: expected a number, found 't'`,
		`1.5.5`:  `offset 3: expected end of input after the top-level value, found '.'`,
		`.5`:     `offset 0: expected a number, found '.'`,
		`-1e+x1`: `offset 4: expected a digit in the exponent, found 'x'`,
	} {
		_, err := read64(body)
		require.Error(t, err, body)
		assert.Equal(t, "json: "+want, err.Error(), body)
	}
}

func TestReadBigNumbers(t *testing.T) {
	var i big.Int
	require.NoError(t, Unmarshal([]byte(`-123456789012345678901234567890`),
		readFunc(func(d smithy.ShapeDeserializer) error { return d.ReadBigInt(nil, &i) })))
	assert.Equal(t, "-123456789012345678901234567890", i.String())

	var f big.Float
	require.NoError(t, Unmarshal([]byte(`1.5e300`),
		readFunc(func(d smithy.ShapeDeserializer) error { return d.ReadBigFloat(nil, &f) })))
	assert.Equal(t, "1.5e+300", f.Text('g', 5))

	err := Unmarshal([]byte(`1.5`),
		readFunc(func(d smithy.ShapeDeserializer) error { return d.ReadBigInt(nil, &i) }))
	assert.EqualError(t, err,
		"json: offset 0: expected an integer, found a number with a fraction or exponent")
}

func TestReadBoolBlobNil(t *testing.T) {
	var b bool
	require.NoError(t, Unmarshal([]byte(` true `),
		readFunc(func(d smithy.ShapeDeserializer) error { return d.ReadBool(nil, &b) })))
	assert.True(t, b)
	err := Unmarshal([]byte(`"true"`),
		readFunc(func(d smithy.ShapeDeserializer) error { return d.ReadBool(nil, &b) }))
	assert.EqualError(t, err, `json: offset 0: expected true or false, found '"'`)

	var blob []byte
	require.NoError(t, Unmarshal([]byte(`"aGk\/IQ=="`),
		readFunc(func(d smithy.ShapeDeserializer) error { return d.ReadBlob(nil, &blob) })))
	assert.Equal(t, []byte("hi?!"), blob)
	err = Unmarshal([]byte(`"not base64"`),
		readFunc(func(d smithy.ShapeDeserializer) error { return d.ReadBlob(nil, &blob) }))
	assert.EqualError(t, err, `json: offset 0: invalid base64 in a blob`)

	var null, notNull bool
	require.NoError(t, Unmarshal([]byte(`[null,1]`), readFunc(func(d smithy.ShapeDeserializer) error {
		var n int32
		return readAll(d.ReadList(nil),
			func() error { _, err := d.ReadListItem(nil); return err },
			func() (err error) { null, err = d.ReadNil(nil); return err },
			func() error { _, err := d.ReadListItem(nil); return err },
			func() (err error) { notNull, err = d.ReadNil(nil); return err },
			func() error { return d.ReadInt32(nil, &n) },
			func() error { _, err := d.ReadListItem(nil); return err },
		)
	})))
	assert.True(t, null)
	assert.False(t, notNull)
}

// readAll returns the first error of first and then the steps, in order.
func readAll(first error, steps ...func() error) error {
	if first != nil {
		return first
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func TestReadTime(t *testing.T) {
	read := func(s *smithy.Schema, body string) (time.Time, error) {
		var v time.Time
		err := Unmarshal([]byte(body), readFunc(func(d smithy.ShapeDeserializer) error {
			return d.ReadTime(s, &v)
		}))
		return v, err
	}
	utc := func(year int, month time.Month, day, hour, minute, sec, nanos int) time.Time {
		return time.Date(year, month, day, hour, minute, sec, nanos, time.UTC)
	}

	tests := []struct {
		schema *smithy.Schema
		body   string
		want   time.Time
	}{
		{pointWhen, `"2026-01-02T15:04:05Z"`, utc(2026, 1, 2, 15, 4, 5, 0)},
		{pointWhen, `"2026-01-02t15:04:05.123z"`, utc(2026, 1, 2, 15, 4, 5, 123_000_000)},
		{pointWhen, `"2026-01-02T17:04:05.123456789+02:00"`, utc(2026, 1, 2, 15, 4, 5, 123456789)},
		{pointWhen, `"2026-01-02T15:04:05\u005a"`, utc(2026, 1, 2, 15, 4, 5, 0)},
		{pointEpoch, `1767366245`, utc(2026, 1, 2, 15, 4, 5, 0)},
		{pointEpoch, `1767366245.123`, utc(2026, 1, 2, 15, 4, 5, 123_000_000)},
		{pointEpoch, `1.767366245e9`, utc(2026, 1, 2, 15, 4, 5, 0)},
		{pointHTTP, `"Fri, 02 Jan 2026 15:04:05 GMT"`, utc(2026, 1, 2, 15, 4, 5, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			got, err := read(tt.schema, tt.body)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}

	_, err := read(pointWhen, `"2026-13-01T00:00:00Z"`)
	assert.ErrorContains(t, err, `invalid date-time "2026-13-01T00:00:00Z": month out of range`)
	_, err = read(pointEpoch, `"NaN"`)
	assert.ErrorContains(t, err, "epoch-seconds timestamp NaN out of range")
	_, err = read(pointEpoch, `"2026-01-02T15:04:05Z"`)
	assert.ErrorContains(t, err, `expected a number or "NaN"`)
}
