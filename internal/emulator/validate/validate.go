// Package validate checks a decoded JSON value against a shape of the
// Smithy model, the way a restJson1 service checks a request before it acts
// on it: required members, JSON types, @length, @pattern, @range, enum
// values and union arity. Everything it knows comes from the model's
// traits; there is no per-field code. Pattern compilation lives in
// patterns.go, message wording in messages.go.
//
// Values are what encoding/json produces with UseNumber: map[string]any,
// []any, string, json.Number, bool and nil. A nil value is an unset member.
//
// Unknown members of a structure are ignored, as AWS services do so that a
// client built from a newer model can still talk to them. Unknown members
// of a union are reported: the service could not tell which variant was
// meant, so it cannot act on the value.
package validate

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// Violation is one failed rule: the JSON pointer of the offending value
// (for example "/filter/priority/0") and what rule it broke. Messages never
// quote the value, so sensitive input cannot leak through them.
type Violation struct {
	Path    string
	Message string
}

// Validator checks values against the shapes of one model. It is safe for
// concurrent use once built.
type Validator struct {
	model    *smithymodel.Model
	patterns map[string]*regexp.Regexp
}

// New builds a Validator for m, compiling every @pattern trait up front so
// that a pattern Go cannot compile is reported at start-up, not per request.
func New(m *smithymodel.Model) (*Validator, error) {
	patterns, err := compileModelPatterns(m)
	if err != nil {
		return nil, err
	}
	return &Validator{model: m, patterns: patterns}, nil
}

// Validate checks value against the shape with the given absolute id and
// returns every violation found, in a stable order (structure members in
// model order, map keys sorted).
func (v *Validator) Validate(shapeID string, value any) []Violation {
	shape := v.model.Shape(shapeID)
	if shape == nil {
		return []Violation{{Path: "/", Message: "unknown shape " + shapeID}}
	}

	w := &walker{v: v}
	w.check("", shape, shape.Traits, value)
	return w.out
}

// walker accumulates violations during one Validate call.
type walker struct {
	v   *Validator
	out []Violation
}

// fail records a violation at path ("" is the root).
func (w *walker) fail(path, format string, args ...any) {
	if path == "" {
		path = "/"
	}
	w.out = append(w.out, Violation{Path: path, Message: fmt.Sprintf(format, args...)})
}

// check validates one present value. traits are the effective traits at
// this position: the member's traits layered over its target's.
func (w *walker) check(path string, shape *smithymodel.Shape, traits smithymodel.Traits,
	val any) {
	if val == nil {
		return
	}

	switch shape.Type {
	case "structure":
		w.structure(path, shape, val)
	case "union":
		w.union(path, shape, val)
	case "list", "set":
		w.list(path, shape, traits, val)
	case "map":
		w.mapValue(path, shape, traits, val)
	case "string":
		w.str(path, traits, val)
	case "enum":
		w.enum(path, shape, val)
	case "intEnum":
		w.intEnum(path, shape, val)
	case "byte", "short", "integer", "long", "bigInteger":
		w.integer(path, shape.Type, traits, val)
	case "float", "double", "bigDecimal":
		w.float(path, traits, val)
	case "boolean":
		if _, ok := val.(bool); !ok {
			w.fail(path, msgType, "a boolean")
		}
	case "blob":
		w.blob(path, traits, val)
	case "timestamp":
		w.timestamp(path, traits, val)
	case "document":
		// Any JSON value is a valid document.
	default:
		w.fail(path, "shape type %s is not supported", shape.Type)
	}
}

// structure checks that val is an object, that required members are
// set and that every member's value is valid.
func (w *walker) structure(path string, shape *smithymodel.Shape, val any) {
	obj, ok := val.(map[string]any)
	if !ok {
		w.fail(path, msgType, "an object")
		return
	}

	for _, mem := range shape.Members {
		memVal := obj[mem.Name]
		if memVal == nil {
			// A required member with a default is filled in by the service.
			if mem.IsRequired() && !mem.Traits.Has(smithymodel.TraitDefault) {
				w.fail(path+"/"+mem.Name, msgRequired)
			}
			continue
		}
		w.member(path+"/"+mem.Name, mem, memVal)
	}
}

// member checks a member's value against its target and its traits.
func (w *walker) member(path string, mem *smithymodel.Member, val any) {
	target := w.v.model.Shape(mem.Target)
	w.check(path, target, w.v.model.EffectiveTraits(mem), val)
}

