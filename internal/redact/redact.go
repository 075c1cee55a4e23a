// Package redact hides the values of members a Smithy model marks
// @sensitive, so that request and response bodies can be logged without
// their secrets. It walks smithy-go schemas: a value is hidden when its
// member or the member's target carries the sensitive trait, which covers
// sensitive strings, sensitive structures and unions, and lists and maps
// whose elements are sensitive.
package redact

import (
	"bytes"
	"encoding/json"
	"errors"

	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/traits"
)

// Placeholder replaces every hidden value.
const Placeholder = "***"

// IsSensitive reports whether values of schema must not be shown: the
// sensitive trait is on the schema itself or, for a member, on its target.
func IsSensitive(schema *smithy.Schema) bool {
	_, ok := smithy.SchemaTrait[*traits.Sensitive](schema)
	return ok
}

// HasSensitive reports whether schema, or anything reachable from it, is
// sensitive.
func HasSensitive(schema *smithy.Schema) bool {
	return hasSensitive(schema, map[*smithy.Schema]bool{})
}

func hasSensitive(schema *smithy.Schema, seen map[*smithy.Schema]bool) bool {
	if schema == nil || seen[schema] {
		return false
	}
	seen[schema] = true

	if IsSensitive(schema) {
		return true
	}
	for _, member := range schema.Members() {
		if hasSensitive(member, seen) {
			return true
		}
	}
	return false
}

// JSON returns the JSON document body, which schema describes, with the
// values of sensitive members replaced by Placeholder. Keys come out
// sorted. A body that is not valid JSON cannot be inspected: it is
// replaced whole by Placeholder when schema has sensitive members and
// returned unchanged otherwise. A nil schema leaves body unchanged.
func JSON(schema *smithy.Schema, body []byte) []byte {
	if schema == nil || len(body) == 0 {
		return body
	}

	doc, err := decode(body)
	if err != nil {
		if HasSensitive(schema) {
			return []byte(Placeholder)
		}
		return body
	}

	out, err := encode(Value(schema, doc))
	if err != nil {
		return []byte(Placeholder)
	}
	return out
}

// Value returns v, a document decoded by encoding/json, with sensitive
// values replaced by Placeholder. Maps and slices are changed in place.
// Keys and members the schema does not know are left as they are; a
// value of the wrong JSON type for a schema with sensitive members is
// replaced whole, since it cannot be inspected.
func Value(schema *smithy.Schema, v any) any {
	if schema == nil || v == nil {
		return v
	}
	if IsSensitive(schema) {
		return Placeholder
	}

	switch schema.Type() {
	case smithy.ShapeTypeStructure, smithy.ShapeTypeUnion:
		memberOf := func(key string) *smithy.Schema { return member(schema, key) }
		return redactObject(schema, v, memberOf)
	case smithy.ShapeTypeMap:
		if IsSensitive(schema.MapKey()) {
			return Placeholder
		}
		return redactObject(schema, v, func(string) *smithy.Schema { return schema.MapValue() })
	case smithy.ShapeTypeList, smithy.ShapeTypeSet:
		return redactList(schema, v)
	}
	return v
}

// redactObject redacts each value of a JSON object with the schema
// schemaOf returns for its key.
func redactObject(schema *smithy.Schema, v any, schemaOf func(key string) *smithy.Schema) any {
	object, ok := v.(map[string]any)
	if !ok {
		return mismatched(schema, v)
	}
	for key, value := range object {
		object[key] = Value(schemaOf(key), value)
	}
	return object
}

// redactList redacts each element of a JSON array.
func redactList(schema *smithy.Schema, v any) any {
	items, ok := v.([]any)
	if !ok {
		return mismatched(schema, v)
	}
	for i, item := range items {
		items[i] = Value(schema.ListMember(), item)
	}
	return items
}

// mismatched handles a value whose JSON type does not fit its schema.
func mismatched(schema *smithy.Schema, v any) any {
	if HasSensitive(schema) {
		return Placeholder
	}
	return v
}

// member returns the member of a structure or union whose JSON key is
// key: its jsonName when it has one, else its member name.
func member(schema *smithy.Schema, key string) *smithy.Schema {
	for name, m := range schema.Members() {
		if jn, ok := smithy.SchemaTrait[*traits.JSONName](m); ok {
			if jn.Name == key {
				return m
			}
			continue
		}
		if name == key {
			return m
		}
	}
	return nil
}

func decode(body []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()

	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("data after the JSON value")
	}
	return doc, nil
}

func encode(doc any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
