package serde

import (
	"unsafe"

	smithy "github.com/aws/smithy-go"
)

// ReadEnum reads a string enum value into v. Values the client does not
// know are kept as they are.
func ReadEnum[E ~string](d smithy.ShapeDeserializer, s *smithy.Schema, v *E) error {
	// E's underlying type is string, so *E and *string point at the same
	// memory layout. Reading through the converted pointer avoids a
	// temporary string, which would escape to the heap because
	// ShapeDeserializer is an interface.
	return d.ReadString(s, (*string)(unsafe.Pointer(v)))
}

// WriteBlob writes a blob that sits in a list, map or union, where a nil
// slice means empty content rather than "not set"; smithy-go would write
// null for it.
func WriteBlob(s smithy.ShapeSerializer, schema *smithy.Schema, v []byte) {
	if v == nil {
		v = []byte{}
	}
	s.WriteBlob(schema, v)
}
