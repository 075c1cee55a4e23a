package jsonwire

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSnapshotBlanksValues(t *testing.T) {
	tests := []struct {
		name string
		data string
		off  int
		want string
	}{
		{
			name: "decoded keys kept, values blanked, undecoded tail blanked",
			data: `{"id":"w-1","n":12,"ok":true,"secret" : "s3cr3t" "x":1}`,
			off:  49,
			want: `{"id":"***","n":12,"ok":true,"secret" : "******" "*":*}`,
		},
		{
			name: "escaped quote stays inside the value",
			data: `{"token":"a\"b","n":[1,true,null]}`,
			off:  34,
			want: `{"token":"****","n":[1,true,null]}`,
		},
		{
			name: "value still open at the failure",
			data: `{"apiKey":"abc\qdef"}`,
			off:  14,
			want: `{"apiKey":"********"}`,
		},
		{
			name: "stray quote: what follows is not parsed for keys",
			data: `{"name":"n"","description":"SECRET-B"}`,
			off:  11,
			want: `{"name":"*"","***********":"********"}`,
		},
		{
			name: "a value followed by a colon is not a key",
			data: `{"description":"SECRET-C":1}`,
			off:  25,
			want: `{"description":"********":*}`,
		},
		{
			name: "offset past the end",
			data: `{"k":"v"}`,
			off:  50,
			want: `{"k":"*"}`,
		},
		{
			name: "bare and single-quoted values",
			data: `{"a":SECRET-D,"b":'SECRET-F'}`,
			off:  5,
			want: `{"a":********,"*":**********}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, string(snapshot([]byte(tt.data), tt.off)))
		})
	}
}

func TestSnapshotWindowStartsInsideAValue(t *testing.T) {
	secret := strings.Repeat("s", 100)
	data := `{"clientSecret":"` + secret + `","name":"n" x}`
	off := len(data) - 2

	got := string(snapshot([]byte(data), off))

	tail := `","name":"*" *}`
	want := strings.Repeat("*", snapshotRadius+2-len(tail)) + tail
	assert.Equal(t, want, got)
}

// FuzzSnapshot checks, for any body and offset, that a snapshot is the
// window around the offset, that it never holds a byte after the offset
// other than punctuation, quotes, white space or the mask, and that
// every byte it changed became the mask.
func FuzzSnapshot(f *testing.F) {
	f.Add([]byte(`{"id":"w-1","secret":"s3cr3t" "x":1}`), 30)
	f.Add([]byte(`{"a":"b\"c","d":[1,true,null]}`), 5)
	f.Add([]byte(`["x" "y"]`), 100)
	f.Fuzz(func(t *testing.T, data []byte, off int) {
		got := snapshot(data, off)

		at := min(max(off, 0), len(data))
		lo, hi := max(0, at-snapshotRadius), min(len(data), at+snapshotRadius)
		if len(got) != hi-lo {
			t.Fatalf("snapshot of %d bytes, want the %d around offset %d", len(got), hi-lo, at)
		}
		for i, b := range got {
			orig := data[lo+i]
			if b != orig && b != snapshotMask {
				t.Fatalf("byte %d changed to %q, not to the mask", lo+i, b)
			}
			if lo+i >= at && b != snapshotMask && !strings.ContainsRune("{}[],:\" \t\n\r", rune(b)) {
				t.Fatalf("byte %d (%q) after the failure was kept", lo+i, b)
			}
		}
	})
}
