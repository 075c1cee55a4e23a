package jsonwire

// This file finds the member schema an object key names. Each structure
// or union schema gets an index, built on first use and cached: a small
// table in which every key has a slot of its own, found by multiplying a
// few of the key's bytes by a seed picked so that no two keys collide. A
// lookup is one multiplication and one comparison, with no hashing of the
// whole key (which a map lookup by string would do).

import (
	"math/bits"
	"sync"

	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/traits"
)

// memberIndex finds a structure's or union's members by their JSON key.
type memberIndex struct {
	slots []memberSlot
	seed  uint32
	shift uint32

	// byName is used instead of slots when no seed separates the keys
	// (keys alike in length and in the bytes the hash reads).
	byName map[string]*smithy.Schema
}

// memberSlot holds one member and its JSON key.
type memberSlot struct {
	key    string
	member *smithy.Schema
}

// indexes caches the memberIndex of each schema. Schemas are built once
// at init and never change, so an index never goes stale.
var indexes sync.Map // *smithy.Schema → *memberIndex

// noMembers is the index of a nil schema: every key is unknown.
var noMembers = &memberIndex{}

// membersOf returns the index of s, building it on first use.
func membersOf(s *smithy.Schema) *memberIndex {
	if s == nil {
		return noMembers
	}
	if x, ok := indexes.Load(s); ok {
		return x.(*memberIndex)
	}
	x, _ := indexes.LoadOrStore(s, newMemberIndex(s))
	return x.(*memberIndex)
}

// lookup returns the member whose key is key, or nil.
func (x *memberIndex) lookup(key []byte) *smithy.Schema {
	if x.byName != nil {
		return x.byName[string(key)]
	}
	if len(key) == 0 || len(x.slots) == 0 {
		return nil
	}
	slot := &x.slots[keyHash(key, x.seed)>>x.shift]
	if slot.key != string(key) {
		return nil
	}
	return slot.member
}

// keyHash mixes the length and the first, middle and last bytes of key
// (which must not be empty); the top bits of the result pick the slot.
func keyHash(key []byte, seed uint32) uint32 {
	n := len(key)
	x := uint32(n)<<24 | uint32(key[0])<<16 | uint32(key[n/2])<<8 | uint32(key[n-1])
	return x * seed
}

// newMemberIndex builds the index of s. A member's key is its jsonName
// trait when it has one, else its name, as restJson1 asks.
func newMemberIndex(s *smithy.Schema) *memberIndex {
	var slots []memberSlot
	for name, m := range s.Members() {
		if jn, ok := smithy.SchemaTrait[*traits.JSONName](m); ok {
			name = jn.Name
		}
		if name == "" {
			continue
		}
		slots = append(slots, memberSlot{key: name, member: m})
	}
	if x, ok := perfectIndex(slots); ok {
		return x
	}

	byName := make(map[string]*smithy.Schema, len(slots))
	for _, slot := range slots {
		byName[slot.key] = slot.member
	}
	return &memberIndex{byName: byName}
}

// perfectIndex looks for a table size and seed that give every key its
// own slot, trying tables of two to sixteen times the number of keys.
func perfectIndex(members []memberSlot) (*memberIndex, bool) {
	if len(members) == 0 {
		return &memberIndex{}, true
	}

	minBits := bits.Len(uint(2*len(members) - 1))
	for tableBits := minBits; tableBits <= minBits+3; tableBits++ {
		for try := uint32(0); try < 512; try++ {
			seed := 0x9e3779b1 + try*0x7feb352e // odd for every try
			if x, ok := tryIndex(members, tableBits, seed); ok {
				return x, true
			}
		}
	}
	return nil, false
}

// tryIndex places the keys in a table of 2^tableBits slots with seed and
// reports whether no two of them landed in the same slot.
func tryIndex(members []memberSlot, tableBits int, seed uint32) (*memberIndex, bool) {
	x := &memberIndex{
		slots: make([]memberSlot, 1<<tableBits),
		seed:  seed,
		shift: uint32(32 - tableBits),
	}
	for _, m := range members {
		slot := &x.slots[keyHash([]byte(m.key), seed)>>x.shift]
		if slot.member != nil {
			return nil, false
		}
		*slot = m
	}
	return x, true
}