// union checks that val sets exactly one known member, and its value.
func (w *walker) union(path string, shape *smithymodel.Shape, val any) {
	obj, ok := val.(map[string]any)
	if !ok {
		w.fail(path, msgType, "an object")
		return
	}

	var set []*smithymodel.Member
	unknown := false
	for _, key := range sortedKeys(obj) {
		if obj[key] == nil {
			continue
		}
		mem := shape.Member(key)
		if mem == nil {
			w.fail(path+"/"+escapePointer(key), msgUnknownUnionMember, shape.Name())
			unknown = true
			continue
		}
		set = append(set, mem)
	}

	switch {
	case len(set) == 1 && !unknown:
		w.member(path+"/"+set[0].Name, set[0], obj[set[0].Name])
	case len(set) > 1 || (len(set) == 0 && !unknown):
		w.fail(path, msgUnionArity)
	}
}

// list checks a list's length and its elements, which must not be null.
func (w *walker) list(path string, shape *smithymodel.Shape, traits smithymodel.Traits, val any) {
	items, ok := val.([]any)
	if !ok {
		w.fail(path, msgType, "an array")
		return
	}
	w.length(path, traits, len(items))

	elem := shape.Members[0]
	for i, item := range items {
		itemPath := path + "/" + strconv.Itoa(i)
		if item == nil {
			w.fail(itemPath, msgRequired)
			continue
		}
		w.member(itemPath, elem, item)
	}
}

// mapValue checks a map's size, its keys and its values, which must not
// be null.
func (w *walker) mapValue(path string, shape *smithymodel.Shape, traits smithymodel.Traits,
	val any) {
	obj, ok := val.(map[string]any)
	if !ok {
		w.fail(path, msgType, "an object")
		return
	}
	w.length(path, traits, len(obj))

	key, value := shape.Member("key"), shape.Member("value")
	for _, k := range sortedKeys(obj) {
		entryPath := path + "/" + escapePointer(k)
		w.member(entryPath, key, k)
		if obj[k] == nil {
			w.fail(entryPath, msgRequired)
			continue
		}
		w.member(entryPath, value, obj[k])
	}
}

// str checks a string's length in characters and its pattern.
func (w *walker) str(path string, traits smithymodel.Traits, val any) {
	s, ok := val.(string)
	if !ok {
		w.fail(path, msgType, "a string")
		return
	}
	w.length(path, traits, utf8.RuneCountInString(s))
	w.pattern(path, traits, s)
}

// pattern checks s against the @pattern trait, if there is one.
func (w *walker) pattern(path string, traits smithymodel.Traits, s string) {
	text, ok := traits.String(smithymodel.TraitPattern)
	if !ok {
		return
	}
	if !w.v.patterns[text].MatchString(s) {
		w.fail(path, msgPattern, text)
	}
}

// enum checks that val is one of the enum's values.
func (w *walker) enum(path string, shape *smithymodel.Shape, val any) {
	s, ok := val.(string)
	if !ok {
		w.fail(path, msgType, "a string")
		return
	}

	values := EnumValues(shape)
	for _, allowed := range values {
		if s == allowed {
			return
		}
	}
	w.fail(path, msgEnum, strings.Join(values, ", "))
}

// intEnum checks that val is one of the intEnum's values.
func (w *walker) intEnum(path string, shape *smithymodel.Shape, val any) {
	n, ok := val.(json.Number)
	if !ok {
		w.fail(path, msgType, "an integer")
		return
	}

	var values []string
	for _, mem := range shape.Members {
		raw := string(mem.Traits[smithymodel.TraitEnumValue])
		if raw == n.String() {
			return
		}
		values = append(values, raw)
	}
	w.fail(path, msgEnum, strings.Join(values, ", "))
}

// integerBits gives the width of each Smithy integer type; bigInteger is
// checked as a 64-bit value, which is enough for this service.
var integerBits = map[string]int{
	"byte": 8, "short": 16, "integer": 32, "long": 64, "bigInteger": 64,
}

// integer checks that val is an integer that fits the type, and its
// @range.
func (w *walker) integer(path, typ string, traits smithymodel.Traits, val any) {
	n, ok := val.(json.Number)
	if !ok {
		w.fail(path, msgType, "an integer")
		return
	}

	i, err := strconv.ParseInt(n.String(), 10, integerBits[typ])
	if err != nil {
		w.fail(path, msgIntegerWidth, integerBits[typ])
		return
	}
	w.rangeCheck(path, traits, float64(i))
}

