package codegen

import (
	"sort"
	"strings"
)

// This file emits serializers and deserializers: the Serialize and
// Deserialize methods of structures, and helper functions for unions,
// lists and maps. Each package that uses an aggregate gets its own copy of
// the helper, so no helper has to be exported from package types.

type serdeView struct {
	Title    string
	Module   string
	Package  string
	Structs  []structSerde
	Unions   []unionSerde
	Lists    []listSerde
	Maps     []listSerde
	Registry []registryEntry
}

type structSerde struct {
	Name   string // Go type
	Shape  string // model name
	Schema string
	Writes []string // one statement per member, in member-name order
	Reads  []readCase

	// Values names the type that holds the optional scalars of a decoded
	// value, when there are at least two; "" otherwise.
	Values      string
	ValueFields []fieldView
}

type readCase struct {
	Schema string
	Body   string
}

type unionSerde struct {
	Serializer, Deserializer string
	GoType                   string
	Unknown                  string
	Members                  []unionMemberSerde
}

type unionMemberSerde struct {
	Type     string
	Schema   string
	WireName string
	Write    string
	Read     string
}

// listSerde describes a list or a map helper pair.
type listSerde struct {
	Serializer, Deserializer string
	GoType                   string
	KeySchema                string // maps only
	Zero                     string // lists only
	Write                    string // writes "item"
	Read                     string // lists: reads into the new last element; maps: into "item"
	ItemType                 string // maps only
}

type registryEntry struct {
	ID     string
	Schema string
	Type   string
}

// emitTypesSerde renders types/serializers.go and types/deserializers.go.
func (a *api) emitTypesSerde() ([]file, error) {
	v := a.serdeView(pkgTypes, "types")
	for _, s := range a.shapes {
		if s.pkg == pkgTypes && s.kind == kindStructure {
			v.Structs = append(v.Structs, structSerdeOf(s))
		}
	}
	return renderSerde(v, "types/")
}

// emitRootSerde renders the root serializers.go and deserializers.go: the
// helpers used by inputs and outputs, and the error type registry. The
// inputs' and outputs' own methods live in their api_op files.
func (a *api) emitRootSerde() ([]file, error) {
	v := a.serdeView(pkgRoot, a.pkgName)
	for _, s := range a.shapes {
		if s.isError {
			v.Registry = append(v.Registry, registryEntry{
				ID:     s.model.ID,
				Schema: "schemas." + s.schema,
				Type:   qualified(s.goName, pkgRoot),
			})
		}
	}
	return renderSerde(v, "")
}

func renderSerde(v serdeView, dir string) ([]file, error) {
	ser, err := render(dir+"serializers.go", "serializers", v)
	if err != nil {
		return nil, err
	}
	de, err := render(dir+"deserializers.go", "deserializers", v)
	if err != nil {
		return nil, err
	}
	return []file{ser, de}, nil
}

// serdeView holds the helpers of the aggregates that structures of
// package p reach without passing through another structure.
func (a *api) serdeView(p pkg, name string) serdeView {
	v := serdeView{Title: a.title, Module: a.module, Package: name}
	for _, s := range a.helperShapes(p) {
		switch s.kind {
		case kindUnion:
			v.Unions = append(v.Unions, unionSerdeOf(s, p))
		case kindList:
			v.Lists = append(v.Lists, listSerdeOf(s, p))
		case kindMap:
			v.Maps = append(v.Maps, mapSerdeOf(s, p))
		}
	}
	return v
}

// helperShapes returns, sorted by name, the unions, lists and maps that
// the structures of package p need helpers for.
func (a *api) helperShapes(p pkg) []*shape {
	seen := map[*shape]bool{}
	var visit func(s *shape)
	visit = func(s *shape) {
		if !s.kind.isAggregate() || seen[s] {
			return
		}
		seen[s] = true
		for _, m := range s.members {
			visit(m.target)
		}
	}
	for _, s := range a.shapes {
		if s.kind == kindStructure && s.pkg == p && s.goName != "" {
			for _, m := range s.members {
				visit(m.target)
			}
		}
	}

	var out []*shape
	for s := range seen {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

func structSerdeOf(s *shape) structSerde {
	v := structSerde{Name: s.goName, Shape: s.name, Schema: "schemas." + s.schema}
	members := append([]*member(nil), s.members...)
	sort.Slice(members, func(i, j int) bool { return members[i].name < members[j].name })

	var scalars []*member
	for _, m := range members {
		if isScalarPointer(m) {
			scalars = append(scalars, m)
		}
	}
	if len(scalars) >= 2 {
		v.Values = lowerFirst(s.goName) + "Values"
		for _, m := range scalars {
			v.ValueFields = append(v.ValueFields, fieldView{Name: m.field, Type: goType(m.target, s.pkg)})
		}
	}

	for _, m := range members {
		v.Writes = append(v.Writes, writeMember(m))
		v.Reads = append(v.Reads, readCase{Schema: schemaRef(m), Body: readMember(m, s.pkg, v.Values != "")})
	}
	return v
}

// isScalarPointer reports members decoded into a pointer to a scalar.
func isScalarPointer(m *member) bool {
	return m.pointer && m.target.kind != kindStructure
}

func lowerFirst(name string) string {
	return strings.ToLower(name[:1]) + name[1:]
}

func unionSerdeOf(s *shape, p pkg) unionSerde {
	v := unionSerde{
		Serializer:   serializerName(s),
		Deserializer: deserializerName(s),
		GoType:       goType(s, p),
		Unknown:      qualified("UnknownUnionMember", p),
	}
	for _, m := range s.members {
		v.Members = append(v.Members, unionMemberSerde{
			Type:     qualified(unionMemberType(s.name, m.name), p),
			Schema:   schemaRef(m),
			WireName: m.wireName,
			Write:    writeValue(m, "vv.Value", true),
			Read:     readInto(m, "&mv.Value"),
		})
	}
	return v
}

func listSerdeOf(s *shape, p pkg) listSerde {
	elem := s.elem()
	return listSerde{
		Serializer:   serializerName(s),
		Deserializer: deserializerName(s),
		GoType:       goType(s, p),
		Zero:         zeroValue(elem.target, p),
		Write:        writeValue(elem, "item", true),
		Read:         readInto(elem, "&(*v)[len(*v)-1]"),
	}
}

func mapSerdeOf(s *shape, p pkg) listSerde {
	elem := s.elem()
	return listSerde{
		Serializer:   serializerName(s),
		Deserializer: deserializerName(s),
		GoType:       goType(s, p),
		KeySchema:    schemaRef(s.member("key")),
		ItemType:     goType(elem.target, p),
		Write:        writeValue(elem, "item", true),
		Read:         readInto(elem, "&item"),
	}
}
