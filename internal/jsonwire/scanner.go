package jsonwire

// This file holds the scanner: one forward pass over the body that checks
// the JSON grammar as it goes. It finds tokens and their bounds; turning
// them into Go values is left to strings.go, numbers.go and the decoder.

import "github.com/devopsagent-go/devopsagent/internal/serde"

// maxDepth is the deepest nesting of objects and arrays accepted, counting
// the structures the decoder has open and those skipped inside them. It
// bounds the work and the stack a hostile body can demand. The validators
// use the same limit to refuse documents that could not come back.
const maxDepth = serde.MaxDepth

// scanner reads JSON tokens from buf, starting at pos.
type scanner struct {
	buf []byte
	pos int

	// nest is skipValue's stack of open containers ('{' or '['), kept
	// between calls so that skipping allocates only to grow it.
	nest []byte
}

// peek skips whitespace and returns the next byte without consuming it,
// or 0 at the end of the input. A 0 byte in the input is also returned
// as 0; callers treat both as "not what was expected" and describe the
// position with describe, which tells them apart.
func (s *scanner) peek() byte {
	for s.pos < len(s.buf) {
		c := s.buf[s.pos]
		if c > ' ' || !isSpace(c) {
			return c
		}
		s.pos++
	}
	return 0
}

// isSpace reports whether c is JSON whitespace.
func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t'
}

// isDigit reports whether c is a decimal digit.
func isDigit(c byte) bool {
	return '0' <= c && c <= '9'
}

// expect consumes the byte c after optional whitespace; what names the
// place in the grammar for the error message.
func (s *scanner) expect(c byte, what string) error {
	if s.peek() != c {
		return errorAt(s.pos, "expected %q %s, found %s", c, what, describe(s.buf, s.pos))
	}
	s.pos++
	return nil
}

// literal consumes lit (true, false or null), which must come next.
func (s *scanner) literal(lit string) error {
	end := s.pos + len(lit)
	if end > len(s.buf) || string(s.buf[s.pos:end]) != lit {
		return errorAt(s.pos, "expected %s, found %s", lit, s.badLiteral(lit))
	}
	s.pos = end
	return nil
}

// badLiteral describes the first byte at which the input stops matching
// lit, moving pos there so the error's offset points at it.
func (s *scanner) badLiteral(lit string) string {
	for i := 0; i < len(lit); i++ {
		if s.pos >= len(s.buf) || s.buf[s.pos] != lit[i] {
			break
		}
		s.pos++
	}
	return describe(s.buf, s.pos)
}

// end checks that nothing but whitespace follows the top-level value.
func (s *scanner) end() error {
	if s.peek(); s.pos < len(s.buf) {
		return errorAt(s.pos, "expected end of input after the top-level value, found %s",
			describe(s.buf, s.pos))
	}
	return nil
}

// scanNumber consumes a number, which starts at pos, and reports whether
// it is an integer (no fraction, no exponent). It checks the grammar up
// to the number's last byte; what follows is the caller's to check, so
// "01" scans as 0 and fails on the "1" after it.
func (s *scanner) scanNumber() (isInt bool, err error) {
	buf, i := s.buf, s.pos
	if i < len(buf) && buf[i] == '-' {
		i++
	}
	switch {
	case i < len(buf) && buf[i] == '0':
		i++
	case i < len(buf) && isDigit(buf[i]):
		i = digitsEnd(buf, i+1)
	default:
		return false, errorAt(i, "expected a digit, found %s", describe(buf, i))
	}

	isInt = true
	if i < len(buf) && buf[i] == '.' {
		j := digitsEnd(buf, i+1)
		if j == i+1 {
			return false, errorAt(j, "expected a digit after '.', found %s", describe(buf, j))
		}
		i, isInt = j, false
	}
	if i < len(buf) && (buf[i] == 'e' || buf[i] == 'E') {
		i++
		if i < len(buf) && (buf[i] == '+' || buf[i] == '-') {
			i++
		}
		j := digitsEnd(buf, i)
		if j == i {
			return false, errorAt(j, "expected a digit in the exponent, found %s", describe(buf, j))
		}
		i, isInt = j, false
	}
	s.pos = i
	return isInt, nil
}

// digitsEnd returns the index after the run of digits starting at i.
func digitsEnd(buf []byte, i int) int {
	for i < len(buf) && isDigit(buf[i]) {
		i++
	}
	return i
}

// skipValue consumes one value of any kind, checking its grammar; depth
// is the number of containers already open around it. It works with an
// explicit stack rather than recursion, so a deep value costs a byte of
// stack per level.
func (s *scanner) skipValue(depth int) error {
	nest := s.nest[:0]
	defer func() { s.nest = nest[:0] }()

	for {
		// A value starts here.
		switch c := s.peek(); {
		case c == '{' || c == '[':
			if depth+len(nest) >= maxDepth {
				return errTooDeep(s.pos)
			}
			s.pos++
			if s.peek() == c+2 { // '{'+2 is '}', '['+2 is ']'
				s.pos++
				break
			}
			nest = append(nest, c)
			if c == '{' {
				if err := s.skipKey(); err != nil {
					return err
				}
			}
			continue
		default:
			if err := s.skipScalar(c); err != nil {
				return err
			}
		}

		// A value ended here: close what it ended, or go to the next one.
		more, err := s.afterValue(&nest)
		if !more || err != nil {
			return err
		}
	}
}

// afterValue consumes the closing brackets and the comma that may follow
// a value inside the containers on nest. It reports whether another value
// follows (after a comma, and after its key inside an object).
func (s *scanner) afterValue(nest *[]byte) (bool, error) {
	for len(*nest) > 0 {
		open := (*nest)[len(*nest)-1]
		switch c := s.peek(); c {
		case ',':
			s.pos++
			if open == '{' {
				return true, s.skipKey()
			}
			return true, nil
		case open + 2:
			s.pos++
			*nest = (*nest)[:len(*nest)-1]
		default:
			return false, errorAt(s.pos, "expected ',' or %q after %s, found %s",
				open+2, containerElement(open), describe(s.buf, s.pos))
		}
	}
	return false, nil
}

// containerElement names what sits inside a container for error messages.
func containerElement(open byte) string {
	if open == '{' {
		return "an object member"
	}
	return "an array element"
}

// skipKey consumes an object key and the colon after it.
func (s *scanner) skipKey() error {
	if s.peek() != '"' {
		return errorAt(s.pos, "expected a string key, found %s", describe(s.buf, s.pos))
	}
	if _, _, err := s.scanString(); err != nil {
		return err
	}
	return s.expect(':', "after an object key")
}

// skipScalar consumes a string, number or literal that starts with c.
func (s *scanner) skipScalar(c byte) error {
	switch {
	case c == '"':
		_, _, err := s.scanString()
		return err
	case c == '-' || isDigit(c):
		_, err := s.scanNumber()
		return err
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	}
	return errorAt(s.pos, "expected a value, found %s", describe(s.buf, s.pos))
}

// errTooDeep reports nesting beyond maxDepth at offset off.
func errTooDeep(off int) error {
	return errorAt(off, "objects and arrays nested deeper than %d levels", maxDepth)
}

// valid reports whether buf holds exactly one JSON value, with optional
// whitespace around it; it returns the first problem found.
func valid(buf []byte) error {
	s := scanner{buf: buf}
	if err := s.skipValue(0); err != nil {
		return err
	}
	return s.end()
}
