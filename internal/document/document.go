// Package document implements the values behind the public document
// package: a lazy document that wraps a caller's Go value until it is sent,
// and two kinds of document read from a response: Raw keeps the JSON bytes
// as sent and parses them only when asked (internal/jsonwire reads
// documents this way), Decoded holds the value smithy-go's JSON reader
// built.
//
// Go values are converted the way the official client converts them, with
// smithy-go's document/json encoder and decoder (struct fields named by
// their `document` tags, numbers decoded into an interface value as
// smithy-go's document.Number). encode.go and walk.go say where and why
// writing a value departs from smithy-go; decode.go reads values back.
package document

import (
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
	return encode(d.value)
}

// UnmarshalSmithyDocument decodes the wrapped value into target by way of
// its JSON form, as if that JSON had come back from the service.
func (d *lazy) UnmarshalSmithyDocument(target any) error {
	data, err := encode(d.value)
	if err != nil {
		return err
	}
	return decodeJSON(data, target)
}

// Decoded is a document read from a response. Value is what smithy-go's
// JSON deserializer produced (an Opaque holding nil, bool, string,
// json.Number, []any or map[string]any, or a json.RawMessage parsed when
// asked); a deserializer reads straight into it, so a decoded document
// costs one allocation of its own.
type Decoded struct {
	Value smithydocument.Value
}

func (d *Decoded) isSmithyDocument() {}

// MarshalSmithyDocument encodes the value as JSON, as encodeTree does.
func (d *Decoded) MarshalSmithyDocument() ([]byte, error) {
	tree, err := decodedTree(d.Value)
	if err != nil {
		return nil, err
	}
	return encodeTree(tree)
}

// UnmarshalSmithyDocument decodes the value into target, as decodeTree
// does.
func (d *Decoded) UnmarshalSmithyDocument(target any) error {
	tree, err := decodedTree(d.Value)
	if err != nil {
		return err
	}
	return decodeTree(tree, target)
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

// MarshalSmithyDocument returns the value's JSON in the form a Decoded
// document gives: object keys sorted, no insignificant space, numbers as
// sent.
func (d *Raw) MarshalSmithyDocument() ([]byte, error) {
	tree, err := parseJSON(d.json)
	if err != nil {
		return nil, err
	}
	return encodeTree(tree)
}

// UnmarshalSmithyDocument decodes the value into target, as a Decoded
// document does.
func (d *Raw) UnmarshalSmithyDocument(target any) error {
	return decodeJSON(d.json, target)
}

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
