package jsonwire

// This file holds the error type every read reports, and the helpers
// that build its messages.

import (
	"fmt"
)

// Error reports input the decoder cannot accept: JSON that breaks the
// grammar, or a value of the wrong kind or range for the member being
// read. Offset is the byte offset in the body where the problem was
// found. The message never quotes the value itself (it could belong to a
// sensitive member), only the byte found where something else was
// expected.
type Error struct {
	// Offset is the zero-based byte offset of the problem in the body.
	Offset int

	// Msg says what was expected and what was found.
	Msg string
}

// Error returns the message with its offset.
func (e *Error) Error() string {
	return fmt.Sprintf("json: offset %d: %s", e.Offset, e.Msg)
}

// errorAt returns an *Error at offset off.
func errorAt(off int, format string, args ...any) *Error {
	return &Error{Offset: off, Msg: fmt.Sprintf(format, args...)}
}

// describe names the byte at buf[i] for an error message, or says that
// the input ended there.
func describe(buf []byte, i int) string {
	if i >= len(buf) {
		return "end of input"
	}
	c := buf[i]
	if c >= 0x20 && c < 0x7f {
		return fmt.Sprintf("%q", c)
	}
	return fmt.Sprintf("byte 0x%02x", c)
}
