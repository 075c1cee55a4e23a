package emulator

// This file assembles an operation's input from the HTTP request: labels
// from the path, query parameters, and the members of the JSON body. The
// result is one JSON-shaped document that the validator walks and the
// handlers decode into their own structs.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// call is one validated API request, as an operation handler sees it.
type call struct {
	route *route

	// doc is the whole input: label, query and body members by name.
	doc map[string]any

	// baseURL is the emulator's address as the caller reached it, without
	// any "cp."/"dp." host prefix; links the emulator hands out use it.
	baseURL string
}

// decode fills v, a struct with JSON tags, from the input document.
func (c *call) decode(v any) error {
	data, err := json.Marshal(c.doc)
	if err != nil {
		return fmt.Errorf("emulator: re-encode %s input: %w", c.route.name, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("emulator: decode %s input: %w", c.route.name, err)
	}
	return nil
}

// pageSize returns the page size the caller asked for, or the model's
// default for the operation's page size member.
func (c *call) pageSize() int {
	name := c.route.pageSizeMember
	if n, ok := c.doc[name].(json.Number); ok {
		if i, err := n.Int64(); err == nil {
			return int(i)
		}
	}

	def := fallbackPageSize
	if mem := c.route.input.Member(name); mem != nil {
		_, _ = mem.Traits.Decode(smithymodel.TraitDefault, &def)
	}
	return def
}

// fallbackPageSize is used if the model gives a page size no default.
const fallbackPageSize = 100

// stringOrDefault returns a string member of the input, or the model's
// default for it when the caller left it unset.
func (c *call) stringOrDefault(name string) string {
	if s, ok := c.doc[name].(string); ok {
		return s
	}

	var def string
	if mem := c.route.input.Member(name); mem != nil {
		_, _ = mem.Traits.Decode(smithymodel.TraitDefault, &def)
	}
	return def
}

// inputDocument builds the input document of r from the request parts.
// Body keys that are not body members are dropped (see package validate on
// unknown members); a body that is not a JSON object, or repeats a key, is
// a SerializationException, as restJson1 services answer. A repeated
// query parameter is a ValidationException.
func inputDocument(r *route, labels map[string]string, query url.Values,
	body []byte) (map[string]any, *apiError) {
	if err := checkRepeatedQuery(r, query); err != nil {
		return nil, err
	}

	doc := map[string]any{}
	if r.allowsBody() {
		obj, err := decodeBody(body)
		if err != nil {
			return nil, err
		}
		for k, v := range obj {
			if r.bodyMembers[k] {
				doc[k] = v
			}
		}
	}

	for name := range r.labels {
		doc[name] = scalarFromText(r.scalarTypes[name], labels[name])
	}
	for name, key := range r.queries {
		if values := query[key]; len(values) == 1 {
			doc[name] = scalarFromText(r.scalarTypes[name], values[0])
		}
	}
	return doc, nil
}

// decodeBody decodes a request body, keeping numbers as json.Number. An
// empty body is an empty object.
func decodeBody(body []byte) (map[string]any, *apiError) {
	if len(bytes.TrimSpace(body)) == 0 {
		return map[string]any{}, nil
	}

	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, newError(codeSerialization, "request body is not valid JSON")
	}
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		return nil, newError(codeSerialization, "request body has data after the JSON value")
	}

	obj, ok := v.(map[string]any)
	if !ok {
		return nil, newError(codeSerialization, "request body must be a JSON object")
	}

	dup, err := findDuplicateKey(body)
	if err != nil {
		return nil, newError(codeSerialization, "request body is not valid JSON")
	}
	if dup != "" {
		return nil, newError(codeSerialization, "request body repeats the key %s", dup)
	}
	return obj, nil
}

// scalarFromText converts label or query text to the JSON value the
// validator expects for the member's type. Text that does not parse is
// kept as a string, so the validator reports the type mismatch with the
// member's path.
func scalarFromText(typ, text string) any {
	switch typ {
	case "byte", "short", "integer", "long":
		if _, err := strconv.ParseInt(text, 10, 64); err == nil {
			return json.Number(text)
		}
	case "boolean":
		if b, err := strconv.ParseBool(text); err == nil {
			return b
		}
	}
	return text
}
