package serde

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDateTime(t *testing.T) {
	utc := func(y int, mo time.Month, d, h, mi, s, ns int) time.Time {
		return time.Date(y, mo, d, h, mi, s, ns, time.UTC)
	}
	tests := []struct {
		text string
		want time.Time
	}{
		{"2026-01-02T15:04:05Z", utc(2026, 1, 2, 15, 4, 5, 0)},
		{"2026-01-02T15:04:05.123Z", utc(2026, 1, 2, 15, 4, 5, 123_000_000)},
		{"2026-01-02t15:04:05.123z", utc(2026, 1, 2, 15, 4, 5, 123_000_000)},
		{"2026-01-02 15:04:05Z", utc(2026, 1, 2, 15, 4, 5, 0)},
		{"2026-01-02T15:04:05.1Z", utc(2026, 1, 2, 15, 4, 5, 100_000_000)},
		{"2026-01-02T15:04:05.123456789Z", utc(2026, 1, 2, 15, 4, 5, 123_456_789)},
		{"2026-01-02T15:04:05.1234567891Z", utc(2026, 1, 2, 15, 4, 5, 123_456_789)},
		{"2026-01-02T17:04:05+02:00", utc(2026, 1, 2, 15, 4, 5, 0)},
		{"2026-01-02T10:34:05.5-04:30", utc(2026, 1, 2, 15, 4, 5, 500_000_000)},
		{"2026-01-01T00:30:00+01:00", utc(2025, 12, 31, 23, 30, 0, 0)},
		{"2024-02-29T00:00:00Z", utc(2024, 2, 29, 0, 0, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := ParseDateTime(tt.text)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, time.UTC, got.Location())
		})
	}
}

func TestParseDateTimeRejects(t *testing.T) {
	tests := []struct{ text, reason string }{
		{"", "missing year"},
		{"2026-01-02", "missing 'T' between date and time"},
		{"2026-01-02T15:04:05", "missing time zone"},
		{"2026-13-02T15:04:05Z", "month out of range"},
		{"2025-02-29T15:04:05Z", "day out of range for the month"},
		{"2026-01-02T24:00:00Z", "hour out of range"},
		{"2026-01-02T15:04:60Z", "second out of range"},
		{"2026-01-02T15:04:05.Z", "missing digits after '.'"},
		{"2026-01-02T15:04:05+0200", "missing ':' in the zone offset"},
		{"2026-01-02T15:04:05Zjunk", "unexpected text after the time zone"},
		{"2026/01/02T15:04:05Z", "missing '-' after the year"},
		{"2026-01-0xT15:04:05Z", "bad digit in day"},
		{"1700000000", "missing '-' after the year"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			_, err := ParseDateTime(tt.text)
			require.Error(t, err)
			assert.Equal(t, `serde: invalid date-time "`+tt.text+`": `+tt.reason, err.Error())
		})
	}
}

func TestEpochSeconds(t *testing.T) {
	tests := []struct {
		sec  float64
		want time.Time
	}{
		{0, time.Unix(0, 0).UTC()},
		{1.7e9, time.Unix(1_700_000_000, 0).UTC()},
		{1700000000.123, time.UnixMilli(1_700_000_000_123).UTC()},
		{1700000000.1239, time.UnixMilli(1_700_000_000_123).UTC()},
		{-1.5, time.UnixMilli(-1500).UTC()},
	}
	for _, tt := range tests {
		got, err := EpochSeconds(tt.sec)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "%v", tt.sec)
	}

	_, err := EpochSeconds(1e300)
	assert.EqualError(t, err, "serde: epoch-seconds timestamp 1e+300 out of range")
}

func TestReadTimestamps(t *testing.T) {
	h, err := decode(t, `{"when":"2026-01-02t15:04:05.123z","epoch":1.7e9,`+
		`"httpDate":"Fri, 02 Jan 2026 15:04:05 GMT"}`)
	require.NoError(t, err)

	assert.Equal(t, time.Date(2026, 1, 2, 15, 4, 5, 123_000_000, time.UTC), *h.When)
	assert.Equal(t, time.Unix(1_700_000_000, 0).UTC(), *h.Epoch)
	assert.Equal(t, time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC), *h.HTTPDate)
}

func TestReadTimestampErrors(t *testing.T) {
	tests := []struct{ body, want string }{
		{`{"when":"yesterday"}`, `invalid date-time "yesterday"`},
		{`{"when":1700000000}`, "expected string"},
		{`{"epoch":"2026-01-02T15:04:05Z"}`, "unexpected string value for float"},
	}
	for _, tt := range tests {
		_, err := decode(t, tt.body)
		require.Error(t, err, tt.body)
		assert.Contains(t, err.Error(), tt.want)
	}
}
