package serde

import (
	"fmt"

	smithy "github.com/aws/smithy-go"
	smithydocument "github.com/aws/smithy-go/document"

	internaldocument "github.com/devopsagent-go/devopsagent/internal/document"
)

// WriteDocument writes a document member. A nil document is written as
// JSON null (only list elements can be nil; unset members are skipped by
// the caller).
//
// smithy-go writes a document that marshals itself from its
// MarshalSmithyDocument bytes but drops any error, which would leave the
// key without a value; validators call CheckDocument first so that a
// document that cannot be encoded is reported before anything is sent.
func WriteDocument(s smithy.ShapeSerializer, schema *smithy.Schema, v internaldocument.Interface) {
	if v == nil {
		s.WriteNil(schema)
		return
	}
	s.WriteDocument(schema, smithydocument.Opaque{Value: v})
}

// RawJSONReader is implemented by a ShapeDeserializer that can hand out
// the bytes of the next JSON value exactly as sent (internal/jsonwire's
// does); smithy-go's cannot.
type RawJSONReader interface {
	// ReadRawJSON consumes the next value and returns a copy of its bytes.
	ReadRawJSON() ([]byte, error)

	// ReadRawDocument consumes the next value and returns a document
	// holding a copy of its bytes.
	ReadRawDocument() (*internaldocument.Raw, error)
}

// ReadDocument reads any JSON value as a document with exact numbers. A
// RawJSONReader's document keeps the bytes and parses them only when
// asked; otherwise smithy-go's parsed value is kept.
func ReadDocument(d smithy.ShapeDeserializer, s *smithy.Schema, v *internaldocument.Interface) error {
	if r, ok := d.(RawJSONReader); ok {
		doc, err := r.ReadRawDocument()
		if err != nil {
			return err
		}
		*v = doc
		return nil
	}

	doc := &internaldocument.Decoded{}
	if err := d.ReadDocument(s, &doc.Value); err != nil {
		return err
	}
	*v = doc
	return nil
}

// CheckDocument reports whether a document can be encoded as JSON. A nil
// document (an unset member) passes.
func CheckDocument(v internaldocument.Interface) error {
	if v == nil {
		return nil
	}
	if _, err := v.MarshalSmithyDocument(); err != nil {
		return fmt.Errorf("document cannot be encoded as JSON: %w", err)
	}
	return nil
}
