// This file holds the second experiment: the same scanner behind smithy-go's
// public smithy.ShapeDeserializer interface, so our generated Deserialize
// methods run unchanged on it. It measures what replacing only smithy-go's
// JSON reader (not the generated code) would buy. It supports what the
// ListBacklogTasks output needs; the rest reports an error.

package prototype

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"time"

	smithy "github.com/aws/smithy-go"
	smithydocument "github.com/aws/smithy-go/document"
	smithytime "github.com/aws/smithy-go/time"
	"github.com/aws/smithy-go/traits"

	"github.com/devopsagent-go/devopsagent/internal/serde"
)

// errUnsupported reports a read the prototype does not implement.
var errUnsupported = errors.New("prototype: not supported")

// frame is one open object or array.
type frame struct {
	schema *smithy.Schema // the structure whose members are read, if any
	first  bool           // no element or member read yet
	null   bool           // the value was null: the frame is already closed
}

// ShapeDecoder implements smithy.ShapeDeserializer over the scanner.
type ShapeDecoder struct {
	s     *scanner
	stack []frame
}

var _ smithy.ShapeDeserializer = (*ShapeDecoder)(nil)

// NewShapeDecoder returns a decoder over its own copy of body.
func NewShapeDecoder(body []byte) *ShapeDecoder {
	return &ShapeDecoder{s: newScanner(body), stack: make([]frame, 0, 8)}
}

// Decode runs out's generated Deserialize method on body and checks that
// nothing follows the top-level value.
func Decode(body []byte, out smithy.Deserializable) error {
	d := NewShapeDecoder(body)
	if err := out.Deserialize(d); err != nil {
		return fmt.Errorf("prototype decode: %w", err)
	}
	return d.s.end()
}

// open consumes the opening byte of an object or array (or a null, which
// yields an already closed frame) and pushes its frame.
func (d *ShapeDecoder) open(c byte, s *smithy.Schema) error {
	null, err := d.s.null()
	if err != nil {
		return err
	}
	if !null {
		if err := d.s.expect(c); err != nil {
			return err
		}
	}
	d.stack = append(d.stack, frame{schema: s, first: true, null: null})
	return nil
}

// next moves to the next element of the innermost frame: it reports false
// (and pops the frame) at the closing byte, and consumes the comma between
// elements.
func (d *ShapeDecoder) next(closing byte) (bool, error) {
	top := &d.stack[len(d.stack)-1]
	if top.null {
		d.stack = d.stack[:len(d.stack)-1]
		return false, nil
	}

	c, err := d.s.peek()
	if err != nil {
		return false, err
	}
	if c == closing {
		d.s.i++
		d.stack = d.stack[:len(d.stack)-1]
		return false, nil
	}
	if !top.first {
		if err := d.s.expect(','); err != nil {
			return false, err
		}
	}
	top.first = false
	return true, nil
}

// key reads an object key and the colon after it.
func (d *ShapeDecoder) key() (string, error) {
	k, err := d.s.string()
	if err != nil {
		return "", err
	}
	return k, d.s.expect(':')
}

// ReadStruct implements smithy.ShapeDeserializer.
func (d *ShapeDecoder) ReadStruct(s *smithy.Schema) error {
	return d.open('{', s)
}

// ReadStructMember implements smithy.ShapeDeserializer. It skips members
// that are null or not in the schema.
func (d *ShapeDecoder) ReadStructMember() (*smithy.Schema, error) {
	for {
		more, err := d.next('}')
		if !more || err != nil {
			return nil, err
		}
		schema := d.stack[len(d.stack)-1].schema
		if schema == nil {
			return nil, errors.New("prototype: ReadStructMember outside a structure")
		}

		k, err := d.key()
		if err != nil {
			return nil, err
		}
		member := schema.Member(k)
		null, err := d.s.null()
		if err != nil {
			return nil, err
		}
		if null {
			continue
		}
		if member == nil {
			if err := d.s.skipValue(0); err != nil {
				return nil, err
			}
			continue
		}
		return member, nil
	}
}

// ReadList implements smithy.ShapeDeserializer.
func (d *ShapeDecoder) ReadList(s *smithy.Schema) error {
	return d.open('[', s)
}

// ReadListItem implements smithy.ShapeDeserializer.
func (d *ShapeDecoder) ReadListItem(*smithy.Schema) (bool, error) {
	return d.next(']')
}

// ReadMap implements smithy.ShapeDeserializer.
func (d *ShapeDecoder) ReadMap(s *smithy.Schema) error {
	return d.open('{', s)
}

// ReadMapKey implements smithy.ShapeDeserializer.
func (d *ShapeDecoder) ReadMapKey(*smithy.Schema) (string, bool, error) {
	more, err := d.next('}')
	if !more || err != nil {
		return "", false, err
	}
	k, err := d.key()
	return k, err == nil, err
}

