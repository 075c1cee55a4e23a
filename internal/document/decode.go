package document

// Reading documents into Go values: JSON is parsed as the official client
// parses a response body (encoding/json with json.Number) and the tree is
// handed to smithy-go's document/json decoder, the one the official
// client uses, so every target type behaves the same in both clients.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	smithydocument "github.com/aws/smithy-go/document"
	smithydocumentjson "github.com/aws/smithy-go/document/json"
)

// decodeJSON decodes data, one JSON value, into target.
func decodeJSON(data []byte, target any) error {
	tree, err := parseJSON(data)
	if err != nil {
		return err
	}
	return decodeTree(tree, target)
}

// parseJSON parses data, exactly one JSON value, into nil, bool, string,
// json.Number, []any and map[string]any, so that numbers keep every
// digit.
func parseJSON(data []byte) (any, error) {
	tree, err := parseValue(data)
	if err != nil {
		return nil, fmt.Errorf("document: parse JSON: %w", err)
	}
	return tree, nil
}

// errTrailingData reports JSON text with more after its value.
var errTrailingData = errors.New("data after the value")

// parseValue is parseJSON without the context in its errors.
func parseValue(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()

	var tree any
	if err := dec.Decode(&tree); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errTrailingData
	}
	return tree, nil
}

// decodeTree decodes a parsed JSON tree into target, a non-nil pointer,
// with smithy-go's decoder: struct fields match their `document` tag or
// their name, and a number decoded into an interface value becomes a
// smithy-go document.Number holding the literal as sent.
//
// smithy-go's decoder panics on some targets (a struct embedding a
// pointer to an unexported struct type, for one); a document holds the
// service's data, so the panic becomes an error here.
func decodeTree(tree, target any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("document: decode into %T: %v", target, r)
		}
	}()

	if err := smithydocumentjson.NewDecoder().DecodeJSONInterface(tree, target); err != nil {
		return fmt.Errorf("document: decode into %T: %w", target, err)
	}
	return nil
}

// encodeTree writes a parsed JSON tree as the official client writes a
// document it read: with encoding/json's Marshal, so object keys are
// sorted, there is no insignificant space, numbers are written as sent
// and <, > and & are escaped as \u003c, \u003e and \u0026.
func encodeTree(tree any) ([]byte, error) {
	data, err := json.Marshal(tree)
	if err != nil {
		return nil, fmt.Errorf("document: encode %T: %w", tree, err)
	}
	return data, nil
}

// decodedTree converts a smithy-go document value to the tree that
// parseJSON produces. An Opaque holding a json.RawMessage, which a reader
// that keeps the JSON as sent may store, is parsed.
func decodedTree(v smithydocument.Value) (any, error) {
	tree := plain(v)
	if raw, ok := tree.(json.RawMessage); ok {
		return parseJSON(raw)
	}
	return tree, nil
}

// plain converts a smithy-go document value to plain Go values.
// smithy-go's JSON deserializer produces Opaque values; the other cases
// keep the conversion total, blobs and timestamps becoming the strings
// encoding/json would write for them.
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
		return base64.StdEncoding.EncodeToString(vv)
	case smithydocument.Timestamp:
		return time.Time(vv).Format(time.RFC3339Nano)
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
