package jsonwire

// This file holds the arena that decoded strings and raw values are
// copied into, so that a response costs a few chunk allocations instead
// of one allocation per string.

import (
	"unsafe"
)

const (
	// chunkSize is the size of an arena chunk. A string or raw value the
	// caller keeps pins the whole chunk it was copied into, so this is the
	// most memory one kept string can hold on to; 8 KiB keeps that small
	// while a 600 KB page still needs only about fifty chunks.
	chunkSize = 8 << 10

	// ownAllocation is the length from which a value gets an allocation
	// of its own instead of arena space: large values would waste the
	// rest of a chunk and pin more than they need.
	ownAllocation = chunkSize / 4
)

// arena hands out immutable copies of byte strings from chunks. The used
// part of a chunk is never written again: a full chunk is replaced, not
// reset, so strings handed out stay valid for as long as they are kept.
type arena struct {
	chunk []byte // len is the used part, cap the chunk's size
}

// copyOf returns a copy of b that shares a chunk with other copies. Its
// capacity equals its length, so appending to it cannot overwrite a
// neighbour. remaining is how much input is left to decode: the first
// chunk of a small response is sized to fit it rather than chunkSize.
func (a *arena) copyOf(b []byte, remaining int) []byte {
	n := len(b)
	if n == 0 {
		return []byte{}
	}
	if n >= ownAllocation {
		return append([]byte(nil), b...)
	}

	if cap(a.chunk)-len(a.chunk) < n {
		a.chunk = make([]byte, 0, min(chunkSize, max(n, remaining)))
	}
	start := len(a.chunk)
	a.chunk = append(a.chunk, b...)
	return a.chunk[start : start+n : start+n]
}

// string returns b as a string held by the arena.
func (a *arena) string(b []byte, remaining int) string {
	if len(b) == 0 {
		return ""
	}
	c := a.copyOf(b, remaining)
	return unsafe.String(unsafe.SliceData(c), len(c))
}
