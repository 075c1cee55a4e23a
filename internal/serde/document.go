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

// MaxDepth is the deepest nesting of JSON objects and arrays in a response
// body that the client reads; internal/jsonwire refuses deeper bodies, to
// bound the work and memory a hostile body can demand. Validators use it to
// refuse, before sending, a document too deep to come back.
const MaxDepth = 1000

// CheckDocument reports whether a document can be encoded as JSON nested
// at most maxDepth levels deep (a scalar is 0 levels, [] or {} is 1). A
// nil document (an unset member) passes.
func CheckDocument(v internaldocument.Interface, maxDepth int) error {
	if v == nil {
		return nil
	}

	raw, err := v.MarshalSmithyDocument()
	if err != nil {
		return fmt.Errorf("document cannot be encoded as JSON: %w", err)
	}
	if nestedDeeper(raw, maxDepth) {
		return fmt.Errorf("document is nested deeper than %d levels, "+
			"more than a response can hold", maxDepth)
	}
	return nil
}

// nestedDeeper reports whether the valid JSON text raw nests objects and
// arrays more than limit levels deep.
func nestedDeeper(raw []byte, limit int) bool {
	depth := 0
	inString := false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case inString && c == '\\':
			i++ // the escaped byte cannot end the string
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			depth++
			if depth > limit {
				return true
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return false
}
