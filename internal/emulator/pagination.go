package emulator

// This file implements list pagination. A page token names the last item
// returned by its sort key, so a later page starts strictly after that item
// whatever was inserted or changed in between: no item present at the
// first call is skipped or returned twice. Tokens are opaque to callers
// (base64 of a small JSON object) and bound to the operation and the
// list parameters they were issued for.

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"sort"
)

// sortKey orders list items; keys compare element by element and always
// end with the record's sequence number, which makes them unique.
type sortKey []int64

// less reports whether a sorts before b.
func (a sortKey) less(b sortKey) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}

// pageToken is the decoded form of a nextToken.
type pageToken struct {
	Op     string  `json:"op"`
	Params string  `json:"params"`
	After  sortKey `json:"after"`
}

// encodeToken turns t into the opaque nextToken handed to callers.
func encodeToken(t pageToken) string {
	data, _ := json.Marshal(t) // plain strings and integers always encode
	return base64.RawURLEncoding.EncodeToString(data)
}

// decodeToken checks a nextToken given at path against the operation and
// list parameters of the current call and returns the key to resume after.
func decodeToken(text, op, params, path string) (sortKey, error) {
	invalid := errField(path, "Member must be a token returned by an earlier %s call "+
		"with the same parameters", op)

	data, err := base64.RawURLEncoding.DecodeString(text)
	if err != nil {
		return nil, invalid
	}
	var t pageToken
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, invalid
	}
	if t.Op != op || t.Params != params || len(t.After) == 0 {
		return nil, invalid
	}
	return t.After, nil
}

// paramsFingerprint identifies the list parameters a token belongs to.
func paramsFingerprint(v any) string {
	data, _ := json.Marshal(v) // callers pass plain structs and maps
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:8])
}

// keyed is a list item with its sort key.
type keyed[T any] struct {
	key  sortKey
	item T
}

// pageOf sorts items, skips those up to and including after, and returns
// at most limit of the rest. next is the key of the last item returned when
// more items follow, and nil on the last page.
func pageOf[T any](items []keyed[T], desc bool, after sortKey,
	limit int) (out []T, next sortKey) {
	sort.Slice(items, func(i, j int) bool {
		if desc {
			return items[j].key.less(items[i].key)
		}
		return items[i].key.less(items[j].key)
	})

	start := 0
	if after != nil {
		start = sort.Search(len(items), func(i int) bool {
			if desc {
				return items[i].key.less(after)
			}
			return after.less(items[i].key)
		})
	}

	end := min(start+limit, len(items))
	for _, it := range items[start:end] {
		out = append(out, it.item)
	}
	if end < len(items) {
		next = items[end-1].key
	}
	return out, next
}

// resumeKey decodes the call's page token, if it has one, checking that
// it was issued for this operation and these list parameters.
func (c *call) resumeKey(params string) (sortKey, error) {
	name := c.route.tokenMember
	text, _ := c.doc[name].(string)
	if text == "" {
		return nil, nil
	}
	return decodeToken(text, c.route.name, params, "/"+name)
}

// nextToken returns the token for the page after the one that ended at
// next, or "" when there is none.
func (c *call) nextToken(params string, next sortKey) string {
	if next == nil {
		return ""
	}
	return encodeToken(pageToken{Op: c.route.name, Params: params, After: next})
}
