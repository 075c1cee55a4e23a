package jsonwire

// This file holds the scalar reads of smithy.ShapeDeserializer (strings,
// booleans, numbers, blobs, timestamps) and the reads that keep a value's
// JSON: documents and raw values.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strings"
	"time"
	"unsafe"

	smithy "github.com/aws/smithy-go"
	smithydocument "github.com/aws/smithy-go/document"
	smithytime "github.com/aws/smithy-go/time"
	"github.com/aws/smithy-go/traits"

	internaldocument "github.com/devopsagent-go/devopsagent/internal/document"
	"github.com/devopsagent-go/devopsagent/internal/serde"
)

var (
	_ serde.RawJSONReader = (*decoder)(nil)
	_ serde.TextReader    = (*decoder)(nil)
)

// ReadNil implements smithy.ShapeDeserializer: it consumes a null and
// reports true, or reports false and consumes nothing.
func (d *decoder) ReadNil(*smithy.Schema) (bool, error) {
	if d.s.peek() != 'n' {
		return false, nil
	}
	return true, d.s.literal("null")
}

// stringBytes consumes a string token, which starts at pos, and returns
// its text: a view of the body when it needs no decoding, else the
// decoded text in scratch. Either is valid only until the next read.
func (d *decoder) stringBytes() ([]byte, error) {
	start := d.s.pos + 1
	end, flags, err := d.s.scanString()
	if err != nil {
		return nil, err
	}

	content := d.s.buf[start:end]
	if !needsDecoding(content, flags) {
		return content, nil
	}
	d.scratch = appendDecoded(d.scratch[:0], content)
	return d.scratch, nil
}

// ReadText implements serde.TextReader: it reads a string value as a
// string valid only until the next read, for text that is parsed rather
// than kept.
func (d *decoder) ReadText() (string, error) {
	if d.s.peek() != '"' {
		return "", errorAt(d.s.pos, "expected a string, found %s", describe(d.s.buf, d.s.pos))
	}
	b, err := d.stringBytes()
	return unsafe.String(unsafe.SliceData(b), len(b)), err
}

// ReadString implements smithy.ShapeDeserializer. The string is copied
// into the arena.
func (d *decoder) ReadString(_ *smithy.Schema, v *string) error {
	if d.s.peek() != '"' {
		return errorAt(d.s.pos, "expected a string, found %s", describe(d.s.buf, d.s.pos))
	}
	b, err := d.stringBytes()
	if err != nil {
		return err
	}
	*v = d.arena.string(b, d.remaining())
	return nil
}

// ReadBool implements smithy.ShapeDeserializer.
func (d *decoder) ReadBool(_ *smithy.Schema, v *bool) error {
	switch d.s.peek() {
	case 't':
		*v = true
		return d.s.literal("true")
	case 'f':
		*v = false
		return d.s.literal("false")
	}
	return errorAt(d.s.pos, "expected true or false, found %s", describe(d.s.buf, d.s.pos))
}

// ReadInt8 implements smithy.ShapeDeserializer.
func (d *decoder) ReadInt8(_ *smithy.Schema, v *int8) error {
	n, err := d.readInt(math.MinInt8, math.MaxInt8, "int8")
	*v = int8(n)
	return err
}

// ReadInt16 implements smithy.ShapeDeserializer.
func (d *decoder) ReadInt16(_ *smithy.Schema, v *int16) error {
	n, err := d.readInt(math.MinInt16, math.MaxInt16, "int16")
	*v = int16(n)
	return err
}

// ReadInt32 implements smithy.ShapeDeserializer.
func (d *decoder) ReadInt32(_ *smithy.Schema, v *int32) error {
	n, err := d.readInt(math.MinInt32, math.MaxInt32, "int32")
	*v = int32(n)
	return err
}

// ReadInt64 implements smithy.ShapeDeserializer.
func (d *decoder) ReadInt64(_ *smithy.Schema, v *int64) error {
	n, err := d.readInt(math.MinInt64, math.MaxInt64, "int64")
	*v = n
	return err
}

// ReadFloat32 implements smithy.ShapeDeserializer.
func (d *decoder) ReadFloat32(_ *smithy.Schema, v *float32) error {
	f, err := d.readFloat(32)
	*v = float32(f)
	return err
}

// ReadFloat64 implements smithy.ShapeDeserializer.
func (d *decoder) ReadFloat64(_ *smithy.Schema, v *float64) error {
	f, err := d.readFloat(64)
	*v = f
	return err
}

// ReadBigInt implements smithy.ShapeDeserializer: it reads an integer of
// any size.
func (d *decoder) ReadBigInt(_ *smithy.Schema, v *big.Int) error {
	text, isInt, err := d.numberText()
	if err != nil {
		return err
	}
	if !isInt {
		return errorAt(d.s.pos-len(text), "expected an integer, found a number with a "+
			"fraction or exponent")
	}
	v.SetString(text, 10)
	return nil
}

