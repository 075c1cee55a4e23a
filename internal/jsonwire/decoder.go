package jsonwire

// This file holds the decoder's state and the aggregate reads of
// smithy.ShapeDeserializer: structures, unions, lists and maps. Scalar
// reads are in values.go.

import (
	"errors"
	"sync"

	smithy "github.com/aws/smithy-go"

	internaldocument "github.com/devopsagent-go/devopsagent/internal/document"
)

// frameKind says what an open frame reads.
type frameKind uint8

const (
	kindStruct frameKind = iota + 1
	kindUnion
	kindList
	kindMap
)

// frame is one open object or array.
type frame struct {
	kind frameKind

	// started is set once a member or element has been read, so the next
	// one must be preceded by a comma.
	started bool

	// null is set when the value was JSON null: the frame is already
	// closed and the next read of a member or element ends it.
	null bool

	// members finds the member schemas of a structure or union.
	members *memberIndex

	// union is the schema a union frame was opened for.
	union *smithy.Schema
}

// decoder implements smithy.ShapeDeserializer over one JSON body. Strings
// and raw values it returns are copies held by its arena, never views of
// the body, so the body's buffer can be reused as soon as decoding ends.
type decoder struct {
	s      scanner
	frames []frame
	arena  arena

	// docs allocates the documents the decoder returns, in blocks.
	docs internaldocument.RawBlocks

	// recent caches the member indexes of the last few structures
	// opened: a page repeats the same few, and the cache saves a lookup
	// in the shared index map per structure. replace is the next slot
	// to fill.
	recent  [4]recentIndex
	replace uint8

	// scratch holds decoded key and string text for the length of one
	// read, when it differs from the body's bytes.
	scratch []byte
}

var _ smithy.ShapeDeserializer = (*decoder)(nil)

// recentIndex is a schema and its member index.
type recentIndex struct {
	schema  *smithy.Schema
	members *memberIndex
}

// decoders reuses decoders with their frame stacks and the unused tail of
// their arena chunk.
var decoders = sync.Pool{New: func() any { return &decoder{frames: make([]frame, 0, 16)} }}

// errNoFrame reports a generated method calling a member or element read
// without opening its aggregate first, which would be a generator bug.
var errNoFrame = errors.New("json: member or element read outside an open aggregate")

// open consumes the opening byte of an object or array, or a null (which
// yields an already closed frame), and pushes a frame of kind.
func (d *decoder) open(kind frameKind, members *memberIndex, union *smithy.Schema) error {
	openByte := byte('{')
	if kind == kindList {
		openByte = '['
	}

	null := false
	switch c := d.s.peek(); {
	case c == 'n':
		if err := d.s.literal("null"); err != nil {
			return err
		}
		null = true
	case c != openByte:
		return errorAt(d.s.pos, "expected %q, found %s", openByte, describe(d.s.buf, d.s.pos))
	case len(d.frames) >= maxDepth:
		return errTooDeep(d.s.pos)
	default:
		d.s.pos++
	}

	d.frames = append(d.frames, frame{kind: kind, null: null, members: members, union: union})
	return nil
}

// top returns the innermost open frame if it is of kind.
func (d *decoder) top(kind frameKind) (*frame, error) {
	if len(d.frames) == 0 || d.frames[len(d.frames)-1].kind != kind {
		return nil, errNoFrame
	}
	return &d.frames[len(d.frames)-1], nil
}

// next moves to the next member or element of f, the innermost frame: it
// consumes the comma before it, or the closing byte (then pops f and
// reports false).
func (d *decoder) next(f *frame, closing byte) (bool, error) {
	if f.null {
		d.frames = d.frames[:len(d.frames)-1]
		return false, nil
	}

	switch c := d.s.peek(); {
	case c == closing:
		d.s.pos++
		d.frames = d.frames[:len(d.frames)-1]
		return false, nil
	case !f.started:
		f.started = true
	case c == ',':
		d.s.pos++
	default:
		return false, errorAt(d.s.pos, "expected ',' or %q, found %s", closing,
			describe(d.s.buf, d.s.pos))
	}
	return true, nil
}

// key reads an object key and the colon after it. The key's bytes are
// valid until the next read.
func (d *decoder) key() ([]byte, error) {
	if d.s.peek() != '"' {
		return nil, errorAt(d.s.pos, "expected a string key, found %s", describe(d.s.buf, d.s.pos))
	}
	key, err := d.stringBytes()
	if err != nil {
		return nil, err
	}
	if d.s.pos < len(d.s.buf) && d.s.buf[d.s.pos] == ':' { // compact JSON
		d.s.pos++
		return key, nil
	}
	return key, d.s.expect(':', "after an object key")
}

