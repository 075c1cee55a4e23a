package serde

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"time"

	smithy "github.com/aws/smithy-go"
	smithytime "github.com/aws/smithy-go/time"
)

// ReadDateTime reads a date-time timestamp (RFC 3339 text) into v.
//
// smithy-go's own parser rejects a lower-case "z" and "t", which RFC 3339
// allows, so the text is read as a string and parsed by ParseDateTime.
func ReadDateTime(d smithy.ShapeDeserializer, s *smithy.Schema, v *time.Time) error {
	return readText(d, s, v, ParseDateTime)
}

// ReadHTTPDate reads an http-date timestamp (RFC 7231 IMF-fixdate) into v.
func ReadHTTPDate(d smithy.ShapeDeserializer, s *smithy.Schema, v *time.Time) error {
	return readText(d, s, v, smithytime.ParseHTTPDate)
}

// ReadEpochSeconds reads an epoch-seconds timestamp (a JSON number such as
// 1700000000, 1700000000.123 or 1.7e9) into v, to millisecond precision.
func ReadEpochSeconds(d smithy.ShapeDeserializer, s *smithy.Schema, v *time.Time) error {
	f := floatScratch.Get().(*float64)
	defer floatScratch.Put(f)

	if err := d.ReadFloat64(s, f); err != nil {
		return err
	}
	t, err := EpochSeconds(*f)
	if err != nil {
		return err
	}
	*v = t
	return nil
}

// Scratch values for reads through the ShapeDeserializer interface: its
// methods make their pointer arguments escape, so a local would cost a heap
// allocation on every timestamp.
var (
	textScratch  = sync.Pool{New: func() any { return new(string) }}
	floatScratch = sync.Pool{New: func() any { return new(float64) }}
)

// TextReader is implemented by a ShapeDeserializer that can lend the text
// of the next string value without copying it (internal/jsonwire's does).
// Timestamps are parsed from the lent text: no copy, no scratch string.
type TextReader interface {
	// ReadText consumes a string value and returns its text, valid only
	// until the next read.
	ReadText() (string, error)
}

// readText reads a string and parses it into v with parse.
func readText(d smithy.ShapeDeserializer, s *smithy.Schema, v *time.Time,
	parse func(string) (time.Time, error),
) error {
	if r, ok := d.(TextReader); ok {
		text, err := r.ReadText()
		if err != nil {
			return err
		}
		return parseLent(text, v, parse)
	}

	text := textScratch.Get().(*string)
	defer func() {
		*text = ""
		textScratch.Put(text)
	}()

	if err := d.ReadString(s, text); err != nil {
		return err
	}
	t, err := parse(*text)
	if err != nil {
		return err
	}
	*v = t
	return nil
}

// parseLent parses text, which is only lent, into v. A parser's error may
// keep the text it was given, so on failure the text is parsed again from
// a copy and that error is returned.
func parseLent(text string, v *time.Time, parse func(string) (time.Time, error)) error {
	t, err := parse(text)
	if err != nil {
		_, err = parse(strings.Clone(text))
		return err
	}
	*v = t
	return nil
}

// EpochSeconds converts seconds since the Unix epoch to a UTC time,
// truncated to the millisecond like the official client.
func EpochSeconds(sec float64) (time.Time, error) {
	const limit = math.MaxInt64 / 1e3 // milliseconds must fit an int64
	if math.IsNaN(sec) || math.IsInf(sec, 0) || math.Abs(sec) >= limit {
		return time.Time{}, fmt.Errorf("serde: epoch-seconds timestamp %v out of range", sec)
	}
	return time.UnixMilli(int64(sec * 1e3)).UTC(), nil
}

// ParseDateTime parses an RFC 3339 date-time such as
// 2026-01-02T15:04:05.123Z, 2026-01-02t15:04:05z or
// 2026-01-02T17:04:05.123456789+02:00. The date and time may also be
// separated by a space; the fraction may have any number of digits (beyond
// nine they are truncated). The result is in UTC.
func ParseDateTime(text string) (time.Time, error) {
	p := dateTimeParser{text: text}
	t := p.parse()
	if p.err != "" {
		return time.Time{}, fmt.Errorf("serde: invalid date-time %q: %s", text, p.err)
	}
	return t, nil
}

// dateTimeParser reads an RFC 3339 date-time left to right; the first
// problem found is kept in err and stops further reading.
type dateTimeParser struct {
	text string
	pos  int
	err  string
}