// ReadUnion implements smithy.ShapeDeserializer; our generated code reads
// unions through ReadMap instead.
func (d *ShapeDecoder) ReadUnion(*smithy.Schema) (*smithy.Schema, error) {
	return nil, errUnsupported
}

// ReadNil implements smithy.ShapeDeserializer.
func (d *ShapeDecoder) ReadNil(*smithy.Schema) (bool, error) {
	return d.s.null()
}

// ReadString implements smithy.ShapeDeserializer.
func (d *ShapeDecoder) ReadString(_ *smithy.Schema, v *string) error {
	s, err := d.s.string()
	*v = s
	return err
}

// ReadBool implements smithy.ShapeDeserializer.
func (d *ShapeDecoder) ReadBool(_ *smithy.Schema, v *bool) error {
	b, err := d.s.bool()
	*v = b
	return err
}

// ReadInt8 implements smithy.ShapeDeserializer.
func (d *ShapeDecoder) ReadInt8(_ *smithy.Schema, v *int8) error {
	n, err := d.int(math.MinInt8, math.MaxInt8)
	*v = int8(n)
	return err
}

// ReadInt16 implements smithy.ShapeDeserializer.
func (d *ShapeDecoder) ReadInt16(_ *smithy.Schema, v *int16) error {
	n, err := d.int(math.MinInt16, math.MaxInt16)
	*v = int16(n)
	return err
}

// ReadInt32 implements smithy.ShapeDeserializer.
func (d *ShapeDecoder) ReadInt32(_ *smithy.Schema, v *int32) error {
	n, err := d.s.int32()
	*v = n
	return err
}

// ReadInt64 implements smithy.ShapeDeserializer.
func (d *ShapeDecoder) ReadInt64(_ *smithy.Schema, v *int64) error {
	n, err := d.int(math.MinInt64, math.MaxInt64)
	*v = n
	return err
}

// int reads an integer within [lo, hi].
func (d *ShapeDecoder) int(lo, hi int64) (int64, error) {
	text, err := d.numberText()
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil || n < lo || n > hi {
		return 0, d.s.errorf("integer %s out of range [%d, %d]", text, lo, hi)
	}
	return n, nil
}

// ReadFloat32 implements smithy.ShapeDeserializer.
func (d *ShapeDecoder) ReadFloat32(_ *smithy.Schema, v *float32) error {
	f, err := d.float()
	*v = float32(f)
	return err
}

// ReadFloat64 implements smithy.ShapeDeserializer.
func (d *ShapeDecoder) ReadFloat64(_ *smithy.Schema, v *float64) error {
	f, err := d.float()
	*v = f
	return err
}

// float reads a number.
func (d *ShapeDecoder) float() (float64, error) {
	text, err := d.numberText()
	if err != nil {
		return 0, err
	}
	return strconv.ParseFloat(text, 64)
}

// numberText consumes a number and returns its text.
func (d *ShapeDecoder) numberText() (string, error) {
	d.s.skipSpace()
	start := d.s.i
	if err := d.s.number(); err != nil {
		return "", err
	}
	return d.s.str[start:d.s.i], nil
}

// ReadBlob implements smithy.ShapeDeserializer.
func (d *ShapeDecoder) ReadBlob(_ *smithy.Schema, v *[]byte) error {
	s, err := d.s.string()
	if err != nil {
		return err
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return fmt.Errorf("decode base64 blob: %w", err)
	}
	*v = b
	return nil
}

// ReadTime implements smithy.ShapeDeserializer for the three formats.
func (d *ShapeDecoder) ReadTime(s *smithy.Schema, v *time.Time) error {
	format := "epoch-seconds"
	if t, ok := smithy.SchemaTrait[*traits.TimestampFormat](s); ok {
		format = t.Format
	}

	if format == "epoch-seconds" {
		f, err := d.float()
		*v = smithytime.ParseEpochSeconds(f)
		return err
	}

	text, err := d.s.string()
	if err != nil {
		return err
	}
	if format == "http-date" {
		*v, err = smithytime.ParseHTTPDate(text)
		return err
	}
	*v, err = serde.ParseDateTime(text)
	return err
}

// ReadDocument implements smithy.ShapeDeserializer. The value keeps its raw
// JSON: our document package encodes a json.RawMessage as itself, and
// decodes it on UnmarshalSmithyDocument, so nothing is parsed twice unless
// the caller asks.
func (d *ShapeDecoder) ReadDocument(_ *smithy.Schema, v *smithydocument.Value) error {
	raw, err := d.s.rawValue()
	if err != nil {
		return err
	}
	*v = smithydocument.Opaque{Value: json.RawMessage(raw)}
	return nil
}

// ReadBigInt implements smithy.ShapeDeserializer; no member needs it.
func (d *ShapeDecoder) ReadBigInt(*smithy.Schema, *big.Int) error {
	return errUnsupported
}

// ReadBigFloat implements smithy.ShapeDeserializer; no member needs it.
func (d *ShapeDecoder) ReadBigFloat(*smithy.Schema, *big.Float) error {
	return errUnsupported
}
