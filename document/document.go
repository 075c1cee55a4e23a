// Package document provides the Smithy document type of the DevOps Agent
// API: open content with a JSON data model (objects, arrays, strings,
// numbers of any precision, booleans and null).
//
// Go values and JSON are converted as the official client
// (github.com/aws/aws-sdk-go-v2/service/devopsagent/document) converts
// them, by smithy-go's document/json encoder and decoder, so code moves
// between the two clients unchanged:
//
//   - struct fields are named by a `document` tag (`document:"name"`,
//     `document:",omitempty"`, `document:"-"`) or by the field name;
//     `json` tags are not read;
//   - map keys are written in sorted order, and an empty key is an
//     error; functions and channels inside a value are skipped; a []byte is written as a list of numbers;
//     time.Time and MarshalJSON methods are not supported (send a string
//     or a number instead);
//   - a number decoded into an interface value (any, map[string]any,
//     []any) is a smithy-go document.Number
//     (github.com/aws/smithy-go/document), the literal exactly as sent,
//     with Int64, Uint64, Float64 and BigInt methods; json.Number,
//     document.Number and string targets also receive the literal;
//     integer and *big.Int targets the exact value, or an error if the
//     literal is not an integer that fits; float64 the nearest value;
//   - a *big.Float is written with the fewest digits that give back the
//     same value at its precision ("2.5e+00"; an integral value as an
//     integer), and decoding into a *big.Float parses the literal with 64
//     bits of mantissa, so a literal with more significant digits than
//     that is rounded: decode into a document.Number to keep every digit.
//
// Where this package differs from the official one, it does so to keep
// data intact:
//
//   - a json.Number held in an interface value (say in a map[string]any
//     built with encoding/json's UseNumber) is written as the number it
//     spells, every digit kept; the official client writes it as a JSON
//     string. Where the type itself is json.Number (a struct field, a
//     map[string]json.Number) both write a string; use document.Number
//     there to write a number;
//   - a json.RawMessage held in an interface value, the document's value
//     itself included, is written as the JSON it holds (which must be
//     valid); the official client writes the bytes of the text as a list
//     of numbers, as both do for a struct field of that type;
//   - a value that JSON cannot hold (a NaN or infinite float, an
//     infinite *big.Float, a value that contains itself, a bare function)
//     is an error naming where it sits, reported before the request is
//     sent; the official client panics, sends invalid JSON or overflows
//     the stack;
//   - a document made with NewLazyDocument unmarshals into a Go value
//     through its JSON, exactly as a document returned by the service
//     does; the official client's lazy document fails to unmarshal.
//
// To send a document, wrap a Go value with NewLazyDocument; it is encoded
// when the request is built:
//
//	meta := document.NewLazyDocument(map[string]any{
//		"owner":   "team-a",
//		"retries": 3,
//	})
//
// A document returned by the service keeps the JSON it arrived as and
// parses it only when unmarshaled:
//
//	var m map[string]any
//	if err := out.Asset.Metadata.UnmarshalSmithyDocument(&m); err != nil {
//		// handle the error
//	}
//
// Its MarshalSmithyDocument returns that JSON re-encoded as encoding/json
// would write the parsed value: keys sorted, no insignificant space,
// numbers as sent, and <, > and & escaped.
//
// Documents are safe for concurrent use as long as the value wrapped by
// NewLazyDocument is not changed while a request is being built.
package document

import (
	internaldocument "github.com/devopsagent-go/devopsagent/internal/document"
)

// Interface is a document value. It marshals to JSON with
// MarshalSmithyDocument and unmarshals into a Go value, given as a
// non-nil pointer, with UnmarshalSmithyDocument. Only this module
// implements it.
type Interface = internaldocument.Interface

// NewLazyDocument returns a document that holds v and encodes it as JSON
// each time it is marshaled, following the rules in the package
// documentation. v is not copied and never changed.
func NewLazyDocument(v interface{}) Interface {
	return internaldocument.NewLazy(v)
}
