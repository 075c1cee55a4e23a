// Package prototype is an experiment, not part of the client: hand-written
// decoders of the ListBacklogTasks response into our own types, measured
// beside the real client to learn what decoding outside smithy-go's JSON
// reader would buy. Nothing in the client imports it.
//
// Two experiments share the scanner in this file (one pass over the bytes,
// validating as it goes, handing out strings that share one copy of the
// body): tasks.go decodes the response straight into our types, and
// shapedecoder.go puts the scanner behind smithy.ShapeDeserializer so the
// generated Deserialize methods run on it unchanged.
package prototype

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// maxDepth bounds nesting, as encoding/json does, so hostile input cannot
// exhaust the stack.
const maxDepth = 10_000

// errEnd reports input that stops in the middle of a value.
var errEnd = errors.New("unexpected end of JSON input")

// scanner reads JSON values from buf. Strings without escapes are returned
// as substrings of str, a string view of buf, so they cost no allocation;
// buf must therefore never change once the scanner has it.
type scanner struct {
	buf []byte
	str string
	i   int
}

// newScanner takes its own copy of body: decoded strings and raw document
// values alias it, so the caller may reuse body afterwards.
func newScanner(body []byte) *scanner {
	own := make([]byte, len(body))
	copy(own, body)
	return &scanner{buf: own, str: unsafe.String(unsafe.SliceData(own), len(own))}
}

// errorf reports a syntax error at the current offset.
func (s *scanner) errorf(format string, args ...any) error {
	return fmt.Errorf("offset %d: %s", s.i, fmt.Sprintf(format, args...))
}

