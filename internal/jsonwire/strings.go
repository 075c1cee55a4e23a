package jsonwire

// This file scans JSON strings and decodes their contents. Scanning looks
// at eight bytes at a time for the three bytes that end a plain run (a
// quote, a backslash, a control character); decoding is needed only when
// a string has escapes or bytes that are not valid UTF-8.

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf16"
	"unicode/utf8"
)

// stringFlags describe the contents of a scanned string.
type stringFlags uint8

const (
	// hasEscapes marks a string with at least one backslash escape.
	hasEscapes stringFlags = 1 << iota

	// hasNonASCII marks a string with at least one byte >= 0x80, which
	// must be checked for valid UTF-8.
	hasNonASCII
)

// Byte patterns for testing eight bytes at once.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// scanString consumes a string token whose opening quote is at pos. It
// returns the end of its contents (they start at the old pos+1) and what
// they hold. Escapes are checked against the grammar here; control
// characters are rejected.
func (s *scanner) scanString() (end int, flags stringFlags, err error) {
	buf := s.buf
	i := s.pos + 1
	for {
		j, nonASCII := plainRun(buf, i)
		if nonASCII {
			flags |= hasNonASCII
		}
		if j >= len(buf) {
			return 0, 0, errorAt(j, "expected '\"' to end the string, found end of input")
		}

		switch c := buf[j]; {
		case c == '"':
			s.pos = j + 1
			return j, flags, nil
		case c == '\\':
			n, err := escapeLen(buf, j)
			if err != nil {
				return 0, 0, err
			}
			flags |= hasEscapes
			i = j + n
		default:
			return 0, 0, errorAt(j, "control character %s in a string must be escaped",
				describe(buf, j))
		}
	}
}

// plainRun returns the index of the first quote, backslash or control
// character at or after i (len(buf) if none), and whether any byte
// before it is >= 0x80.
func plainRun(buf []byte, i int) (int, bool) {
	var high uint64
	for ; i+8 <= len(buf); i += 8 {
		v := binary.LittleEndian.Uint64(buf[i:])
		if m := stopBytes(v); m != 0 {
			n := bits.TrailingZeros64(m) / 8
			below := uint64(1)<<(8*n) - 1
			return i + n, (high|v&below)&highs != 0
		}
		high |= v
	}
	for ; i < len(buf); i++ {
		c := buf[i]
		if c == '"' || c == '\\' || c < 0x20 {
			break
		}
		high |= uint64(c)
	}
	return i, high&highs != 0
}

// stopBytes returns a mask whose lowest set bit is the high bit of the
// first byte of v (in memory order) that is a quote, a backslash or below
// 0x20, or 0 if there is none. Bits above the lowest may be wrong (a
// borrow can mark the byte after a match); callers use only the lowest.
func stopBytes(v uint64) uint64 {
	quote := v ^ (ones * '"')
	slash := v ^ (ones * '\\')
	zeroQuote := (quote - ones) &^ quote
	zeroSlash := (slash - ones) &^ slash
	control := (v - ones*0x20) &^ v
	return (zeroQuote | zeroSlash | control) & highs
}

// escapeLen checks the escape sequence at buf[i] (a backslash) and
// returns its length.
func escapeLen(buf []byte, i int) (int, error) {
	if i+1 >= len(buf) {
		return 0, errorAt(i+1, "expected an escape character, found end of input")
	}
	switch buf[i+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2, nil
	case 'u':
		for k := i + 2; k < i+6; k++ {
			if k >= len(buf) || unhex(buf[k]) < 0 {
				return 0, errorAt(k, "expected a hex digit in a \\u escape, found %s",
					describe(buf, k))
			}
		}
		return 6, nil
	}
	return 0, errorAt(i+1, "invalid escape character %s", describe(buf, i+1))
}

// unhex returns the value of the hex digit c, or -1.
func unhex(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// needsDecoding reports whether string contents with these flags differ
// from their bytes: they have escapes, or bytes that are not UTF-8.
func needsDecoding(content []byte, flags stringFlags) bool {
	return flags&hasEscapes != 0 || flags&hasNonASCII != 0 && !utf8.Valid(content)
}

// appendDecoded appends the text of string contents already checked by
// scanString to dst. Escapes are resolved; a lone surrogate escape and
// each byte that is not part of valid UTF-8 become U+FFFD, as
// encoding/json does. The result is at most three times len(src).
func appendDecoded(dst, src []byte) []byte {
	for i := 0; i < len(src); {
		switch c := src[i]; {
		case c == '\\' && src[i+1] == 'u':
			r, n := decodeUnicodeEscape(src[i:])
			dst = utf8.AppendRune(dst, r)
			i += n
		case c == '\\':
			dst = append(dst, simpleEscapes[src[i+1]])
			i += 2
		case c < utf8.RuneSelf:
			dst = append(dst, c)
			i++
		default:
			r, n := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && n == 1 {
				dst = utf8.AppendRune(dst, utf8.RuneError)
			} else {
				dst = append(dst, src[i:i+n]...)
			}
			i += n
		}
	}
	return dst
}

// simpleEscapes maps the byte after a backslash to the byte it stands for.
var simpleEscapes = [256]byte{
	'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

// decodeUnicodeEscape decodes the \uXXXX escape at the start of src,
// joining it with a following low-surrogate escape into one rune, and
// returns the rune and the bytes consumed.
func decodeUnicodeEscape(src []byte) (rune, int) {
	r := hex4(src[2:6])
	if !utf16.IsSurrogate(r) {
		return r, 6
	}
	if len(src) >= 12 && src[6] == '\\' && src[7] == 'u' {
		if pair := utf16.DecodeRune(r, hex4(src[8:12])); pair != utf8.RuneError {
			return pair, 12
		}
	}
	return utf8.RuneError, 6
}

// hex4 returns the value of four hex digits checked by escapeLen.
func hex4(b []byte) rune {
	return unhex(b[0])<<12 | unhex(b[1])<<8 | unhex(b[2])<<4 | unhex(b[3])
}
