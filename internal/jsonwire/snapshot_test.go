package jsonwire

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSnapshotBlanksStringValues(t *testing.T) {
	tests := []struct {
		name string
		data string
		off  int
		want string
	}{
		{
			name: "keys kept, values blanked",
			data: `{"id":"w-1","secret" : "s3cr3t" "x":1}`,
			off:  32,
			want: `{"id":"***","secret" : "******" "x":1}`,
		},
		{
			name: "escaped quote stays inside the value",
			data: `{"token":"a\"b","n":[1,true,null]}`,
			off:  0,
			want: `{"token":"****","n":[1,true,null]}`,
		},
		{
			name: "unterminated value blanked to the end",
			data: `{"apiKey":"abc`,
			off:  14,
			want: `{"apiKey":"***`,
		},
		{
			name: "string values in arrays",
			data: `["one", "two"]`,
			off:  7,
			want: `["***", "***"]`,
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

	tail := `","name":"*" x}`
	want := strings.Repeat("*", snapshotRadius+2-len(tail)) + tail
	assert.Equal(t, want, got)
}