// nextMember returns the next member of the structure or union frame f
// that the schema knows and whose value is not null, skipping the others;
// it returns nil at the end of the object.
func (d *decoder) nextMember(f *frame) (*smithy.Schema, error) {
	for {
		more, err := d.next(f, '}')
		if !more || err != nil {
			return nil, err
		}
		key, err := d.key()
		if err != nil {
			return nil, err
		}
		member := f.members.lookup(key)

		if d.s.peek() == 'n' {
			if err := d.s.literal("null"); err != nil {
				return nil, err
			}
			continue
		}
		if member == nil {
			if err := d.s.skipValue(len(d.frames)); err != nil {
				return nil, err
			}
			continue
		}
		return member, nil
	}
}

// ReadStruct implements smithy.ShapeDeserializer: it opens an object
// whose members s describes. A null opens an empty structure.
func (d *decoder) ReadStruct(s *smithy.Schema) error {
	return d.open(kindStruct, d.membersOf(s), nil)
}

// membersOf returns the member index of s, from the recent cache when it
// is there.
func (d *decoder) membersOf(s *smithy.Schema) *memberIndex {
	if s == nil {
		return noMembers
	}
	for i := range d.recent {
		if d.recent[i].schema == s {
			return d.recent[i].members
		}
	}

	x := membersOf(s)
	d.recent[int(d.replace)%len(d.recent)] = recentIndex{schema: s, members: x}
	d.replace++
	return x
}

// ReadStructMember implements smithy.ShapeDeserializer: it returns the
// schema of the next member, or nil at the end of the structure. Members
// the schema does not know and members whose value is null are skipped.
func (d *decoder) ReadStructMember() (*smithy.Schema, error) {
	f, err := d.top(kindStruct)
	if err != nil {
		return nil, err
	}
	return d.nextMember(f)
}

// ReadUnion implements smithy.ShapeDeserializer: the first call opens
// the union's object; each call returns the next known member that is not
// null, or nil at the end. The generated code reads unions through
// serde.ReadUnion instead, which keeps unknown members.
func (d *decoder) ReadUnion(s *smithy.Schema) (*smithy.Schema, error) {
	if !d.continuesUnion(s) {
		if err := d.open(kindUnion, d.membersOf(s), s); err != nil {
			return nil, err
		}
	}
	f, err := d.top(kindUnion)
	if err != nil {
		return nil, err
	}
	return d.nextMember(f)
}

// continuesUnion reports whether a ReadUnion(s) call continues the union
// open in the innermost frame rather than opening a new one: the frame is
// for s, and its previous member value has been read (a comma or the
// closing brace comes next).
func (d *decoder) continuesUnion(s *smithy.Schema) bool {
	if len(d.frames) == 0 {
		return false
	}
	f := &d.frames[len(d.frames)-1]
	if f.kind != kindUnion || f.union != s {
		return false
	}
	c := d.s.peek()
	return c == ',' || c == '}'
}

// ReadList implements smithy.ShapeDeserializer: it opens an array. A null
// opens an empty list.
func (d *decoder) ReadList(*smithy.Schema) error {
	return d.open(kindList, nil, nil)
}

// ReadListItem implements smithy.ShapeDeserializer: it reports whether
// another element follows, which the caller then reads.
func (d *decoder) ReadListItem(*smithy.Schema) (bool, error) {
	f, err := d.top(kindList)
	if err != nil {
		return false, err
	}
	return d.next(f, ']')
}

// ReadMap implements smithy.ShapeDeserializer: it opens an object read as
// a map. A null opens an empty map.
func (d *decoder) ReadMap(*smithy.Schema) error {
	return d.open(kindMap, nil, nil)
}

// ReadMapKey implements smithy.ShapeDeserializer: it returns the next key,
// whose value the caller then reads, or false at the end of the map.
func (d *decoder) ReadMapKey(*smithy.Schema) (string, bool, error) {
	f, err := d.top(kindMap)
	if err != nil {
		return "", false, err
	}
	more, err := d.next(f, '}')
	if !more || err != nil {
		return "", false, err
	}

	key, err := d.key()
	if err != nil {
		return "", false, err
	}
	return d.arena.string(key, d.remaining()), true, nil
}

// remaining is the number of body bytes not yet read, a bound on how much
// more text the arena will be asked to hold (except for invalid UTF-8,
// which grows when replaced).
func (d *decoder) remaining() int {
	return len(d.s.buf) - d.s.pos
}
