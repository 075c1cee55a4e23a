package emulator

// This file rejects requests a real restJson1 service would not accept,
// before their input is bound: a body sent with a media type other than
// application/json, a JSON object that repeats a key, and a query
// parameter given more than once. Clients built from the model never send
// these, so the emulator being strict here only catches hand-made
// requests that the real service would refuse too.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"github.com/devopsagent-go/devopsagent/internal/emulator/validate"
)

// checkContentType answers UnsupportedMediaTypeException (HTTP 415) when
// a body sent to an operation that reads one is not labelled
// application/json. Parameters such as "; charset=utf-8" are allowed.
//
// A 415 with that error type, rather than a SerializationException, is
// what the Smithy protocol tests for restJson1 servers require
// (RestJsonWithBodyExpectsApplicationJsonContentType and its no-header
// variant), so a client meets here what a real service answers. An empty
// body needs no Content-Type: there is nothing to interpret.
func checkContentType(r *route, header http.Header, body []byte) *apiError {
	if !r.allowsBody() || len(body) == 0 {
		return nil
	}

	value := header.Get("Content-Type")
	if value == "" {
		return newError(codeUnsupportedMediaType,
			"a request body needs Content-Type %s; none was given", contentTypeJSON)
	}
	mediaType, _, err := mime.ParseMediaType(value)
	if err != nil || mediaType != contentTypeJSON {
		return newError(codeUnsupportedMediaType,
			"Content-Type must be %s, not %q", contentTypeJSON, value)
	}
	return nil
}

// checkRepeatedQuery answers a ValidationException naming every query
// parameter of the operation that appears more than once. All of the
// operation's query members are scalars, which take exactly one value.
func checkRepeatedQuery(r *route, query url.Values) *apiError {
	var vs []validate.Violation
	for name, key := range r.queries {
		if n := len(query[key]); n > 1 {
			vs = append(vs, validate.Violation{Path: "/" + name, Message: fmt.Sprintf(
				"Member must be given once, but query parameter %s appears %d times", key, n)})
		}
	}
	if len(vs) == 0 {
		return nil
	}

	sort.Slice(vs, func(i, j int) bool { return vs[i].Path < vs[j].Path })
	return errInvalid(vs...)
}

// findDuplicateKey returns the path (for example "/reference/system") of
// the first object key that body, a valid JSON value, repeats within one
// object, or "" when there is none. encoding/json keeps the last of
// repeated keys without a word; restJson1 services reject such a body.
//
// The walk keeps its own stack instead of recursing, so even the deepest
// nesting the JSON decoder accepts costs no goroutine stack. Numbers stay
// json.Number, so a value beyond float64's range is still valid JSON here.
func findDuplicateKey(body []byte) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var stack []*jsonLevel

	for {
		tok, err := dec.Token()
		if err != nil {
			return "", fmt.Errorf("emulator: re-read request body: %w", err)
		}

		top := len(stack) - 1
		if top >= 0 && stack[top].object && stack[top].wantKey {
			if key, ok := tok.(string); ok {
				if !stack[top].addKey(key) {
					return stack[top].childPath(), nil
				}
				continue
			}
		}

		switch tok {
		case json.Delim('{'), json.Delim('['):
			parent := ""
			if top >= 0 {
				parent = stack[top].childPath()
			}
			stack = append(stack, newJSONLevel(tok == json.Delim('{'), parent))
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:top]
		}
		if len(stack) == 0 {
			return "", nil
		}
		stack[len(stack)-1].valueDone()
	}
}

// jsonLevel is one open object or array of findDuplicateKey's walk.
type jsonLevel struct {
	object  bool
	path    string
	keys    map[string]bool
	wantKey bool   // an object's next token is a key or its end
	key     string // the key whose value is being read
	index   int    // an array's number of finished elements
}

// newJSONLevel opens an object or an array found at path.
func newJSONLevel(object bool, path string) *jsonLevel {
	return &jsonLevel{object: object, path: path, keys: map[string]bool{}, wantKey: object}
}

// addKey records an object key, reporting false when it was seen before.
func (l *jsonLevel) addKey(key string) bool {
	l.key, l.wantKey = key, false
	if l.keys[key] {
		return false
	}
	l.keys[key] = true
	return true
}

// childPath is the path of the member or element being read.
func (l *jsonLevel) childPath() string {
	if l.object {
		return l.path + "/" + l.key
	}
	return l.path + "/" + strconv.Itoa(l.index)
}

// valueDone moves past a finished member value or element.
func (l *jsonLevel) valueDone() {
	if l.object {
		l.wantKey = true
		return
	}
	l.index++
}
