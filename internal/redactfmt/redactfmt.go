// Package redactfmt prints values of the generated types for the fmt
// verbs without their secrets. Every generated type that holds a member
// the model marks sensitive has String and GoString methods that build a
// Struct field by field: a sensitive member prints as Placeholder, every
// other value readably, with pointers followed where fmt would print an
// address. Log lines and test failures can then show inputs and outputs
// as they are.
package redactfmt

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// Placeholder stands in for every sensitive value that is set.
const Placeholder = "*** Sensitive Data Redacted ***"

// Style is the family of fmt verbs a value is printed for.
type Style int

const (
	// Plain is the style of %v, %+v and %s: {Name:value Name:value}.
	Plain Style = iota

	// GoSyntax is the style of %#v: pkg.Type{Name:value, Name:value}, with
	// strings quoted. Pointers to scalars print as their value.
	GoSyntax
)

// maxDepth bounds how deep one Struct follows pointers, so that a value
// that refers to itself prints "..." instead of recursing forever.
const maxDepth = 16

// Struct prints one structure, field by field in the order they are
// added.
type Struct struct {
	p      printer
	fields int
}

// NewStruct starts printing a value of the named type ("types.Task");
// only GoSyntax prints the name.
func NewStruct(style Style, typeName string) *Struct {
	s := &Struct{p: printer{style: style}}
	if style == GoSyntax {
		s.p.b.WriteString(typeName)
	}
	s.p.b.WriteByte('{')
	return s
}

// Field prints a member that is not sensitive. Values of generated types
// print through their own String or GoString methods, which hide their
// sensitive members.
func (s *Struct) Field(name string, value any) {
	s.name(name)
	s.p.value(reflect.ValueOf(value), 0)
}

// Secret prints a sensitive member: Placeholder when it is set, nil when
// it is a nil pointer, interface, slice or map.
func (s *Struct) Secret(name string, value any) {
	s.name(name)
	if isNil(reflect.ValueOf(value)) {
		s.p.nil()
		return
	}
	s.p.placeholder()
}

// SecretValues prints a map whose values are sensitive and whose keys
// are not: the keys in sorted order, each with Placeholder.
func (s *Struct) SecretValues(name string, m any) {
	v := reflect.ValueOf(m)
	if v.Kind() != reflect.Map || v.IsNil() {
		s.Secret(name, m)
		return
	}

	s.name(name)
	s.p.mapEntries(v, func(reflect.Value) { s.p.placeholder() }, 0)
}

// String returns what was printed.
func (s *Struct) String() string {
	return s.p.b.String() + "}"
}

// name starts the next field.
func (s *Struct) name(name string) {
	if s.fields > 0 {
		s.p.separator()
	}
	s.fields++
	s.p.b.WriteString(name)
	s.p.b.WriteByte(':')
}

// printer writes values in one style.
type printer struct {
	style Style
	b     strings.Builder
}

func (p *printer) separator() {
	if p.style == GoSyntax {
		p.b.WriteString(", ")
		return
	}
	p.b.WriteByte(' ')
}

func (p *printer) nil() {
	if p.style == GoSyntax {
		p.b.WriteString("nil")
		return
	}
	p.b.WriteString("<nil>")
}

func (p *printer) placeholder() {
	if p.style == GoSyntax {
		p.b.WriteString(`"` + Placeholder + `"`)
		return
	}
	p.b.WriteString(Placeholder)
}

// value prints v at the given depth of followed pointers and containers.
func (p *printer) value(v reflect.Value, depth int) {
	switch {
	case !v.IsValid() || (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && v.IsNil():
		p.nil()
		return
	case depth > maxDepth:
		p.b.WriteString("...")
		return
	case p.byMethod(v):
		return
	}

	switch v.Kind() {
	case reflect.Pointer:
		if p.style == GoSyntax && v.Elem().Kind() == reflect.Struct {
			p.b.WriteByte('&')
		}
		p.value(v.Elem(), depth+1)
	case reflect.Interface:
		p.value(v.Elem(), depth)
	case reflect.Struct:
		p.structFields(v, depth)
	case reflect.Slice, reflect.Array:
		p.elements(v, depth)
	case reflect.Map:
		p.mapEntries(v, func(item reflect.Value) { p.value(item, depth+1) }, depth)
	default:
		p.scalar(v)
	}
}

// byMethod prints v with its String (Plain) or GoString (GoSyntax)
// method, when it has one, and reports whether it did.
func (p *printer) byMethod(v reflect.Value) bool {
	if !v.CanInterface() {
		return false
	}
	if m, ok := v.Interface().(fmt.GoStringer); ok && p.style == GoSyntax {
		p.b.WriteString(m.GoString())
		return true
	}
	if m, ok := v.Interface().(fmt.Stringer); ok && p.style == Plain {
		p.b.WriteString(m.String())
		return true
	}
	return false
}

// structFields prints the exported fields of a struct. A struct without
// any (an opaque value) is left to fmt.
func (p *printer) structFields(v reflect.Value, depth int) {
	t := v.Type()
	var fields []int
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			fields = append(fields, i)
		}
	}
	if len(fields) == 0 {
		p.scalar(v)
		return
	}

	if p.style == GoSyntax {
		p.b.WriteString(t.String())
	}
	p.b.WriteByte('{')
	for n, i := range fields {
		if n > 0 {
			p.separator()
		}
		p.b.WriteString(t.Field(i).Name + ":")
		p.value(v.Field(i), depth+1)
	}
	p.b.WriteByte('}')
}

// elements prints a slice or an array; byte slices are left to fmt.
func (p *printer) elements(v reflect.Value, depth int) {
	if v.Type().Elem().Kind() == reflect.Uint8 {
		p.scalar(v)
		return
	}

	open, closing := "[", "]"
	if p.style == GoSyntax {
		open, closing = v.Type().String()+"{", "}"
	}
	p.b.WriteString(open)
	for i := range v.Len() {
		if i > 0 {
			p.separator()
		}
		p.value(v.Index(i), depth+1)
	}
	p.b.WriteString(closing)
}

// mapEntries prints a map with its keys sorted as fmt sorts them, writing
// each value with item.
func (p *printer) mapEntries(v reflect.Value, item func(reflect.Value), depth int) {
	keys := v.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int {
		return strings.Compare(fmt.Sprint(a.Interface()), fmt.Sprint(b.Interface()))
	})

	open, closing := "map[", "]"
	if p.style == GoSyntax {
		open, closing = v.Type().String()+"{", "}"
	}
	p.b.WriteString(open)
	for i, key := range keys {
		if i > 0 {
			p.separator()
		}
		p.value(key, depth+1)
		p.b.WriteByte(':')
		item(v.MapIndex(key))
	}
	p.b.WriteString(closing)
}

// scalar prints v as fmt does.
func (p *printer) scalar(v reflect.Value) {
	if !v.CanInterface() {
		p.b.WriteString("?")
		return
	}
	if p.style == GoSyntax {
		fmt.Fprintf(&p.b, "%#v", v.Interface())
		return
	}
	fmt.Fprint(&p.b, v.Interface())
}

// isNil reports a nil pointer, interface, slice, map or function.
func isNil(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Invalid:
		return true
	case reflect.Pointer, reflect.Interface, reflect.Slice, reflect.Map, reflect.Func, reflect.Chan:
		return v.IsNil()
	}
	return false
}