// skipSpace advances past JSON whitespace.
func (s *scanner) skipSpace() {
	for s.i < len(s.buf) {
		switch s.buf[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// peek returns the next non-space byte without consuming it.
func (s *scanner) peek() (byte, error) {
	s.skipSpace()
	if s.i >= len(s.buf) {
		return 0, errEnd
	}
	return s.buf[s.i], nil
}

// expect consumes the byte c after optional whitespace.
func (s *scanner) expect(c byte) error {
	got, err := s.peek()
	if err != nil {
		return err
	}
	if got != c {
		return s.errorf("expected %q, found %q", c, got)
	}
	s.i++
	return nil
}

// null consumes a null literal if one comes next and reports whether it did.
func (s *scanner) null() (bool, error) {
	c, err := s.peek()
	if err != nil || c != 'n' {
		return false, err
	}
	return true, s.literal("null")
}

// literal consumes the literal lit.
func (s *scanner) literal(lit string) error {
	if len(s.buf)-s.i < len(lit) || s.str[s.i:s.i+len(lit)] != lit {
		return s.errorf("invalid literal")
	}
	s.i += len(lit)
	return nil
}

// object reads the members of an object, calling member with each key; the
// callback must consume the value.
func (s *scanner) object(member func(key string) error) error {
	if err := s.expect('{'); err != nil {
		return err
	}
	if c, err := s.peek(); err != nil || c == '}' {
		s.i++
		return err
	}

	for {
		key, err := s.string()
		if err != nil {
			return err
		}
		if err := s.expect(':'); err != nil {
			return err
		}
		if err := member(key); err != nil {
			return err
		}

		c, err := s.peek()
		if err != nil {
			return err
		}
		s.i++
		switch c {
		case ',':
		case '}':
			return nil
		default:
			return s.errorf("expected ',' or '}' in object, found %q", c)
		}
	}
}

// array reads the elements of an array, calling elem for each; the callback
// must consume the element.
func (s *scanner) array(elem func() error) error {
	if err := s.expect('['); err != nil {
		return err
	}
	if c, err := s.peek(); err != nil || c == ']' {
		s.i++
		return err
	}

	for {
		if err := elem(); err != nil {
			return err
		}

		c, err := s.peek()
		if err != nil {
			return err
		}
		s.i++
		switch c {
		case ',':
		case ']':
			return nil
		default:
			return s.errorf("expected ',' or ']' in array, found %q", c)
		}
	}
}

// string reads a string value, unescaping it when it has escapes.
func (s *scanner) string() (string, error) {
	start, end, escaped, err := s.scanString()
	if err != nil {
		return "", err
	}
	if !escaped {
		return s.str[start:end], nil
	}
	return unescape(s.buf[start:end]), nil
}

// scanString consumes a string token and returns the bounds of its contents
// and whether it contains escape sequences.
func (s *scanner) scanString() (start, end int, escaped bool, err error) {
	if err := s.expect('"'); err != nil {
		return 0, 0, false, err
	}
	start = s.i

	buf := s.buf
	i := start
	for ; i+8 <= len(buf); i += 8 {
		if special(binary.LittleEndian.Uint64(buf[i:])) {
			break
		}
	}
	for ; i < len(buf); i++ {
		switch c := buf[i]; {
		case c == '"':
			s.i = i + 1
			return start, i, escaped, nil
		case c == '\\':
			escaped = true
			n, err := escapeLen(buf[i:])
			if err != nil {
				s.i = i
				return 0, 0, false, s.errorf("%v", err)
			}
			i += n - 1
		case c < 0x20:
			s.i = i
			return 0, 0, false, s.errorf("control character in string")
		}
	}
	return 0, 0, false, errEnd
}

// special reports whether any of the eight bytes in v is a quote, a
// backslash or a control character, testing all eight at once.
func special(v uint64) bool {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	has := func(c uint64) uint64 {
		x := v ^ (lo * c)
		return (x - lo) &^ x & hi
	}
	return (v-lo*0x20)&^v&hi|has('"')|has('\\') != 0
}

// escapeLen returns the length of the escape sequence at the start of b.
func escapeLen(b []byte) (int, error) {
	if len(b) < 2 {
		return 0, errEnd
	}
	switch b[1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2, nil
	case 'u':
		if len(b) < 6 {
			return 0, errEnd
		}
		if _, ok := hex4(b[2:6]); !ok {
			return 0, errors.New("invalid \\u escape")
		}
		return 6, nil
	}
	return 0, fmt.Errorf("invalid escape %q", b[:2])
}

// unescape decodes the contents of a string with escapes (already
// validated by scanString). Lone surrogates become U+FFFD, as in
// encoding/json.
func unescape(b []byte) string {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if b[i] != '\\' {
			out = append(out, b[i])
			i++
			continue
		}

		if b[i+1] != 'u' {
			out = append(out, simpleEscapes[b[i+1]])
			i += 2
			continue
		}
		r, n := unicodeEscape(b[i:])
		out = utf8.AppendRune(out, r)
		i += n
	}
	return string(out)
}

// simpleEscapes maps the byte after a backslash to the byte it stands for.
var simpleEscapes = [256]byte{
	'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

// unicodeEscape decodes a \uXXXX escape, joining a surrogate pair, and
// returns the rune and the bytes consumed.
func unicodeEscape(b []byte) (rune, int) {
	v, _ := hex4(b[2:6])
	r := rune(v)
	if !utf16.IsSurrogate(r) {
		return r, 6
	}
	if len(b) >= 12 && b[6] == '\\' && b[7] == 'u' {
		if lo, ok := hex4(b[8:12]); ok {
			if pair := utf16.DecodeRune(r, rune(lo)); pair != utf8.RuneError {
				return pair, 12
			}
		}
	}
	return utf8.RuneError, 6
}

// hex4 parses four hex digits.
func hex4(b []byte) (uint16, bool) {
	var v uint16
	for _, c := range b {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		v = v<<4 | uint16(c)
	}
	return v, true
}

// int32 reads an integer that fits in 32 bits.
func (s *scanner) int32() (int32, error) {
	s.skipSpace()
	start := s.i
	neg := s.i < len(s.buf) && s.buf[s.i] == '-'
	if neg {
		s.i++
	}

	var n int64
	digits := 0
	for ; s.i < len(s.buf) && '0' <= s.buf[s.i] && s.buf[s.i] <= '9'; s.i++ {
		n = n*10 + int64(s.buf[s.i]-'0')
		digits++
		if n > 1<<31 {
			return 0, s.errorf("integer out of int32 range")
		}
	}
	if digits == 0 || (digits > 1 && s.buf[start+btoi(neg)] == '0') {
		return 0, s.errorf("invalid integer")
	}
	if neg {
		n = -n
	}
	if n > 1<<31-1 {
		return 0, s.errorf("integer out of int32 range")
	}
	return int32(n), nil
}

// btoi is 1 for true and 0 for false.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// bool reads true or false.
func (s *scanner) bool() (bool, error) {
	c, err := s.peek()
	if err != nil {
		return false, err
	}
	if c == 't' {
		return true, s.literal("true")
	}
	return false, s.literal("false")
}

// rawValue consumes any value, validating it, and returns its bytes.
func (s *scanner) rawValue() ([]byte, error) {
	s.skipSpace()
	start := s.i
	if err := s.skipValue(0); err != nil {
		return nil, err
	}
	return s.buf[start:s.i], nil
}

// skipValue consumes and validates any value.
func (s *scanner) skipValue(depth int) error {
	if depth > maxDepth {
		return s.errorf("nesting deeper than %d", maxDepth)
	}

	c, err := s.peek()
	if err != nil {
		return err
	}
	switch {
	case c == '{':
		return s.object(func(string) error { return s.skipValue(depth + 1) })
	case c == '[':
		return s.array(func() error { return s.skipValue(depth + 1) })
	case c == '"':
		_, _, _, err := s.scanString()
		return err
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		return s.number()
	}
	return s.errorf("unexpected %q", c)
}

// number consumes a number following the JSON grammar.
func (s *scanner) number() error {
	b, i := s.buf, s.i
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		i = digits(b, i)
	default:
		return s.errorf("invalid number")
	}

	if i < len(b) && b[i] == '.' {
		if j := digits(b, i+1); j > i+1 {
			i = j
		} else {
			return s.errorf("invalid number fraction")
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if j := digits(b, i); j > i {
			i = j
		} else {
			return s.errorf("invalid number exponent")
		}
	}
	s.i = i
	return nil
}

// digits returns the index after the run of digits starting at i.
func digits(b []byte, i int) int {
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	return i
}

// end checks that only whitespace follows the top-level value.
func (s *scanner) end() error {
	s.skipSpace()
	if s.i != len(s.buf) {
		return s.errorf("data after the top-level value")
	}
	return nil
}
