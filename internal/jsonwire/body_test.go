package jsonwire

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	smithy "github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// labels is the body the DecodeBody tests read: a list of strings.
type labels []string

func (l *labels) Deserialize(d smithy.ShapeDeserializer) error {
	if err := d.ReadList(nil); err != nil {
		return err
	}
	for {
		more, err := d.ReadListItem(nil)
		if !more || err != nil {
			return err
		}
		*l = append(*l, "")
		if err := d.ReadString(nil, &(*l)[len(*l)-1]); err != nil {
			return err
		}
	}
}

func TestDecodeBodyLengths(t *testing.T) {
	body := `["a","b` + strings.Repeat("c", 2000) + `"]`
	tests := []struct {
		name          string
		contentLength int64
		reader        func() io.Reader
	}{
		{"exact", int64(len(body)), func() io.Reader { return strings.NewReader(body) }},
		{"unknown", -1, func() io.Reader { return strings.NewReader(body) }},
		{"too small", 3, func() io.Reader { return strings.NewReader(body) }},
		{"too large", 1 << 40, func() io.Reader { return strings.NewReader(body) }},
		{"one byte per read", int64(len(body)),
			func() io.Reader { return iotest.OneByteReader(strings.NewReader(body)) }},
		{"data with EOF", int64(len(body)),
			func() io.Reader { return iotest.DataErrReader(strings.NewReader(body)) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got labels
			require.NoError(t, DecodeBody(tt.reader(), tt.contentLength, &got))
			assert.Equal(t, labels{"a", "b" + strings.Repeat("c", 2000)}, got)
		})
	}
}

// TestLyingContentLengthIsBounded sends a tiny body that claims a
// terabyte: the buffer allocated up front must stay within maxPresize.
func TestLyingContentLengthIsBounded(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var got labels
	require.NoError(t, DecodeBody(strings.NewReader(`["x"]`), 1<<40, &got))
	runtime.ReadMemStats(&after)

	assert.Equal(t, labels{"x"}, got)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(maxPresize+1<<20))
}

// TestLargeBodyGrowsToItsDeclaredLength reads bodies beyond maxPresize:
// the buffer doubles from there, but stops at the declared length.
func TestLargeBodyGrowsToItsDeclaredLength(t *testing.T) {
	const size = 3*maxPresize + 5
	body := bytes.Repeat([]byte("x"), size)
	tests := []struct {
		name          string
		contentLength int64
		wantCap       int
	}{
		{"declared", size, size + 1},
		{"declared too small", maxPresize, 4 * (maxPresize + 1)},
		{"declared too large", 100 * size, 4 * (maxPresize + 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			buf, err := readBody(bytes.NewReader(body), tt.contentLength)
			require.NoError(t, err)
			assert.Equal(t, size, len(*buf))
			assert.Equal(t, tt.wantCap, cap(*buf))
		})
	}

	// With no length, growth starts from whatever buffer the pool had.
	buf, err := readBody(bytes.NewReader(body), -1)
	require.NoError(t, err)
	assert.Equal(t, size, len(*buf))
	assert.LessOrEqual(t, cap(*buf), 2*size)
}

func TestDecodeBodyEmptyIsAnEmptyObject(t *testing.T) {
	var p point
	require.NoError(t, DecodeBody(strings.NewReader(""), 0, &p))
	assert.Equal(t, point{}, p)
}

func TestDecodeBodyErrors(t *testing.T) {
	t.Run("read error", func(t *testing.T) {
		boom := errors.New("boom")
		r := io.MultiReader(strings.NewReader(`["a",`), iotest.ErrReader(boom))
		err := DecodeBody(r, -1, &labels{})

		var deserErr *smithy.DeserializationError
		require.ErrorAs(t, err, &deserErr)
		assert.ErrorIs(t, err, boom)
		assert.EqualError(t, err, "deserialization failed, read response body: boom")
	})

	t.Run("syntax error", func(t *testing.T) {
		body := `["` + strings.Repeat("a", 100) + `" "` + strings.Repeat("b", 100) + `"]`
		err := DecodeBody(strings.NewReader(body), int64(len(body)), &labels{})

		var deserErr *smithy.DeserializationError
		require.ErrorAs(t, err, &deserErr)
		var jsonErr *Error
		require.ErrorAs(t, err, &jsonErr)
		assert.Equal(t, 104, jsonErr.Offset)
		want := strings.Repeat("*", 62) + `" "` + strings.Repeat("*", 63)
		assert.Equal(t, want, string(deserErr.Snapshot))
	})

	t.Run("value error without an offset of its own", func(t *testing.T) {
		body := `{"when":"2026-13-01T00:00:00Z"}`
		err := DecodeBody(strings.NewReader(body), int64(len(body)), readFunc(
			func(d smithy.ShapeDeserializer) error {
				return readAll(d.ReadStruct(pointSchema),
					func() error { _, err := d.ReadStructMember(); return err },
					func() error { return d.ReadTime(pointWhen, &time.Time{}) })
			}))

		var deserErr *smithy.DeserializationError
		require.ErrorAs(t, err, &deserErr)
		assert.ErrorContains(t, err, `month out of range (json offset 30)`)
		assert.Equal(t, `{"when":"********************"}`, string(deserErr.Snapshot))
	})
}
