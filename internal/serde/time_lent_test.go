package serde

import (
	"errors"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseLentKeepsNoBorrowedText lends text from a buffer that is then
// overwritten, as a reused body buffer is: what a failing parser kept
// must be a copy.
func TestParseLentKeepsNoBorrowedText(t *testing.T) {
	buf := []byte("2026-99-99")
	lent := unsafe.String(unsafe.SliceData(buf), len(buf))

	var kept string
	parse := func(text string) (time.Time, error) {
		kept = text
		return time.Time{}, errors.New("bad date")
	}
	err := parseLent(lent, &time.Time{}, parse)
	require.EqualError(t, err, "bad date")

	copy(buf, "XXXXXXXXXX")
	assert.Equal(t, "2026-99-99", kept)
}

func TestParseLentSetsTheTime(t *testing.T) {
	var v time.Time
	require.NoError(t, parseLent("2026-01-02T15:04:05z", &v, ParseDateTime))
	assert.Equal(t, time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC), v)
}
