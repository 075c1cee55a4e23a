package serde

// Tests of the reading paths added for readers that lend text, and of the
// day count that replaced time.Date in ParseDateTime.

import (
	"errors"
	"fmt"
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

// TestParseDateTimeMatchesTimeDate compares the direct day count with
// time.Date across leap years, century years, offsets and year 0.
func TestParseDateTimeMatchesTimeDate(t *testing.T) {
	for _, year := range []int{0, 1, 4, 100, 400, 1600, 1899, 1900, 1969, 1970, 2000, 2024, 2100, 9999} {
		for _, month := range []int{1, 2, 3, 12} {
			day := daysIn(month, year)
			want := time.Date(year, time.Month(month), day, 23, 59, 58, 7, time.UTC)
			require.Equal(t, day, want.Day(), "days in %d-%02d", year, month)

			text := fmt.Sprintf("%04d-%02d-%02dT23:59:58.000000007Z", year, month, day)
			got, err := ParseDateTime(text)
			require.NoError(t, err)
			assert.Equal(t, want, got, text)

			got, err = ParseDateTime(fmt.Sprintf("%04d-%02d-%02dT23:59:58.000000007-01:30",
				year, month, day))
			require.NoError(t, err)
			assert.Equal(t, want.Add(90*time.Minute), got, text)
		}
	}
}
