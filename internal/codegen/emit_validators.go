package codegen

import (
	"fmt"
	"sort"
)

// This file emits validators.go: client-side checks that run before a
// request is built. They report missing required members at any depth
// (naming the full path, as the official client does) and, as the
// official client's serializer would, empty path labels, union values
// that cannot be sent (unknown or nil members) and documents that cannot
// be encoded or are too deep to come back in a response.

type validatorsView struct {
	Package   string
	Module    string
	Ops       []opValidator
	Shapes    []shapeValidator
	HasUnions bool

	// DocumentEnvelope is the most objects and arrays around a document
	// in any response body; 0 when inputs hold no document.
	DocumentEnvelope int
}

type opValidator struct {
	Name   string
	Input  string   // Go type of the input
	Func   string   // validator of the input structure
	Labels []string // statements that reject empty labels
}

type shapeValidator struct {
	Func    string
	Type    string // Go type of the parameter
	Context string
	Kind    string // "struct", "union", "list" or "map"
	Checks  []string
	Members []unionCheck // unions
	Elem    string       // lists and maps: the check of one element
}

type unionCheck struct {
	Type  string
	Name  string // member name, for messages
	Check string // check of a *value for serde.CheckUnionMember, or "nil"
}

// emitValidators renders validators.go.
func (a *api) emitValidators() (file, error) {
	needs := a.validationNeeds()
	v := validatorsView{Package: a.pkgName, Module: a.module}
	if a.inputsHoldDocuments() {
		v.DocumentEnvelope = a.documentEnvelope()
	}
	for _, op := range a.operations {
		if a.needsOpValidator(op) {
			v.Ops = append(v.Ops, opValidator{
				Name:   op.name,
				Input:  op.input.goName,
				Func:   validatorName(op.input),
				Labels: labelChecks(op.input),
			})
		}
	}

	for _, s := range a.inputShapes() {
		if needs[s] {
			v.Shapes = append(v.Shapes, a.shapeValidator(s, needs))
			v.HasUnions = v.HasUnions || s.kind == kindUnion
		}
	}
	return render("validators.go", "validators", v)
}

// inputsHoldDocuments reports whether any operation input can hold a
// document.
func (a *api) inputsHoldDocuments() bool {
	for _, s := range a.inputShapes() {
		for _, m := range s.members {
			if m.target.kind == kindDocument {
				return true
			}
		}
	}
	return false
}

// documentEnvelope returns the most objects and arrays that enclose a
// document in any operation's response body, the top-level object
// included. The validators take it from the decoder's depth limit, so
// that a document the service echoes back can still be read.
func (a *api) documentEnvelope() int {
	deepest := 0
	onPath := map[*shape]bool{}
	var walk func(s *shape, depth int)
	walk = func(s *shape, depth int) {
		switch {
		case s.kind == kindDocument:
			deepest = max(deepest, depth)
		case onPath[s] || (s.kind != kindStructure && !s.kind.isAggregate()):
			return
		default:
			onPath[s] = true
			for _, m := range s.members {
				if m.location == inBody {
					walk(m.target, depth+1)
				}
			}
			delete(onPath, s)
		}
	}
	for _, op := range a.operations {
		walk(op.output, 0)
	}
	return deepest
}

// needsOpValidator reports whether op's input has anything to check.
func (a *api) needsOpValidator(op *operation) bool {
	return a.validationNeeds()[op.input] || len(labelChecks(op.input)) > 0
}

// labelChecks returns, for each string label of input, a statement that
// rejects an empty value (it would change the request path).
func labelChecks(input *shape) []string {
	var out []string
	for _, m := range input.members {
		if m.location == inLabel && m.target.kind == kindString && m.pointer {
			out = append(out, fmt.Sprintf("if v.%s != nil && len(*v.%s) == 0 {\nreturn serde.EmptyLabelError(%q)\n}",
				m.field, m.field, m.name))
		}
	}
	return out
}

