package jsonwire

// This file holds the entry points: Unmarshal decodes a body held in
// memory, DecodeBody reads a response body into a pooled buffer first.

import (
	"errors"
	"fmt"
	"io"
	"sync"

	smithy "github.com/aws/smithy-go"
)

const (
	// maxPresize bounds the buffer allocated up front from a
	// Content-Length header: a header that lies costs at most this much
	// before the body itself proves its size.
	maxPresize = 4 << 20

	// maxPooled is the largest buffer kept for reuse; larger ones are
	// left to the garbage collector.
	maxPooled = 4 << 20

	// minRead is the room a buffer of unknown final size grows by.
	minRead = 512

	// snapshotRadius is how many bytes on each side of a failure a
	// DeserializationError's snapshot holds.
	snapshotRadius = 64
)

// bodies reuses body buffers between responses. Nothing decoded aliases a
// buffer (strings and raw values are copied into the arena), so a buffer
// goes back to the pool as soon as its body is decoded.
var bodies = sync.Pool{New: func() any { return new([]byte) }}

// emptyObject is what an empty body decodes as, as in smithy-go's
// restJson1: an output with no members set.
var emptyObject = []byte("{}")

// Unmarshal decodes data, one JSON value, into out with out's generated
// Deserialize method, and checks that nothing but whitespace follows the
// value. data may be reused once Unmarshal returns: nothing decoded
// refers to it.
func Unmarshal(data []byte, out smithy.Deserializable) error {
	_, err := unmarshal(data, out)
	return err
}

// unmarshal is Unmarshal that also returns the offset reached, which is
// where a failure was found.
func unmarshal(data []byte, out smithy.Deserializable) (int, error) {
	d := decoders.Get().(*decoder)
	d.s.buf, d.s.pos = data, 0
	defer d.release()

	if err := out.Deserialize(d); err != nil {
		return d.s.pos, err
	}
	return d.s.pos, d.s.end()
}

// release clears what d holds of one body and returns it to the pool. The
// arena's chunk stays: its unused tail serves the next body.
func (d *decoder) release() {
	d.s.buf, d.s.pos = nil, 0
	d.frames = d.frames[:0]
	if cap(d.scratch) > chunkSize {
		d.scratch = nil
	}
	decoders.Put(d)
}

// DecodeBody reads a response body and decodes it into out as Unmarshal
// does. contentLength is the body's declared length, or -1 when unknown;
// it sizes the buffer up front (up to a bound). An empty body decodes as
// {}. Every failure is a *smithy.DeserializationError; a decoding one
// carries a snapshot of the body bytes around the place it was found.
// The caller closes the body.
func DecodeBody(body io.Reader, contentLength int64, out smithy.Deserializable) error {
	buf, err := readBody(body, contentLength)
	if err != nil {
		return &smithy.DeserializationError{Err: fmt.Errorf("read response body: %w", err)}
	}
	defer releaseBody(buf)

	data := *buf
	if len(data) == 0 {
		data = emptyObject
	}
	if off, err := unmarshal(data, out); err != nil {
		off, err = withOffset(err, off)
		return &smithy.DeserializationError{Err: err, Snapshot: snapshot(data, off)}
	}
	return nil
}

// withOffset returns the offset of the failure err reports, and err with
// that offset in its text. An *Error names its own; any other error (a
// date-time parser's, say) gets reached, the offset the decoder had
// reached.
func withOffset(err error, reached int) (int, error) {
	var jsonErr *Error
	if errors.As(err, &jsonErr) {
		return jsonErr.Offset, err
	}
	return reached, fmt.Errorf("%w (json offset %d)", err, reached)
}

// readBody reads all of r into a pooled buffer. With a known length the
// buffer has room for all of it and one byte more, so the final read
// that reports the end needs no growth.
func readBody(r io.Reader, contentLength int64) (*[]byte, error) {
	buf := bodies.Get().(*[]byte)
	b := (*buf)[:0]
	if contentLength >= 0 {
		if want := int(min(contentLength, maxPresize)) + 1; cap(b) < want {
			b = make([]byte, 0, want)
		}
	}

	for {
		if len(b) == cap(b) {
			b = grow(b, contentLength)
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			*buf = b
			return buf, nil
		}
		if err != nil {
			*buf = b
			releaseBody(buf)
			return nil, err
		}
	}
}

// grow returns b with more room: twice its capacity, so a body larger
// than maxPresize costs at most twice the bytes it actually sent, but no
// more than the declared length needs while the body has not exceeded it.
func grow(b []byte, contentLength int64) []byte {
	size := max(2*cap(b), minRead)
	if int64(len(b)) < contentLength && contentLength < int64(size) {
		size = int(contentLength) + 1
	}
	grown := make([]byte, len(b), size)
	copy(grown, b)
	return grown
}

// releaseBody returns a buffer to the pool unless it is too large to keep.
func releaseBody(buf *[]byte) {
	if cap(*buf) > maxPooled {
		return
	}
	*buf = (*buf)[:0]
	bodies.Put(buf)
}
