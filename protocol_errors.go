package devopsagent

// This file decodes error responses (any status outside 2xx) into the
// modeled *types.XxxException values or a *smithy.GenericAPIError.
//
// smithy-go's restjson1 protocol has an error decoder, but it differs from
// the aws-sdk-go-v2 clients this package is compatible with: it prefers a
// body's "__type" over its "code", matches error names case-sensitively,
// and fails on a body that is not JSON (an HTML page from a proxy). So
// the code and message are read here; the modeled error's members are
// still decoded by smithy-go from the error's schema.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws/protocol/restjson"
	smithy "github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/restjson1"
)

// unknownErrorCode is the code and message of an error response that
// names neither.
const unknownErrorCode = "UnknownError"

// errorDecoder decodes error responses of one service.
type errorDecoder struct {
	protocol *restjson1.Protocol

	// types holds the service's modeled error types by shape ID.
	types *smithy.TypeRegistry
}

// errorInfo is what an error response says about itself.
type errorInfo struct {
	// code is the sanitized error name, "" when the response has none.
	code    string
	message string

	// object is the body when it is a JSON object, else nil.
	object []byte
}

// decode reads the error response and returns the error it describes.
func (d errorDecoder) decode(
	ctx context.Context, op *smithy.OperationSchema, resp *smithyhttp.Response,
) error {
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return &smithy.DeserializationError{Err: fmt.Errorf("read error response body: %w", err)}
	}
	info := readErrorInfo(resp.Header, body)

	entry := d.lookup(info.code)
	if entry == nil {
		return genericError(info)
	}
	return d.decodeModeled(ctx, op, entry, resp.Header, info.object)
}

// genericError is the error for a code no modeled error has.
func genericError(info errorInfo) *smithy.GenericAPIError {
	e := &smithy.GenericAPIError{Code: info.code, Message: info.message}
	if e.Code == "" {
		e.Code = unknownErrorCode
	}
	if e.Message == "" {
		e.Message = unknownErrorCode
	}
	return e
}

// decodeModeled decodes the body into a new value of the entry's error
// type. The body is handed to smithy-go as a successful response whose
// output is the error's schema, which is the public way to run its
// schema-driven decoder. A body that is not a JSON object decodes as {}.
func (d errorDecoder) decodeModeled(
	ctx context.Context, op *smithy.OperationSchema, entry *smithy.TypeRegistryEntry,
	header http.Header, object []byte,
) error {
	perr := entry.New().(smithy.DeserializableError)

	synthetic := &smithyhttp.Response{Response: &http.Response{
		StatusCode:    http.StatusOK,
		Header:        header,
		Body:          io.NopCloser(bytes.NewReader(object)),
		ContentLength: int64(len(object)),
	}}
	schema := smithy.NewOperationSchema(op.Schema, nil, entry.Schema)
	if err := d.protocol.DeserializeResponse(ctx, schema, nil, synthetic, perr); err != nil {
		return err
	}
	return perr
}

// lookup finds the modeled error type named code, ignoring case, as the
// aws-sdk-go-v2 clients do. It returns nil when there is none.
func (d errorDecoder) lookup(code string) *smithy.TypeRegistryEntry {
	if code == "" || d.types == nil {
		return nil
	}
	if entry, ok := d.types.LookupEntry(code); ok && isErrorEntry(entry) {
		return entry
	}
	for id, entry := range d.types.Entries {
		_, name, _ := strings.Cut(id, "#")
		if strings.EqualFold(name, code) && isErrorEntry(entry) {
			return entry
		}
	}
	return nil
}

// isErrorEntry reports whether the registry entry builds an error.
func isErrorEntry(entry *smithy.TypeRegistryEntry) bool {
	_, ok := entry.New().(smithy.DeserializableError)
	return ok
}

// readErrorInfo extracts the code and message of an error response. The
// code comes from the X-Amzn-ErrorType header, else the body's "code",
// else its "__type" (key names matched ignoring case, non-string values
// skipped), and is sanitized: anything from the first ":" on and up to
// the first "#" is dropped. The message is the body's "message".
func readErrorInfo(header http.Header, body []byte) errorInfo {
	var info errorInfo
	fields := jsonObject(body)
	if fields != nil {
		info.object = body
		info.message = stringField(fields, "message")
	}

	code := header.Get("X-Amzn-ErrorType")
	if code == "" {
		code = stringField(fields, "code")
	}
	if code == "" {
		code = stringField(fields, "__type")
	}
	if code != "" {
		info.code = restjson.SanitizeErrorCode(code)
	}
	return info
}

// jsonObject decodes body as a JSON object, or returns nil when it is not
// one (empty, HTML, an array, malformed).
func jsonObject(body []byte) map[string]json.RawMessage {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return nil
	}
	return fields
}

// stringField returns the string value of the field named name, matched
// exactly first, then ignoring case (the first such key in sorted order
// wins, to stay deterministic). It returns "" when the field is
// missing or not a string.
func stringField(fields map[string]json.RawMessage, name string) string {
	raw, ok := fields[name]
	if !ok {
		for _, key := range slices.Sorted(maps.Keys(fields)) {
			if strings.EqualFold(key, name) {
				raw, ok = fields[key], true
				break
			}
		}
	}
	if !ok {
		return ""
	}

	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return ""
	}
	return s
}
