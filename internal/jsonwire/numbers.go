package jsonwire

// This file turns number tokens into Go integers and floats without
// allocating: integers are accumulated digit by digit and range-checked,
// floats go through strconv on a view of the body.

import (
	"math"
	"strconv"
	"unsafe"
)

// maxExactDigits is the most decimal digits an integer may have to be
// converted to float64 exactly by multiplication (10^15 < 2^53).
const maxExactDigits = 15

// readInt reads an integer member value that must lie within [lo, hi];
// kind names the member's type in errors ("int32").
func (d *decoder) readInt(lo, hi int64, kind string) (int64, error) {
	s := &d.s
	if c := s.peek(); c != '-' && !isDigit(c) {
		return 0, errorAt(s.pos, "expected an integer (%s), found %s", kind, describe(s.buf, s.pos))
	}
	start := s.pos

	isInt, err := s.scanNumber()
	if err != nil {
		return 0, err
	}
	if !isInt {
		return 0, errorAt(start, "expected an integer (%s), found a number with a fraction "+
			"or exponent", kind)
	}
	n, ok := parseInt(s.buf[start:s.pos])
	if !ok || n < lo || n > hi {
		return 0, errorAt(start, "integer out of %s range", kind)
	}
	return n, nil
}

// parseInt converts an integer token ("-"? digits) to an int64, and
// reports false when it does not fit.
func parseInt(b []byte) (int64, bool) {
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) > 19 { // more digits than any int64 has
		return 0, false
	}

	var n uint64
	for _, c := range b {
		n = n*10 + uint64(c-'0') // 19 digits cannot overflow a uint64
	}
	switch {
	case !neg && n <= math.MaxInt64:
		return int64(n), true
	case neg && n <= math.MaxInt64+1:
		return int64(-n), true // two's complement: -n wraps to the int64 bits of -n
	}
	return 0, false
}

// readFloat reads a number member value as a float of bitSize (32 or
// 64) bits. The strings "NaN", "Infinity" and "-Infinity" stand for the
// values JSON numbers cannot write, as in every Smithy JSON protocol.
func (d *decoder) readFloat(bitSize int) (float64, error) {
	s := &d.s
	switch c := s.peek(); {
	case c == '"':
		return d.readSpecialFloat()
	case c != '-' && !isDigit(c):
		return 0, errorAt(s.pos, "expected a number, found %s", describe(s.buf, s.pos))
	}

	start := s.pos
	isInt, err := s.scanNumber()
	if err != nil {
		return 0, err
	}
	token := s.buf[start:s.pos]
	if isInt && len(token) <= maxExactDigits {
		n, _ := parseInt(token)
		return float64(n), nil
	}

	f, err := strconv.ParseFloat(unsafe.String(unsafe.SliceData(token), len(token)), bitSize)
	if err != nil {
		return 0, errorAt(start, "number out of float%d range", bitSize)
	}
	return f, nil
}

// readSpecialFloat reads one of the strings that stand for a float value
// JSON numbers cannot write.
func (d *decoder) readSpecialFloat() (float64, error) {
	start := d.s.pos
	text, err := d.ReadText()
	if err != nil {
		return 0, err
	}
	switch text {
	case "NaN":
		return math.NaN(), nil
	case "Infinity":
		return math.Inf(1), nil
	case "-Infinity":
		return math.Inf(-1), nil
	}
	return 0, errorAt(start, `expected a number or "NaN", "Infinity", "-Infinity"`)
}
