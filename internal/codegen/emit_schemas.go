package codegen

import (
	"fmt"
	"strings"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// This file emits internal/schemas/schemas.go: one smithy-go schema per
// shape, member and operation, carrying the traits smithy-go's protocols
// read.

type schemasView struct {
	Title     string
	Namespace string
	Service   string
	Version   string
	Ops       []string // variable names
	Shapes    []string
	Members   []string
	OpSchemas []opSchema
	Inits     []string // statements of init, in dependency order
}

// opSchema pairs an operation with its input and output schemas.
type opSchema struct {
	Name, Op, Input, Output string
}

func (a *api) emitSchemas() (file, error) {
	v := schemasView{
		Title:     a.title,
		Namespace: a.namespace,
		Service:   a.service.Name(),
		Version:   a.service.Version,
	}
	for _, op := range a.operations {
		args := []string{
			fmt.Sprintf("%q", op.name), fmt.Sprintf("%q", op.http.Method),
			fmt.Sprintf("%q", op.http.URI), fmt.Sprint(op.http.Code),
		}
		v.Ops = append(v.Ops, op.name)
		v.Inits = append(v.Inits, assignCall(op.name, "operation", args))
	}

	for _, s := range a.shapes {
		traits, err := schemaTraits(s.model.Traits)
		if err != nil {
			return file{}, err
		}
		v.Shapes = append(v.Shapes, s.schema)
		v.Inits = append(v.Inits, a.newSchema(s.schema, s.model.ID, shapeType(s), len(s.members), traits))
	}

	for _, s := range a.shapes {
		if s.kind == kindEnum {
			continue
		}
		for _, m := range s.members {
			traits, err := schemaTraits(m.model.Traits)
			if err != nil {
				return file{}, err
			}
			args := append([]string{s.schema, fmt.Sprintf("%q", m.name), m.target.schema}, traits...)
			v.Members = append(v.Members, m.schema)
			v.Inits = append(v.Inits, assignCall(m.schema, "member", args))
		}
	}
	for _, op := range a.operations {
		v.OpSchemas = append(v.OpSchemas, opSchema{
			Name: "Op" + op.name, Op: op.name, Input: op.input.schema, Output: op.output.schema,
		})
	}
	return render("internal/schemas/schemas.go", "schemas", v)
}

// newSchema returns the statement that creates the schema of a shape.
func (a *api) newSchema(variable, id, typ string, members int, traits []string) string {
	ns, name, _ := strings.Cut(id, "#")
	fn, args := "newShape", []string{fmt.Sprintf("%q", name)}
	if ns != a.namespace {
		fn, args = "smithy.NewSchema", []string{fmt.Sprintf("smithy.ShapeID{Namespace: %q, Name: %q}", ns, name)}
	}
	args = append(args, "smithy.ShapeType"+typ, fmt.Sprint(members))
	return assignCall(variable, fn, append(args, traits...))
}

// assignCall renders "lhs = fn(args...)", breaking the arguments over
// continuation lines when the statement would pass 96 columns.
func assignCall(lhs, fn string, args []string) string {
	const width, indent = 96, 4 // one tab inside init
	line := lhs + " = " + fn + "(" + strings.Join(args, ", ") + ")"
	if indent+len(line) <= width {
		return line
	}

	var b strings.Builder
	b.WriteString(lhs + " = " + fn + "(")
	cur := indent + b.Len()
	for i, arg := range args {
		sep := ","
		if i == len(args)-1 {
			sep = ")"
		}
		if cur+1+len(arg)+len(sep) > width {
			b.WriteString("\n\t")
			cur = 2 * indent
		} else {
			b.WriteString(" ")
			cur++
		}
		b.WriteString(arg + sep)
		cur += len(arg) + 1
	}
	return b.String()
}

// shapeType returns the suffix of the smithy.ShapeType constant of s.
func shapeType(s *shape) string {
	if s.model.Type == "set" {
		return "Set"
	}
	return map[kind]string{
		kindString: "String", kindEnum: "Enum", kindBool: "Boolean",
		kindByte: "Byte", kindShort: "Short", kindInteger: "Integer",
		kindLong: "Long", kindFloat: "Float", kindDouble: "Double",
		kindBlob: "Blob", kindTimestamp: "Timestamp", kindDocument: "Document",
		kindStructure: "Structure", kindUnion: "Union", kindList: "List", kindMap: "Map",
	}[s.kind]
}

// schemaTrait maps a model trait to the smithy-go trait literal that
// carries it. A literal with a %q verb takes the trait's string value, one
// with %d its number value.
type schemaTrait struct {
	id      string
	literal string
}

// schemaTraitTable lists, in a fixed order, the traits smithy-go's
// protocols read from schemas.
var schemaTraitTable = []schemaTrait{
	{smithymodel.TraitError, "&smithytraits.Error{Type: %q}"},
	{smithymodel.TraitHTTPError, "&smithytraits.HTTPError{Code: %d}"},
	{smithymodel.TraitHTTPHeader, "&smithytraits.HTTPHeader{Name: %q}"},
	{smithymodel.TraitHTTPLabel, "&smithytraits.HTTPLabel{}"},
	{smithymodel.TraitHTTPPayload, "&smithytraits.HTTPPayload{}"},
	{traitHTTPPrefixHeaders, "&smithytraits.HTTPPrefixHeaders{Prefix: %q}"},
	{smithymodel.TraitHTTPQuery, "&smithytraits.HTTPQuery{Name: %q}"},
	{traitHTTPQueryParams, "&smithytraits.HTTPQueryParams{}"},
	{traitHTTPResponseCode, "&smithytraits.HTTPResponseCode{}"},
	{traitHostLabel, "&smithytraits.HostLabel{}"},
	{smithymodel.TraitJSONName, "&smithytraits.JSONName{Name: %q}"},
	{traitMediaType, "&smithytraits.MediaType{Type: %q}"},
	{smithymodel.TraitSensitive, "&smithytraits.Sensitive{}"},
	{traitStreaming, "&smithytraits.Streaming{}"},
	{smithymodel.TraitTimestampFormat, "&smithytraits.TimestampFormat{Format: %q}"},
}

// schemaTraits returns the trait literals for the traits present in t.
func schemaTraits(t smithymodel.Traits) ([]string, error) {
	var out []string
	for _, st := range schemaTraitTable {
		if !t.Has(st.id) {
			continue
		}
		lit, err := st.render(t)
		if err != nil {
			return nil, err
		}
		out = append(out, lit)
	}
	return out, nil
}

// render fills the literal with the trait's value.
func (st schemaTrait) render(t smithymodel.Traits) (string, error) {
	switch {
	case strings.Contains(st.literal, "%q"):
		var s string
		_, err := t.Decode(st.id, &s)
		return fmt.Sprintf(st.literal, s), err
	case strings.Contains(st.literal, "%d"):
		var n int
		_, err := t.Decode(st.id, &n)
		return fmt.Sprintf(st.literal, n), err
	}
	return st.literal, nil
}
