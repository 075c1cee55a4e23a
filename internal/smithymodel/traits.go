package smithymodel

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Trait ids used across the project, written without the "smithy.api#"
// namespace where they are prelude traits.
const (
	TraitRequired         = "smithy.api#required"
	TraitDefault          = "smithy.api#default"
	TraitDocumentation    = "smithy.api#documentation"
	TraitSensitive        = "smithy.api#sensitive"
	TraitLength           = "smithy.api#length"
	TraitPattern          = "smithy.api#pattern"
	TraitRange            = "smithy.api#range"
	TraitEnumValue        = "smithy.api#enumValue"
	TraitTimestampFormat  = "smithy.api#timestampFormat"
	TraitHTTP             = "smithy.api#http"
	TraitHTTPLabel        = "smithy.api#httpLabel"
	TraitHTTPQuery        = "smithy.api#httpQuery"
	TraitHTTPHeader       = "smithy.api#httpHeader"
	TraitHTTPPayload      = "smithy.api#httpPayload"
	TraitHTTPError        = "smithy.api#httpError"
	TraitError            = "smithy.api#error"
	TraitRetryable        = "smithy.api#retryable"
	TraitEndpoint         = "smithy.api#endpoint"
	TraitIdempotencyToken = "smithy.api#idempotencyToken"
	TraitIdempotent       = "smithy.api#idempotent"
	TraitReadonly         = "smithy.api#readonly"
	TraitPaginated        = "smithy.api#paginated"
	TraitDeprecated       = "smithy.api#deprecated"
	TraitJSONName         = "smithy.api#jsonName"
	TraitTitle            = "smithy.api#title"
	TraitAWSService       = "aws.api#service"
	TraitSigV4            = "aws.auth#sigv4"
	TraitRestJSON1        = "aws.protocols#restJson1"
)

// Has reports whether the trait is present.
func (t Traits) Has(id string) bool {
	_, ok := t[id]
	return ok
}

// Decode unmarshals the trait's value into v. It reports false, with a nil
// error, when the trait is absent.
func (t Traits) Decode(id string, v any) (bool, error) {
	raw, ok := t[id]
	if !ok {
		return false, nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return true, fmt.Errorf("smithymodel: trait %s: %w", id, err)
	}
	return true, nil
}

// String returns a string-valued trait such as documentation or pattern.
func (t Traits) String(id string) (string, bool) {
	var s string
	ok, err := t.Decode(id, &s)
	return s, ok && err == nil
}

// HTTP is the value of the smithy.api#http trait.
type HTTP struct {
	Method string `json:"method"`
	URI    string `json:"uri"`
	Code   int    `json:"code"`
}

// Paginated is the value of the smithy.api#paginated trait.
type Paginated struct {
	InputToken  string `json:"inputToken"`
	OutputToken string `json:"outputToken"`
	PageSize    string `json:"pageSize"`
	Items       string `json:"items"`
}

// Length is the value of the smithy.api#length trait; nil bounds are open.
type Length struct {
	Min *int64 `json:"min"`
	Max *int64 `json:"max"`
}

// Range is the value of the smithy.api#range trait; nil bounds are open.
type Range struct {
	Min *json.Number `json:"min"`
	Max *json.Number `json:"max"`
}

// Endpoint is the value of the smithy.api#endpoint trait.
type Endpoint struct {
	HostPrefix string `json:"hostPrefix"`
}

// EffectiveTraits returns the member's traits layered over its target's:
// a trait on the member replaces the target's trait of the same id.
func (m *Model) EffectiveTraits(mem *Member) Traits {
	out := Traits{}
	if target := m.Shape(mem.Target); target != nil {
		for id, v := range target.Traits {
			out[id] = v
		}
	}
	for id, v := range mem.Traits {
		out[id] = v
	}
	return out
}

// HTTPTrait returns an operation's smithy.api#http trait.
func (s *Shape) HTTPTrait() (HTTP, error) {
	var h HTTP
	ok, err := s.Traits.Decode(TraitHTTP, &h)
	if err != nil {
		return h, err
	}
	if !ok {
		return h, fmt.Errorf("smithymodel: %s has no http trait", s.ID)
	}
	if h.Code == 0 {
		h.Code = 200
	}
	return h, nil
}

// HostPrefix returns an operation's endpoint host prefix, or "".
func (s *Shape) HostPrefix() string {
	var e Endpoint
	if ok, err := s.Traits.Decode(TraitEndpoint, &e); !ok || err != nil {
		return ""
	}
	return e.HostPrefix
}

// Pagination returns an operation's paginated trait, if it has one.
func (s *Shape) Pagination() (Paginated, bool) {
	var p Paginated
	ok, err := s.Traits.Decode(TraitPaginated, &p)
	return p, ok && err == nil
}

// IsRequired reports whether the member carries smithy.api#required.
func (m *Member) IsRequired() bool {
	return m.Traits.Has(TraitRequired)
}

// EnumValue returns the wire value of an enum member: its enumValue trait,
// or the member name when the trait is absent.
func (m *Member) EnumValue() string {
	if v, ok := m.Traits.String(TraitEnumValue); ok {
		return v
	}
	return m.Name
}

// Doc returns the documentation string of a shape, trimmed.
func (t Traits) Doc() string {
	s, _ := t.String(TraitDocumentation)
	return strings.TrimSpace(s)
}
