package codegen

import (
	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// This file decides which generated types get String and GoString
// methods, so that fmt never prints a member the model marks sensitive,
// and how each of their fields prints (see internal/redactfmt). A
// structure, input or output gets the methods when it holds a sensitive
// member anywhere below it, through structures, unions, lists and maps; a
// union member type when its value is sensitive (other member values
// print through their own methods). The methods of package types go to
// types/printing.go, those of inputs and outputs to their api_op files.

type printingView struct {
	Module  string
	Types   []printView
	Unknown *printView // UnknownUnionMember, when some union holds secrets
}

// printView is the printing methods of one type.
type printView struct {
	Name     string // receiver type
	TypeName string // the type as %#v names it, such as "types.Task"
	Doc      string // what the methods hide, for String's doc comment
	Fields   []printField
}

// printField is one redactfmt.Struct call: Field, Secret or SecretValues.
type printField struct {
	Method string
	Name   string
}

// secretHolders reports, for every shape, whether a value of it can hold
// a sensitive value. It iterates to a fixed point, so recursive shapes
// are handled.
func (a *api) secretHolders() map[*shape]bool {
	holds := map[*shape]bool{}
	for changed := true; changed; {
		changed = false
		for _, s := range a.byID {
			if !holds[s] && holdsSecret(s, holds) {
				holds[s] = true
				changed = true
			}
		}
	}
	return holds
}

func holdsSecret(s *shape, holds map[*shape]bool) bool {
	switch s.kind {
	case kindStructure, kindUnion, kindList, kindMap:
		if s.model.Traits.Has(smithymodel.TraitSensitive) {
			return true
		}
		for _, m := range s.members {
			if m.sensitive || holds[m.target] {
				return true
			}
		}
	}
	return false
}

// leaky reports a list or map that holds a sensitive value without a
// generated type around it, so that printing it would show the value.
func leaky(s *shape) bool {
	if s.kind != kindList && s.kind != kindMap {
		return false
	}
	for _, m := range s.members {
		if m.sensitive || leaky(m.target) {
			return true
		}
	}
	return false
}

// printMethod returns how field m prints; whole is true when the value
// holding m is sensitive as a whole (a member of a sensitive union).
func printMethod(m *member, whole bool) string {
	t := m.target
	switch {
	case whole || m.sensitive:
		return "Secret"
	case t.kind == kindMap && !t.member("key").sensitive && t.elem().sensitive && !leaky(t.elem().target):
		return "SecretValues"
	case leaky(t):
		return "Secret"
	}
	return "Field"
}

// structPrintView returns the printing methods of a structure, or nil
// when it holds no secret.
//
// TODO: modeled errors get none: fmt prints them with Error, which shows
// only the code and message, but %#v would show a sensitive member. No
// error of this service has one.
func (a *api) structPrintView(s *shape, holds map[*shape]bool) *printView {
	if !holds[s] || s.isError {
		return nil
	}
	v := &printView{
		Name:     s.goName,
		TypeName: a.printedName(s.goName, s.pkg),
		Doc:      "the sensitive values it holds",
	}
	for _, m := range fieldOrder(s.members) {
		v.Fields = append(v.Fields, printField{Method: printMethod(m, false), Name: m.field})
	}
	return v
}

// unionMemberPrintView returns the printing methods of the type of union
// member m, or nil when fmt can print it as it is: a value that is not
// sensitive itself prints through its own methods.
func unionMemberPrintView(u *shape, m *member) *printView {
	method := printMethod(m, u.model.Traits.Has(smithymodel.TraitSensitive))
	if method == "Field" {
		return nil
	}
	name := unionMemberType(u.name, m.name)
	doc := "its value, which is sensitive"
	if method == "SecretValues" {
		doc = "the values of its map, which are sensitive"
	}
	return &printView{
		Name:     name,
		TypeName: "types." + name,
		Doc:      doc,
		Fields:   []printField{{Method: method, Name: "Value"}},
	}
}

// printedName names a Go type of package p as %#v does.
func (a *api) printedName(goName string, p pkg) string {
	if p == pkgTypes {
		return "types." + goName
	}
	return a.pkgName + "." + goName
}

// emitPrinting renders types/printing.go.
func (a *api) emitPrinting() (file, error) {
	holds := a.secretHolders()
	v := printingView{Module: a.module}
	for _, s := range a.shapes {
		if s.pkg != pkgTypes {
			continue
		}
		switch s.kind {
		case kindStructure:
			if pv := a.structPrintView(s, holds); pv != nil {
				v.Types = append(v.Types, *pv)
			}
		case kindUnion:
			v.Types = append(v.Types, unionPrintViews(s)...)
			if holds[s] && v.Unknown == nil {
				v.Unknown = unknownMemberPrintView()
			}
		}
	}
	return render("types/printing.go", "printing", v)
}

func unionPrintViews(u *shape) []printView {
	var out []printView
	for _, m := range u.members {
		if pv := unionMemberPrintView(u, m); pv != nil {
			out = append(out, *pv)
		}
	}
	return out
}

// unknownMemberPrintView prints UnknownUnionMember with its value hidden:
// an unknown member of a union that holds secrets may be one of them.
func unknownMemberPrintView() *printView {
	return &printView{
		Name:     "UnknownUnionMember",
		TypeName: "types.UnknownUnionMember",
		Doc:      "its value, which may be a secret of a union this client does not fully know",
		Fields:   []printField{{"Field", "Tag"}, {"Secret", "Value"}},
	}
}
