package jsonwire

// This file builds the snapshot a DeserializationError carries: the bytes
// around a failure, with values blanked so that no secret a sensitive
// member held can be read from an error.

// snapshotMask replaces each blanked byte.
const snapshotMask = '*'

// snapshot returns a copy of the bytes of data around offset off, where
// decoding failed, with every byte that could hold a secret blanked with
// '*'. Before off the bytes were read as valid JSON, so the strings
// there are known: object keys, numbers, literals and punctuation are
// kept and the contents of string values are blanked, since the bytes
// alone do not say whether a string belongs to a sensitive member. From
// off on the bytes are malformed and a quote may not open a string, so
// only punctuation, quotes and white space are kept.
func snapshot(data []byte, off int) []byte {
	off = min(max(off, 0), len(data))
	lo := max(0, off-snapshotRadius)
	hi := min(len(data), off+snapshotRadius)
	out := append([]byte(nil), data[lo:hi]...)

	blankStringValues(out, data[:off], lo)
	blankUndecoded(out, max(off, lo)-lo)
	return out
}

// blankStringValues blanks, in out (a copy of bytes starting at offset lo
// of the body), the contents of the string values of decoded, the valid
// JSON read before the failure. A string still open at its end is a
// value.
func blankStringValues(out, decoded []byte, lo int) {
	for start := 0; start < len(decoded); {
		open := nextQuote(decoded, start)
		if open < 0 {
			return
		}
		end := stringEnd(decoded, open)
		if !isKey(decoded, end) {
			maskRange(out, lo, open+1, end)
		}
		start = end + 1
	}
}

// blankUndecoded blanks out[from:] but for JSON punctuation, quotes and
// white space.
func blankUndecoded(out []byte, from int) {
	for i := from; i < len(out); i++ {
		switch out[i] {
		case '{', '}', '[', ']', ',', ':', '"', ' ', '\t', '\n', '\r':
		default:
			out[i] = snapshotMask
		}
	}
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
// not closed within data.
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
// object key: within data, the next byte other than white space is a
// colon.
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
