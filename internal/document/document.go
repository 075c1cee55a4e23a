// Package document implements the values behind the public document
// package: a lazy document that wraps a caller's Go value until it is sent,
// and two kinds of document read from a response: Raw keeps the JSON bytes
// as sent and decodes them only when asked (internal/jsonwire reads
// documents this way), Decoded holds the value smithy-go's JSON reader
// built.
//
// All encode with encoding/json and decode with json.Number, so numbers
// keep every digit (12345678901234567890 and 0.1 round-trip exactly) and
// Go values use their ordinary `json` struct tags.
package document

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	smithydocument "github.com/aws/smithy-go/document"
)

// Interface is a JSON-like value of the Smithy document type: it marshals
// itself to JSON and unmarshals into a Go value.
type Interface interface {
	smithydocument.Marshaler
	smithydocument.Unmarshaler
	isSmithyDocument()
}

// NewLazy returns a document that encodes v when it is marshaled.
func NewLazy(v any) Interface {
	return &lazy{value: v}
}

// lazy holds a caller's Go value, encoded only when the request is built.
type lazy struct {
	value any
}

func (d *lazy) isSmithyDocument() {}

// MarshalSmithyDocument encodes the wrapped value as JSON.
func (d *lazy) MarshalSmithyDocument() ([]byte, error) {
	return Encode(d.value)
}

// UnmarshalSmithyDocument decodes the wrapped value into target by way of
// its JSON form, as if it had come back from the service.
func (d *lazy) UnmarshalSmithyDocument(target any) error {
	return decodeInto(d.value, target)
}

// Decoded is a document read from a response. Value is what smithy-go's
// JSON deserializer produced (an Opaque holding nil, bool, string,
// json.Number, []any or map[string]any); a deserializer reads straight
// into it, so a decoded document costs one allocation of its own.
type Decoded struct {
	Value smithydocument.Value
}

func (d *Decoded) isSmithyDocument() {}

// MarshalSmithyDocument encodes the value as JSON, with object keys sorted.
func (d *Decoded) MarshalSmithyDocument() ([]byte, error) {
	return Encode(plain(d.Value))
}

// UnmarshalSmithyDocument decodes the value into target: a pointer to a
// map, slice, struct (by its json tags), number, string, bool or interface
// value. Numbers decoded into an interface value become json.Number.
func (d *Decoded) UnmarshalSmithyDocument(target any) error {
	return decodeInto(plain(d.Value), target)
}

// Raw is a document read from a response and kept as the JSON bytes the
// service sent; nothing is parsed until it is marshaled or unmarshaled.
type Raw struct {
	json []byte
}

// NewRaw returns a document holding raw, one valid JSON value, which the
// document keeps and never changes.
func NewRaw(raw []byte) *Raw {
	return &Raw{json: raw}
}

func (d *Raw) isSmithyDocument() {}

// rawBlockSize is how many Raw documents a RawBlocks allocates at once.
const rawBlockSize = 32

// RawBlocks hands out Raw documents from blocks, so that a response with
// many documents costs one allocation per block rather than one per
// document; a document kept by the caller keeps its block (under 1 KiB)
// alive. It is not safe for concurrent use.
type RawBlocks struct {
	block []Raw
}

// New returns a document holding raw, as NewRaw does.
func (b *RawBlocks) New(raw []byte) *Raw {
	if len(b.block) == 0 {
		b.block = make([]Raw, rawBlockSize)
	}
	d := &b.block[0]
	b.block = b.block[1:]
	d.json = raw
	return d
}

// MarshalSmithyDocument returns the value's JSON in the form a Decoded
// document gives: object keys sorted, no insignificant space, numbers as
// sent.
func (d *Raw) MarshalSmithyDocument() ([]byte, error) {
	var v any
	if err := decodeJSON(d.json, &v); err != nil {
		return nil, err
	}
	return Encode(v)
}

// UnmarshalSmithyDocument decodes the value into target, as a Decoded
// document does.
func (d *Raw) UnmarshalSmithyDocument(target any) error {
	return decodeJSON(d.json, target)
}

// Encode returns the JSON encoding of v without HTML escaping and without
// the trailing newline that json.Encoder adds.
func Encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("document: encode %T: %w", v, err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// decodeInto copies v into target through JSON, keeping exact numbers.
func decodeInto(v, target any) error {
	data, err := Encode(v)
	if err != nil {
		return err
	}
	return decodeJSON(data, target)
}

// decodeJSON decodes data into target, numbers as json.Number.
func decodeJSON(data []byte, target any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(target); err != nil {
		return fmt.Errorf("document: decode into %T: %w", target, err)
	}
	return nil
}

// plain converts a smithy-go document value to the plain Go values that
// encoding/json understands. smithy-go's JSON deserializer produces Opaque
// values; the other cases keep the conversion total.
func plain(v smithydocument.Value) any {
	switch vv := v.(type) {
	case smithydocument.Opaque:
		return vv.Value
	case *smithydocument.Opaque:
		return vv.Value
	case smithydocument.Boolean:
		return bool(vv)
	case smithydocument.String:
		return string(vv)
	case smithydocument.Number:
		return json.Number(vv)
	case smithydocument.Blob:
		return []byte(vv)
	case smithydocument.Timestamp:
		return time.Time(vv)
	case smithydocument.Structure:
		return plain(smithydocument.Map(vv.Members))
	case smithydocument.List:
		out := make([]any, len(vv))
		for i, item := range vv {
			out[i] = plain(item)
		}
		return out
	case smithydocument.Map:
		out := make(map[string]any, len(vv))
		for k, item := range vv {
			out[k] = plain(item)
		}
		return out
	default:
		return nil
	}
}
