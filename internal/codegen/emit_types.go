package codegen

import (
	"sort"
	"strings"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// This file emits the types package: types.go (structures and unions),
// enums.go and errors.go.

type typesView struct {
	Title      string
	Module     string
	Structures []structView
	Unions     []unionView
	Enums      []enumView
	Errors     []errorView
}

type structView struct {
	Doc    string
	Name   string
	Fields []fieldView
}

type fieldView struct {
	Doc  string
	Name string
	Type string
}

type unionView struct {
	Doc     string
	Name    string
	Marker  string // name of the unexported marker method
	Members []unionMemberView
}

type unionMemberView struct {
	Doc  string
	Name string
	Type string
}

type enumView struct {
	Doc    string
	Name   string
	Consts []enumConst
}

type enumConst struct {
	Doc   string
	Name  string
	Value string
}

type errorView struct {
	structView
	Code       string
	Fault      string
	HasMessage bool
}

// emitTypes renders the three files of the types package.
func (a *api) emitTypes() ([]file, error) {
	v := a.typesView()
	var files []file
	for _, name := range []string{"types", "enums", "errors"} {
		f, err := render("types/"+name+".go", name, v)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

func (a *api) typesView() typesView {
	v := typesView{Title: a.title, Module: a.module}
	for _, s := range a.shapes {
		if s.pkg != pkgTypes || s.goName == "" {
			continue
		}
		switch {
		case s.isError:
			v.Errors = append(v.Errors, a.errorView(s))
		case s.kind == kindStructure:
			doc := a.docs.typeDoc(s.goName, s.model.Traits.Doc(), "structure")
			v.Structures = append(v.Structures, a.structView(s, doc))
		case s.kind == kindUnion:
			v.Unions = append(v.Unions, a.unionView(s))
		case s.kind == kindEnum:
			v.Enums = append(v.Enums, a.enumView(s))
		}
	}
	return v
}

// structView lists a structure's fields: required members first, then the
// others, each group in field-name order.
func (a *api) structView(s *shape, doc string) structView {
	v := structView{Doc: comment(doc, 0), Name: s.goName}
	for _, m := range fieldOrder(s.members) {
		v.Fields = append(v.Fields, fieldView{
			Doc:  comment(fieldDoc(m), 1),
			Name: m.field,
			Type: fieldType(m, s.pkg),
		})
	}
	return v
}

func fieldOrder(members []*member) []*member {
	out := append([]*member(nil), members...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].required != out[j].required {
			return out[i].required
		}
		return out[i].field < out[j].field
	})
	return out
}

// fieldDoc is the doc of a field: the model's text, then the required and
// deprecated notes.
func fieldDoc(m *member) string {
	var parts []string
	if m.doc != "" {
		parts = append(parts, m.doc)
	} else {
		parts = append(parts, "The "+m.name+" member.")
	}
	if m.required {
		parts = append(parts, "This member is required.")
	}
	if m.deprecated != "" {
		parts = append(parts, "Deprecated: "+m.deprecated)
	}
	return strings.Join(parts, "\n\n")
}

func (a *api) unionView(s *shape) unionView {
	var list []string
	v := unionView{Name: s.goName, Marker: "is" + s.goName}
	for _, m := range s.members {
		name := unionMemberType(s.name, m.name)
		list = append(list, "- "+name)

		doc := a.docs.unionMemberDoc(name, m.name, s.goName, m.doc)
		v.Members = append(v.Members, unionMemberView{
			Doc:  comment(doc, 0),
			Name: name,
			Type: goType(m.target, pkgTypes),
		})
	}

	doc := a.docs.typeDoc(s.goName, s.model.Traits.Doc(), "union") +
		"\n\nIts values are the types below, or UnknownUnionMember for a member " +
		"this client does not know:\n\n" + strings.Join(list, "\n")
	v.Doc = comment(doc, 0)
	return v
}

func (a *api) enumView(s *shape) enumView {
	v := enumView{
		Doc:  comment(a.docs.enumDoc(s.goName, s.model.Traits.Doc()), 0),
		Name: s.goName,
	}
	for _, m := range s.members {
		c := enumConst{Name: enumConstName(s.name, m.name), Value: m.enumValue}
		if m.doc != "" {
			c.Doc = comment(m.doc, 1)
		}
		v.Consts = append(v.Consts, c)
	}
	return v
}

func (a *api) errorView(s *shape) errorView {
	fault, _ := s.model.Traits.String(smithymodel.TraitError)
	v := errorView{
		structView: structView{
			Doc:  comment(a.docs.errorDoc(s.goName, s.model.Traits.Doc()), 0),
			Name: s.goName,
		},
		Code:  s.name,
		Fault: "smithy.FaultClient",
	}
	if fault == "server" {
		v.Fault = "smithy.FaultServer"
	}
	for _, m := range fieldOrder(s.members) {
		if m.field == "Message" {
			v.HasMessage = true
			continue
		}
		v.Fields = append(v.Fields, fieldView{
			Doc: comment(fieldDoc(m), 1), Name: m.field, Type: fieldType(m, pkgTypes),
		})
	}
	return v
}