// ReadBigFloat implements smithy.ShapeDeserializer: it reads any number.
func (d *decoder) ReadBigFloat(_ *smithy.Schema, v *big.Float) error {
	text, _, err := d.numberText()
	if err != nil {
		return err
	}
	if _, ok := v.SetString(text); !ok {
		return errorAt(d.s.pos-len(text), "number out of big.Float range")
	}
	return nil
}

// numberText consumes a number token and returns its text (a view of the
// body, valid until the next read).
func (d *decoder) numberText() (string, bool, error) {
	if c := d.s.peek(); c != '-' && !isDigit(c) {
		return "", false, errorAt(d.s.pos, "expected a number, found %s",
			describe(d.s.buf, d.s.pos))
	}
	start := d.s.pos
	isInt, err := d.s.scanNumber()
	if err != nil {
		return "", false, err
	}
	token := d.s.buf[start:d.s.pos]
	return unsafe.String(unsafe.SliceData(token), len(token)), isInt, nil
}

// ReadBlob implements smithy.ShapeDeserializer: it decodes a base64
// string. A null leaves v unchanged.
func (d *decoder) ReadBlob(_ *smithy.Schema, v *[]byte) error {
	if d.s.peek() == 'n' {
		return d.s.literal("null")
	}
	if d.s.peek() != '"' {
		return errorAt(d.s.pos, "expected a base64 string, found %s", describe(d.s.buf, d.s.pos))
	}
	start := d.s.pos
	text, err := d.stringBytes()
	if err != nil {
		return err
	}

	out := make([]byte, base64.StdEncoding.DecodedLen(len(text)))
	n, err := base64.StdEncoding.Decode(out, text)
	if err != nil {
		return errorAt(start, "invalid base64 in a blob")
	}
	*v = out[:n]
	return nil
}

// ReadTime implements smithy.ShapeDeserializer with the parsers the
// generated code uses through internal/serde: member schemas name the
// format with the timestampFormat trait, epoch-seconds by default.
func (d *decoder) ReadTime(s *smithy.Schema, v *time.Time) error {
	format := "epoch-seconds"
	if tf, ok := smithy.SchemaTrait[*traits.TimestampFormat](s); ok {
		format = tf.Format
	}

	var t time.Time
	var err error
	switch format {
	case "epoch-seconds":
		t, err = d.readEpochSeconds()
	case "date-time":
		t, err = d.readTimeText(serde.ParseDateTime)
	case "http-date":
		t, err = d.readTimeText(smithytime.ParseHTTPDate)
	default:
		err = fmt.Errorf("json: unknown timestamp format %q", format)
	}
	if err != nil {
		return err
	}
	*v = t
	return nil
}

// readEpochSeconds reads a number of seconds since the Unix epoch.
func (d *decoder) readEpochSeconds() (time.Time, error) {
	f, err := d.readFloat(64)
	if err != nil {
		return time.Time{}, err
	}
	return serde.EpochSeconds(f)
}

// readTimeText reads a string and parses it with parse. On failure the
// text is parsed again from a copy: a parser's error may keep the text it
// was given, and the body it was lent from is reused.
func (d *decoder) readTimeText(parse func(string) (time.Time, error)) (time.Time, error) {
	text, err := d.ReadText()
	if err != nil {
		return time.Time{}, err
	}
	t, err := parse(text)
	if err != nil {
		_, err = parse(strings.Clone(text))
	}
	return t, err
}

// ReadRawJSON implements serde.RawJSONReader: it consumes any value and
// returns a copy of its bytes exactly as sent.
func (d *decoder) ReadRawJSON() ([]byte, error) {
	d.s.peek()
	start := d.s.pos
	if err := d.s.skipValue(len(d.frames)); err != nil {
		return nil, err
	}
	return d.arena.copyOf(d.s.buf[start:d.s.pos], d.remaining()), nil
}

// ReadRawDocument implements serde.RawJSONReader: it consumes any value
// and returns a document holding a copy of its bytes.
func (d *decoder) ReadRawDocument() (*internaldocument.Raw, error) {
	raw, err := d.ReadRawJSON()
	if err != nil {
		return nil, err
	}
	return d.docs.New(raw), nil
}

// ReadDocument implements smithy.ShapeDeserializer the way smithy-go's
// JSON reader does: v becomes an Opaque holding nil, bool, string,
// json.Number, []any or map[string]any. The generated code reads
// documents through serde.ReadDocument instead, which keeps the JSON and
// decodes it only when asked.
func (d *decoder) ReadDocument(_ *smithy.Schema, v *smithydocument.Value) error {
	raw, err := d.ReadRawJSON()
	if err != nil {
		return err
	}

	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var value any
	if err := dec.Decode(&value); err != nil {
		return fmt.Errorf("json: decode document: %w", err)
	}
	*v = smithydocument.Opaque{Value: value}
	return nil
}