// inputShapes returns the structures, unions, lists and maps reachable from
// operation inputs, sorted by name.
func (a *api) inputShapes() []*shape {
	seen := map[*shape]bool{}
	var visit func(s *shape)
	visit = func(s *shape) {
		if seen[s] || (s.kind != kindStructure && !s.kind.isAggregate()) {
			return
		}
		seen[s] = true
		for _, m := range s.members {
			visit(m.target)
		}
	}
	for _, op := range a.operations {
		visit(op.input)
	}

	var out []*shape
	for s := range seen {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// validationNeeds reports, for every shape, whether a value of it can be
// invalid: a structure with a required member that can be nil, any union,
// a document, or anything holding one of those. It iterates to a fixed
// point, so recursive shapes are handled.
func (a *api) validationNeeds() map[*shape]bool {
	needs := map[*shape]bool{}
	for changed := true; changed; {
		changed = false
		for _, s := range a.byID {
			if !needs[s] && shapeNeeds(s, needs) {
				needs[s] = true
				changed = true
			}
		}
	}
	return needs
}

func shapeNeeds(s *shape, needs map[*shape]bool) bool {
	switch s.kind {
	case kindUnion, kindDocument:
		return true
	case kindStructure:
		for _, m := range s.members {
			if (m.required && canBeMissing(m)) || needs[m.target] {
				return true
			}
		}
	case kindList, kindMap:
		return needs[s.elem().target]
	}
	return false
}

// canBeMissing reports whether an unset value of m can be told apart from
// a set one (plain numbers and booleans cannot).
func canBeMissing(m *member) bool {
	return m.pointer || !m.target.kind.isNumberOrBool()
}

// missing returns the condition under which required member m is unset.
func missing(m *member) string {
	if m.target.kind == kindEnum {
		return fmt.Sprintf("len(v.%s) == 0", m.field)
	}
	return fmt.Sprintf("v.%s == nil", m.field)
}

func (a *api) shapeValidator(s *shape, needs map[*shape]bool) shapeValidator {
	v := shapeValidator{
		Func:    validatorName(s),
		Type:    goType(s, pkgRoot),
		Context: s.goName,
	}
	switch s.kind {
	case kindStructure:
		v.Kind, v.Type = "struct", "*"+v.Type
		for _, m := range s.members {
			v.Checks = append(v.Checks, memberChecks(m, needs)...)
		}
	case kindUnion:
		v.Kind = "union"
		for _, m := range s.members {
			v.Members = append(v.Members, unionCheck{
				Type:  qualified(unionMemberType(s.name, m.name), pkgRoot),
				Name:  m.name,
				Check: unionValueCheck(m.target, needs),
			})
		}
	case kindList:
		v.Kind, v.Context = "list", s.name
		v.Elem = nestedCheck(s.elem().target, "v[i]", false, `fmt.Sprintf("[%d]", i)`, needs)
	case kindMap:
		v.Kind, v.Context = "map", s.name
		v.Elem = nestedCheck(s.elem().target, "item", false, `fmt.Sprintf("[%q]", key)`, needs)
	}
	return v
}

// memberChecks returns the checks of one structure member.
func memberChecks(m *member, needs map[*shape]bool) []string {
	var out []string
	if m.required && canBeMissing(m) {
		out = append(out, fmt.Sprintf("if %s {\ninvalidParams.Add(smithy.NewErrParamRequired(%q))\n}",
			missing(m), m.field))
	}
	isPtr := m.target.kind == kindStructure // structure fields are pointers
	if c := nestedCheck(m.target, "v."+m.field, isPtr, fmt.Sprintf("%q", m.field), needs); c != "" {
		out = append(out, c)
	}
	return out
}

// unionValueCheck returns the function that checks a pointer to a union
// member's value, of target, for serde.CheckUnionMember: a structure's
// validator itself, else a literal adapting the check (one that adds no
// level to the path); "nil" when target needs no check.
func unionValueCheck(target *shape, needs map[*shape]bool) string {
	switch {
	case target.kind != kindDocument && !needs[target]:
		return "nil"
	case target.kind == kindStructure:
		return validatorName(target)
	case target.kind == kindDocument:
		const adapter = "func(v *%s) (invalidParams smithy.InvalidParamsError) {\n" +
			"%s\nreturn invalidParams\n}"
		return fmt.Sprintf(adapter, goType(target, pkgRoot),
			nestedCheck(target, "*v", false, `""`, needs))
	}
	return fmt.Sprintf("func(v *%s) smithy.InvalidParamsError { return %s(*v) }",
		goType(target, pkgRoot), validatorName(target))
}

// nestedCheck returns the statement that validates val, a value of target
// (or a pointer to it when isPtr), and files its errors under the path
// element that the Go expression path evaluates to; "" when target needs
// no check.
func nestedCheck(target *shape, val string, isPtr bool, path string, needs map[*shape]bool) string {
	switch {
	case target.kind == kindDocument:
		return fmt.Sprintf("if err := serde.CheckDocument(%s, maxDocumentDepth); err != nil {\n"+
			"invalidParams.Add(serde.NewUnsendableError(%s, err.Error()))\n}", val, path)
	case !needs[target]:
		return ""
	case target.kind == kindStructure && !isPtr:
		val = "&" + val
	}
	return fmt.Sprintf("invalidParams.AddNested(%s, %s(%s))", path, validatorName(target), val)
}
