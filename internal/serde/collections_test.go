package serde

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadList(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"elements in order", `{"names":["a","b"]}`, []string{"a", "b"}},
		{"nulls are dropped", `{"names":[null,"a",null,"b",null]}`, []string{"a", "b"}},
		{"empty", `{"names":[]}`, nil},
		{"only nulls", `{"names":[null]}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := decode(t, tt.body)
			require.NoError(t, err)
			assert.Equal(t, tt.want, h.Names)
		})
	}
}

func TestReadListErrors(t *testing.T) {
	tests := []struct{ body, want string }{
		{`{"names":{"a":1}}`, "expected '['"},
		{`{"names":["a",1]}`, "expected string"},
		{`{"names":["a"`, "unexpected"},
	}
	for _, tt := range tests {
		_, err := decode(t, tt.body)
		require.Error(t, err, tt.body)
		assert.Contains(t, err.Error(), tt.want, tt.body)
	}
}

func TestReadMap(t *testing.T) {
	h, err := decode(t, `{"counts":{"a":1,"skip":null,"b":2,"a\"q":3}}`)
	require.NoError(t, err)
	assert.Equal(t, map[string]int32{"a": 1, "b": 2, `a"q`: 3}, h.Counts)

	_, err = decode(t, `{"counts":["a"]}`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "expected '{'")
}
