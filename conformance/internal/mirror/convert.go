// Package mirror moves values between two Go type universes that model the
// same API with the same names (our client's types and the official
// client's types), and turns decoded values into plain trees that compare
// with reflect.DeepEqual.
//
// This file holds the converter; tree.go holds the normaliser.
package mirror

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
)

// Registry lists the destination types a converter cannot learn from a
// field's static type: the concrete member types behind union interfaces.
// Types are found by their unqualified name, which both universes share.
type Registry struct {
	byName map[string]reflect.Type
}

// NewRegistry returns a registry of the given union member types. Each
// sample is a pointer to a member struct, for example
// &types.ServiceConfigurationMemberGithub{}.
func NewRegistry(samples ...any) *Registry {
	r := &Registry{byName: make(map[string]reflect.Type, len(samples))}
	for _, s := range samples {
		t := reflect.TypeOf(s).Elem()
		r.byName[t.Name()] = t
	}
	return r
}

// Names returns the registered type names in ascending order.
func (r *Registry) Names() []string {
	names := make([]string, 0, len(r.byName))
	for n := range r.byName {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Gap is a piece of the source value that has no place in the destination
// type: a set field the destination lacks, a union member it does not
// know, or an enum value missing from its Values list.
type Gap struct {
	// Path names the source field, e.g. "AssociateServiceInput.Capabilities".
	Path string

	// What says which kind of gap it is and, for values, the value.
	What string
}

// String renders the gap for test failure messages.
func (g Gap) String() string { return g.Path + ": " + g.What }

// Convert copies src into *dst, matching struct fields and union member
// types by name. dst must be a non-nil pointer. It returns every gap it
// met (the rest of the value is still copied) and an error only when the
// two types cannot correspond at all (different kinds).
func Convert(reg *Registry, src, dst any) ([]Gap, error) {
	dv := reflect.ValueOf(dst)
	if dv.Kind() != reflect.Pointer || dv.IsNil() {
		return nil, fmt.Errorf("mirror: destination must be a non-nil pointer, got %T", dst)
	}

	sv := reflect.ValueOf(src)
	if sv.Kind() == reflect.Pointer {
		sv = sv.Elem()
	}

	c := &converter{reg: reg}
	out, err := c.value(sv.Type().Name(), sv, dv.Elem().Type())
	if err != nil {
		return c.gaps, err
	}

	dv.Elem().Set(out)
	return c.gaps, nil
}

type converter struct {
	reg  *Registry
	gaps []Gap
}

func (c *converter) gap(path, format string, args ...any) {
	c.gaps = append(c.gaps, Gap{Path: path, What: fmt.Sprintf(format, args...)})
}

// value returns src converted to type dt. Identical types are shared, not
// copied: inputs are read-only for the clients.
func (c *converter) value(path string, src reflect.Value, dt reflect.Type) (reflect.Value, error) {
	if src.Type() == dt {
		return src, nil
	}

	switch dt.Kind() {
	case reflect.Pointer:
		return c.pointer(path, src, dt)
	case reflect.Struct:
		return c.structure(path, src, dt)
	case reflect.Interface:
		return c.union(path, src, dt)
	case reflect.Slice:
		return c.list(path, src, dt)
	case reflect.Map:
		return c.mapping(path, src, dt)
	case reflect.String:
		return c.enum(path, src, dt)
	case reflect.Bool, reflect.Int32, reflect.Int64, reflect.Float32, reflect.Float64:
		if src.Kind() != dt.Kind() {
			return reflect.Value{}, mismatch(path, src, dt)
		}
		return src.Convert(dt), nil
	}

	return reflect.Value{}, mismatch(path, src, dt)
}

func mismatch(path string, src reflect.Value, dt reflect.Type) error {
	return fmt.Errorf("mirror: %s: cannot convert %s to %s", path, src.Type(), dt)
}

func (c *converter) pointer(path string, src reflect.Value, dt reflect.Type) (reflect.Value, error) {
	if src.Kind() != reflect.Pointer {
		return reflect.Value{}, mismatch(path, src, dt)
	}
	if src.IsNil() {
		return reflect.Zero(dt), nil
	}

	elem, err := c.value(path, src.Elem(), dt.Elem())
	if err != nil {
		return reflect.Value{}, err
	}

	p := reflect.New(dt.Elem())
	p.Elem().Set(elem)
	return p, nil
}

// structure copies exported fields by name. A set source field the
// destination lacks is a gap; an unset one carries no information.
func (c *converter) structure(path string, src reflect.Value, dt reflect.Type) (reflect.Value, error) {
	if src.Kind() != reflect.Struct {
		return reflect.Value{}, mismatch(path, src, dt)
	}

	out := reflect.New(dt).Elem()
	st := src.Type()
	for i := range st.NumField() {
		f := st.Field(i)
		if !f.IsExported() || f.Anonymous {
			continue
		}

		fpath := path + "." + f.Name
		df, ok := dt.FieldByName(f.Name)
		if !ok || len(df.Index) != 1 {
			if !src.Field(i).IsZero() {
				c.gap(fpath, "field unknown to %s", dt.Name())
			}
			continue
		}

		v, err := c.value(fpath, src.Field(i), df.Type)
		if err != nil {
			return reflect.Value{}, err
		}
		out.Field(df.Index[0]).Set(v)
	}
	return out, nil
}

// union maps a concrete union member (a pointer to a struct) to the
// registered destination type of the same name.
func (c *converter) union(path string, src reflect.Value, dt reflect.Type) (reflect.Value, error) {
	if src.Kind() != reflect.Interface {
		return reflect.Value{}, mismatch(path, src, dt)
	}
	if src.IsNil() {
		return reflect.Zero(dt), nil
	}

	member := src.Elem()
	if member.Kind() != reflect.Pointer || member.Type().Elem().Kind() != reflect.Struct {
		return reflect.Value{}, mismatch(path, member, dt)
	}

	name := member.Type().Elem().Name()
	target, ok := c.reg.byName[name]
	if !ok {
		c.gap(path, "union member %s unknown to the destination", name)
		return reflect.Zero(dt), nil
	}
	if !reflect.PointerTo(target).Implements(dt) {
		return reflect.Value{}, fmt.Errorf("mirror: %s: %s is not a member of %s", path, name, dt)
	}

	return c.value(path+"."+name, member, reflect.PointerTo(target))
}

func (c *converter) list(path string, src reflect.Value, dt reflect.Type) (reflect.Value, error) {
	if src.Kind() != reflect.Slice {
		return reflect.Value{}, mismatch(path, src, dt)
	}
	if src.IsNil() {
		return reflect.Zero(dt), nil
	}

	out := reflect.MakeSlice(dt, src.Len(), src.Len())
	for i := range src.Len() {
		v, err := c.value(fmt.Sprintf("%s[%d]", path, i), src.Index(i), dt.Elem())
		if err != nil {
			return reflect.Value{}, err
		}
		out.Index(i).Set(v)
	}
	return out, nil
}

func (c *converter) mapping(path string, src reflect.Value, dt reflect.Type) (reflect.Value, error) {
	if src.Kind() != reflect.Map {
		return reflect.Value{}, mismatch(path, src, dt)
	}
	if src.IsNil() {
		return reflect.Zero(dt), nil
	}

	out := reflect.MakeMapWithSize(dt, src.Len())
	iter := src.MapRange()
	for iter.Next() {
		kpath := fmt.Sprintf("%s[%v]", path, iter.Key())
		k, err := c.value(kpath, iter.Key(), dt.Key())
		if err != nil {
			return reflect.Value{}, err
		}
		v, err := c.value(kpath, iter.Value(), dt.Elem())
		if err != nil {
			return reflect.Value{}, err
		}
		out.SetMapIndex(k, v)
	}
	return out, nil
}

// enum converts between string types. When the destination type lists its
// values (a Values method, as generated enums have), a value outside that
// list is a gap: the destination was built from an older model.
func (c *converter) enum(path string, src reflect.Value, dt reflect.Type) (reflect.Value, error) {
	if src.Kind() != reflect.String {
		return reflect.Value{}, mismatch(path, src, dt)
	}

	out := src.Convert(dt)
	if src.String() == "" {
		return out, nil
	}

	if known, ok := enumValues(dt); ok && !slices.Contains(known, src.String()) {
		c.gap(path, "enum value %q unknown to %s", src.String(), dt.Name())
	}
	return out, nil
}

// enumValues returns the values a generated enum type declares.
func enumValues(t reflect.Type) ([]string, bool) {
	m, ok := t.MethodByName("Values")
	if !ok || m.Type.NumIn() != 1 || m.Type.NumOut() != 1 || m.Type.Out(0).Kind() != reflect.Slice {
		return nil, false
	}

	list := m.Func.Call([]reflect.Value{reflect.Zero(t)})[0]
	values := make([]string, list.Len())
	for i := range list.Len() {
		values[i] = list.Index(i).String()
	}
	return values, true
}

// EnumValues returns the values the enum type of sample declares through
// its Values method, or nil if it has none.
func EnumValues(sample any) []string {
	values, _ := enumValues(reflect.TypeOf(sample))
	return values
}

// MembersOf returns the registered types whose pointer implements the
// interface type iface, by name.
func (r *Registry) MembersOf(iface reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for name, t := range r.byName {
		if reflect.PointerTo(t).Implements(iface) {
			out[name] = t
		}
	}
	return out
}
