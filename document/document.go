// Package document provides the Smithy document type of the DevOps Agent
// API: open content with a JSON data model (objects, arrays, strings,
// numbers of any precision, booleans and null).
//
// To send a document, wrap a Go value with NewLazyDocument; it is encoded
// with encoding/json when the request is built, so struct fields use their
// `json` tags and map keys are written in sorted order:
//
//	meta := document.NewLazyDocument(map[string]any{
//		"owner":   "team-a",
//		"retries": 3,
//	})
//
// A document returned by the service unmarshals into a Go value:
//
//	var m map[string]any
//	if err := out.Asset.Metadata.UnmarshalSmithyDocument(&m); err != nil {
//		// handle the error
//	}
//
// Numbers keep every digit: decoded into an interface value they become
// json.Number, and typed fields (int64, uint64, float64, *big.Int) receive
// the exact literal. A document built with NewLazyDocument unmarshals the
// same way, which is handy in tests.
package document

import (
	internaldocument "github.com/devopsagent-go/devopsagent/internal/document"
)

// Interface is a document value. It marshals to JSON with
// MarshalSmithyDocument and unmarshals into a Go value with
// UnmarshalSmithyDocument. Only this module implements it.
type Interface = internaldocument.Interface

// NewLazyDocument returns a document that holds v and encodes it as JSON
// when a request is sent. v must be encodable by encoding/json.
func NewLazyDocument(v interface{}) Interface {
	return internaldocument.NewLazy(v)
}
