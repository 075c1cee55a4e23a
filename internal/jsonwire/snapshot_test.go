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