func (p *dateTimeParser) parse() time.Time {
	year := p.digits(4, 0, 9999, "year")
	p.expect("-", "'-' after the year")
	month := p.digits(2, 1, 12, "month")
	p.expect("-", "'-' after the month")
	day := p.digits(2, 1, 31, "day")
	p.expect("Tt ", "'T' between date and time")
	hour := p.digits(2, 0, 23, "hour")
	p.expect(":", "':' after the hour")
	minute := p.digits(2, 0, 59, "minute")
	p.expect(":", "':' after the minute")
	second := p.digits(2, 0, 59, "second")
	nanos := p.fraction()
	offset := p.offset()
	if p.err == "" && p.pos != len(p.text) {
		p.fail("unexpected text after the time zone")
	}
	if p.err == "" && day > daysIn(month, year) {
		p.fail("day out of range for the month")
	}
	if p.err != "" {
		return time.Time{}
	}

	// Seconds are counted directly rather than through time.Date, which
	// normalizes every field and was most of the parse's cost.
	sec := unixDays(year, month, day)*secondsPerDay +
		int64(hour*3600+minute*60+second-offset)
	return time.Unix(sec, int64(nanos)).UTC()
}

const secondsPerDay = 24 * 60 * 60

// unixDays returns the number of days from 1970-01-01 to the given date of
// the proleptic Gregorian calendar, counting years from March so that the
// leap day ends a year (Howard Hinnant's days_from_civil).
func unixDays(year, month, day int) int64 {
	if month <= 2 {
		year--
	}
	era := year
	if era < 0 {
		era -= 399
	}
	era /= 400
	yearOfEra := year - era*400
	dayOfYear := (153*((month+9)%12)+2)/5 + day - 1
	dayOfEra := yearOfEra*365 + yearOfEra/4 - yearOfEra/100 + dayOfYear
	return int64(era*146097 + dayOfEra - 719468)
}

// digits reads exactly n decimal digits and checks the value's range.
func (p *dateTimeParser) digits(n, lo, hi int, what string) int {
	if p.err != "" {
		return 0
	}
	if p.pos+n > len(p.text) {
		p.fail("missing " + what)
		return 0
	}

	v := 0
	for _, c := range []byte(p.text[p.pos : p.pos+n]) {
		if c < '0' || c > '9' {
			p.fail("bad digit in " + what)
			return 0
		}
		v = v*10 + int(c-'0')
	}
	p.pos += n
	if v < lo || v > hi {
		p.fail(what + " out of range")
	}
	return v
}

// expect consumes one byte that must be one of set.
func (p *dateTimeParser) expect(set, what string) {
	if p.err != "" {
		return
	}
	if p.pos >= len(p.text) || !contains(set, p.text[p.pos]) {
		p.fail("missing " + what)
		return
	}
	p.pos++
}

// fraction reads an optional ".digits" part as nanoseconds.
func (p *dateTimeParser) fraction() int {
	if p.err != "" || p.pos >= len(p.text) || p.text[p.pos] != '.' {
		return 0
	}
	p.pos++

	nanos, scale, n := 0, 100_000_000, 0
	for ; p.pos < len(p.text) && isDigit(p.text[p.pos]); p.pos++ {
		nanos += int(p.text[p.pos]-'0') * scale
		scale /= 10
		n++
	}
	if n == 0 {
		p.fail("missing digits after '.'")
	}
	return nanos
}

// offset reads the time zone, "Z", "z" or "+hh:mm"/"-hh:mm", in seconds.
func (p *dateTimeParser) offset() int {
	if p.err != "" {
		return 0
	}
	if p.pos >= len(p.text) {
		p.fail("missing time zone")
		return 0
	}

	sign := p.text[p.pos]
	p.pos++
	switch sign {
	case 'Z', 'z':
		return 0
	case '+', '-':
	default:
		p.fail("bad time zone")
		return 0
	}

	hours := p.digits(2, 0, 23, "zone hour")
	p.expect(":", "':' in the zone offset")
	minutes := p.digits(2, 0, 59, "zone minute")
	seconds := hours*3600 + minutes*60
	if sign == '-' {
		seconds = -seconds
	}
	return seconds
}

func (p *dateTimeParser) fail(reason string) {
	if p.err == "" {
		p.err = reason
	}
}

// daysIn returns the number of days in month (1 to 12) of year.
func daysIn(month, year int) int {
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		return 29
	}
	return int(monthDays[month])
}

// monthDays holds the days of each month of a common year, from index 1.
var monthDays = [13]uint8{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func contains(set string, c byte) bool {
	for i := 0; i < len(set); i++ {
		if set[i] == c {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
