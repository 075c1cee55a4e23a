package jsonwire

// This file builds the snapshot a DeserializationError carries: the bytes
// around a failure, with string values blanked so that no secret a
// sensitive member held can be read from an error.

// snapshotMask replaces each byte inside a blanked string value.
const snapshotMask = '*'

// snapshot returns a copy of the bytes of data around offset off. Object
// keys, numbers, literals and punctuation are kept, so the snapshot still
// shows where and why decoding failed; the contents of every string value
// are replaced byte for byte with '*', since the decoder cannot tell from
// the bytes alone whether a string belongs to a sensitive member.
func snapshot(data []byte, off int) []byte {
	lo := max(0, off-snapshotRadius)
	hi := min(len(data), off+snapshotRadius)
	out := append([]byte(nil), data[lo:hi]...)

	for start := 0; start < hi; {
		open := nextQuote(data, start)
		if open < 0 || open >= hi {
			break
		}
		end := stringEnd(data, open)
		if !isKey(data, end) {
			maskRange(out, lo, open+1, end)
		}
		start = end + 1
	}
	return out
}

// nextQuote returns the index of the first '"' in data at or after from,
// or -1 when there is none.
func nextQuote(data []byte, from int) int {
	for i := from; i < len(data); i++ {
		if data[i] == '"' {
			return i
		}
	}
	return -1
}

// stringEnd returns the index of the quote that closes the string opened
// at open, skipping escaped characters, or len(data) when the string is
// never closed.
func stringEnd(data []byte, open int) int {
	for i := open + 1; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return len(data)
}

// isKey reports whether the string whose closing quote is at end is an
// object key: the next byte other than whitespace is a colon.
func isKey(data []byte, end int) bool {
	for i := end + 1; i < len(data); i++ {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			continue
		case ':':
			return true
		default:
			return false
		}
	}
	return false
}

// maskRange blanks the bytes of data[from:to] that out, a copy of data
// starting at data offset lo, holds.
func maskRange(out []byte, lo, from, to int) {
	for i := max(from, lo); i < to && i-lo < len(out); i++ {
		out[i-lo] = snapshotMask
	}
}
