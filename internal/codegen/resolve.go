package codegen

import (
	"fmt"
	"sort"
	"strings"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// This file builds the api view from a loaded model: it collects every
// shape the service reaches and works out how each member is represented
// and where it travels. resolve_operations.go resolves the operations and
// resolve_names.go names everything in Go.

// resolve builds the api of the model's single service. module is the
// import path of the module that will hold the generated code. skip, when
// not nil, receives each operation left out because it uses an unsupported
// feature; when nil, such an operation is an error.
func resolve(m *smithymodel.Model, module string, skip func(op string, why error)) (*api, error) {
	svc, err := m.Service()
	if err != nil {
		return nil, err
	}
	ops, err := supportedOperations(m, skip)
	if err != nil {
		return nil, err
	}

	a := &api{
		model:     m,
		service:   svc,
		namespace: svc.Namespace(),
		module:    module,
		modelOps:  ops,
		byID:      map[string]*shape{},
	}
	a.pkgName, a.title = serviceNames(svc)

	steps := []func() error{
		a.collectShapes,
		a.resolveMembers,
		a.resolveOperations,
		a.resolveWaiters,
		a.nameShapes,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	a.docs = newDocs(a.allDocs())
	return a, nil
}

// allDocs returns every documentation string of the service's shapes,
// members and operations.
func (a *api) allDocs() []string {
	var out []string
	for _, s := range a.shapes {
		out = append(out, s.model.Traits.Doc())
		for _, m := range s.members {
			out = append(out, m.doc)
		}
	}
	for _, op := range a.operations {
		out = append(out, op.doc)
	}
	return out
}

// serviceNames returns the root package name and the service title.
func serviceNames(svc *smithymodel.Shape) (pkgName, title string) {
	var info struct {
		SdkID string `json:"sdkId"`
	}
	if ok, err := svc.Traits.Decode(smithymodel.TraitAWSService, &info); !ok || err != nil {
		info.SdkID = svc.Name()
	}

	title, ok := svc.Traits.String(smithymodel.TraitTitle)
	if !ok {
		title = info.SdkID
	}
	return packageName(info.SdkID), title
}

// collectShapes walks from the service's operations and errors to every
// shape they reach, creating a shape for each.
func (a *api) collectShapes() error {
	var roots []string
	for _, op := range a.modelOps {
		roots = append(roots, op.Input, op.Output)
		roots = append(roots, op.Errors...)
	}
	roots = append(roots, a.service.Errors...)

	for _, id := range roots {
		if err := a.visit(id); err != nil {
			return err
		}
	}

	for _, s := range a.byID {
		if !s.prelude {
			a.shapes = append(a.shapes, s)
		}
	}
	sort.Slice(a.shapes, func(i, j int) bool { return a.shapes[i].model.ID < a.shapes[j].model.ID })
	return nil
}

// visit adds the shape id and everything its members target.
func (a *api) visit(id string) error {
	if id == "" || a.byID[id] != nil {
		return nil
	}
	ms := a.model.Shape(id)
	if ms == nil {
		return fmt.Errorf("codegen: unknown shape %s", id)
	}

	k, err := kindOf(ms)
	if err != nil {
		return err
	}
	s := &shape{model: ms, kind: k, name: ms.Name(), prelude: ms.Namespace() == smithymodel.Prelude}
	a.byID[id] = s
	for _, mem := range ms.Members {
		if err := a.visit(mem.Target); err != nil {
			return err
		}
	}
	return nil
}

// resolveMembers fills in the members of every collected shape.
func (a *api) resolveMembers() error {
	for _, s := range a.shapes {
		for _, mm := range s.model.Members {
			mem, err := a.newMember(s, mm)
			if err != nil {
				return err
			}
			s.members = append(s.members, mem)
		}
	}
	return nil
}

func (a *api) newMember(parent *shape, mm *smithymodel.Member) (*member, error) {
	target := a.byID[mm.Target]
	if parent.model.Type != "enum" && target.isUnit() {
		return nil, fmt.Errorf("codegen: %s$%s: members targeting smithy.api#Unit are not supported",
			parent.model.ID, mm.Name)
	}
	traits := a.model.EffectiveTraits(mm)

	mem := &member{
		model:            mm,
		parent:           parent,
		target:           target,
		name:             mm.Name,
		wireName:         mm.Name,
		field:            fieldName(mm.Name),
		required:         mm.IsRequired(),
		doc:              traits.Doc(),
		idempotencyToken: mm.Traits.Has(smithymodel.TraitIdempotencyToken),
	}
	if parent.model.Type == "enum" {
		mem.enumValue = mm.EnumValue()
		return mem, nil
	}

	if name, ok := traits.String(smithymodel.TraitJSONName); ok {
		mem.wireName = name
	}
	mem.sensitive = traits.Has(smithymodel.TraitSensitive)
	mem.pointer = isPointer(target, traits)
	mem.location, mem.locationName = locationOf(mm.Traits)
	mem.tsFormat = timestampFormat(traits, mem.location)
	mem.deprecated = deprecation(traits)
	return mem, nil
}

// isPointer applies the official client's rule: structures, strings and
// timestamps are pointers, numbers and booleans too unless the model gives
// them a zero default; enums, blobs, lists, maps, unions and documents are
// already nilable or have a usable zero value.
func isPointer(target *shape, traits smithymodel.Traits) bool {
	switch {
	case target.kind == kindStructure, target.kind == kindString, target.kind == kindTimestamp:
		return true
	case target.kind.isNumberOrBool():
		return !hasZeroDefault(target, traits)
	}
	return false
}

// hasZeroDefault reports a default of false or 0, which makes a number or
// boolean member a plain value.
func hasZeroDefault(target *shape, traits smithymodel.Traits) bool {
	if target.prelude && strings.HasPrefix(target.name, "Primitive") {
		return true
	}

	var v any
	if ok, err := traits.Decode(smithymodel.TraitDefault, &v); !ok || err != nil {
		return false
	}
	switch d := v.(type) {
	case bool:
		return !d
	case float64:
		return d == 0
	}
	return false
}

// locationOf returns where a top-level member is bound in HTTP.
func locationOf(t smithymodel.Traits) (location, string) {
	switch {
	case t.Has(smithymodel.TraitHTTPLabel):
		return inLabel, ""
	case t.Has(smithymodel.TraitHTTPQuery):
		name, _ := t.String(smithymodel.TraitHTTPQuery)
		return inQuery, name
	case t.Has(smithymodel.TraitHTTPHeader):
		name, _ := t.String(smithymodel.TraitHTTPHeader)
		return inHeader, name
	case t.Has(smithymodel.TraitHTTPPayload):
		return inPayload, ""
	case t.Has(traitHTTPPrefixHeaders), t.Has(traitHTTPQueryParams), t.Has(traitHTTPResponseCode):
		return inOther, ""
	}
	return inBody, ""
}

// timestampFormat returns the effective format of a timestamp member: its
// trait, else the restJson1 default for where it travels.
func timestampFormat(t smithymodel.Traits, loc location) string {
	if f, ok := t.String(smithymodel.TraitTimestampFormat); ok {
		return f
	}
	switch loc {
	case inHeader:
		return "http-date"
	case inLabel, inQuery:
		return "date-time"
	}
	return "epoch-seconds"
}

// deprecation returns the deprecated trait's message, or "" when the
// member is not deprecated.
func deprecation(t smithymodel.Traits) string {
	var d struct {
		Message string `json:"message"`
		Since   string `json:"since"`
	}
	if ok, err := t.Decode(smithymodel.TraitDeprecated, &d); !ok || err != nil {
		return ""
	}
	msg := d.Message
	if msg == "" {
		msg = "This member is deprecated."
	}
	if d.Since != "" {
		msg += " (since " + d.Since + ")"
	}
	return msg
}

// Trait ids the loader does not name.
const (
	traitHTTPPrefixHeaders = "smithy.api#httpPrefixHeaders"
	traitHTTPQueryParams   = "smithy.api#httpQueryParams"
	traitHTTPResponseCode  = "smithy.api#httpResponseCode"
	traitMediaType         = "smithy.api#mediaType"
	traitStreaming         = "smithy.api#streaming"
	traitHostLabel         = "smithy.api#hostLabel"
)
