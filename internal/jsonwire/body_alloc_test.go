//go:build !race

package jsonwire

// The allocation count below depends on sync.Pool keeping what was put
// back, which the race detector deliberately defeats at random; so this
// test runs only in builds without -race; scripts/test.sh runs this
// package once more without it.

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeBodyReusesItsBuffer(t *testing.T) {
	body := []byte(`["` + strings.Repeat("x", 40_000) + `"]`)
	decode := func() {
		var got labels
		require.NoError(t, DecodeBody(bytes.NewReader(body), int64(len(body)), &got))
	}
	decode()

	// The reader, the output value, its slice and the 40 KB string (too
	// large for the arena) are the test's four allocations; the 40 KB
	// body buffer, the decoder and its frames come from pools.
	assert.Equal(t, 4.0, testing.AllocsPerRun(20, decode))
}