// float checks that val is a number, and its @range.
func (w *walker) float(path string, traits smithymodel.Traits, val any) {
	n, ok := val.(json.Number)
	if !ok {
		w.fail(path, msgType, "a number")
		return
	}

	f, err := n.Float64()
	if err != nil {
		w.fail(path, msgType, "a number")
		return
	}
	w.rangeCheck(path, traits, f)
}

// blob checks that val is base64 and the decoded length.
func (w *walker) blob(path string, traits smithymodel.Traits, val any) {
	s, ok := val.(string)
	if !ok {
		w.fail(path, msgType, "a base64 encoded string")
		return
	}

	data, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		w.fail(path, msgType, "a base64 encoded string")
		return
	}
	w.length(path, traits, len(data))
}

// timestamp checks that val has the form of the member's timestamp
// format.
func (w *walker) timestamp(path string, traits smithymodel.Traits, val any) {
	format, _ := traits.String(smithymodel.TraitTimestampFormat)
	switch format {
	case "date-time":
		s, ok := val.(string)
		if _, err := time.Parse(time.RFC3339Nano, s); !ok || err != nil {
			w.fail(path, msgType, "a date-time string (RFC 3339)")
		}
	case "http-date":
		s, ok := val.(string)
		if _, err := time.Parse(http.TimeFormat, s); !ok || err != nil {
			w.fail(path, msgType, "an HTTP date string")
		}
	default:
		// restJson1 bodies carry timestamps without a format as
		// epoch seconds.
		n, ok := val.(json.Number)
		if _, err := n.Float64(); !ok || err != nil {
			w.fail(path, msgType, "a number of epoch seconds")
		}
	}
}

// length checks a size (characters, bytes, elements or entries) against
// the @length trait, if there is one.
func (w *walker) length(path string, traits smithymodel.Traits, n int) {
	var l smithymodel.Length
	if ok, err := traits.Decode(smithymodel.TraitLength, &l); !ok || err != nil {
		return
	}

	tooShort := l.Min != nil && int64(n) < *l.Min
	tooLong := l.Max != nil && int64(n) > *l.Max
	if tooShort || tooLong {
		w.fail(path, "%s", lengthMessage(l))
	}
}

// rangeCheck checks a number against the @range trait, if there is one.
func (w *walker) rangeCheck(path string, traits smithymodel.Traits, f float64) {
	var r smithymodel.Range
	if ok, err := traits.Decode(smithymodel.TraitRange, &r); !ok || err != nil {
		return
	}

	low, high := bound(r.Min), bound(r.Max)
	if (low != nil && f < *low) || (high != nil && f > *high) {
		w.fail(path, "%s", rangeMessage(r))
	}
}

// bound converts a @range bound to a float64; nil means no bound.
func bound(n *json.Number) *float64 {
	if n == nil {
		return nil
	}
	f, err := n.Float64()
	if err != nil {
		return nil
	}
	return &f
}

// EnumValues returns the wire values of an enum shape in model order.
func EnumValues(shape *smithymodel.Shape) []string {
	values := make([]string, 0, len(shape.Members))
	for _, mem := range shape.Members {
		values = append(values, mem.EnumValue())
	}
	return values
}

// sortedKeys returns the keys of obj in order, so violations come in a
// stable order.
func sortedKeys(obj map[string]any) []string {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// escapePointer escapes a map key or member name for use as a JSON
// pointer segment (RFC 6901).
func escapePointer(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// DropUnknown deletes, in place, every member of a structure in value that
// the shape does not define, at any depth. Run it after Validate, so code
// that decodes the value (encoding/json matches names without regard to
// case) only ever sees the members the validator checked.
func (v *Validator) DropUnknown(shapeID string, value any) {
	if shape := v.model.Shape(shapeID); shape != nil {
		v.dropUnknown(shape, value)
	}
}

// dropUnknown is DropUnknown for a resolved shape.
func (v *Validator) dropUnknown(shape *smithymodel.Shape, value any) {
	switch shape.Type {
	case "structure", "union":
		obj, _ := value.(map[string]any)
		for key, memVal := range obj {
			mem := shape.Member(key)
			if mem == nil {
				delete(obj, key)
				continue
			}
			v.dropUnknown(v.model.Shape(mem.Target), memVal)
		}
	case "list", "set":
		items, _ := value.([]any)
		for _, item := range items {
			v.dropUnknown(v.model.Shape(shape.Members[0].Target), item)
		}
	case "map":
		obj, _ := value.(map[string]any)
		for _, item := range obj {
			v.dropUnknown(v.model.Shape(shape.Member("value").Target), item)
		}
	}
}
