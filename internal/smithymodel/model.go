// Package smithymodel loads a Smithy 2.0 JSON AST model and answers the
// questions the code generator and the local emulator ask of it: which
// shapes exist, what their members target, and which traits apply.
//
// It understands the subset of Smithy that an HTTP/JSON AWS service model
// uses (simple shapes, enums, lists, maps, structures, unions, operations,
// resources and a service). Resources only contribute the operations they
// bind; their identifiers and properties are not checked. A model that
// uses mixins is refused, since they are not applied.
package smithymodel

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Prelude is the namespace of the shapes Smithy defines for every model.
const Prelude = "smithy.api"

// Model is a loaded Smithy model: every shape keyed by its absolute id.
type Model struct {
	shapes map[string]*Shape
}

// Shape is one top-level shape of the model.
type Shape struct {
	ID     string
	Type   string
	Traits Traits

	// Members in the order the model file lists them. Lists have a single
	// member named "member"; maps have "key" and "value".
	Members []*Member

	// Operation fields.
	Input, Output string
	Errors        []string

	// Service fields.
	Version string

	// Operations are the operations a service or resource binds directly:
	// for a resource, its lifecycle operations (create, put, read,
	// update, delete, list) followed by operations and
	// collectionOperations.
	Operations []string

	// Resources are the resources a service or resource binds.
	Resources []string
}

// Member is a named member of a structure, union, enum, list or map.
type Member struct {
	Name   string
	Target string
	Traits Traits
	Parent *Shape
}

// Traits maps an absolute trait id (for example "smithy.api#required") to
// the trait's JSON value.
type Traits map[string]json.RawMessage

// rawShape mirrors a shape object of the JSON AST.
type rawShape struct {
	Type       string          `json:"type"`
	Traits     Traits          `json:"traits"`
	Members    json.RawMessage `json:"members"`
	Member     *rawMember      `json:"member"`
	Key        *rawMember      `json:"key"`
	Value      *rawMember      `json:"value"`
	Input      *rawTarget      `json:"input"`
	Output     *rawTarget      `json:"output"`
	Errors     []rawTarget     `json:"errors"`
	Version    string          `json:"version"`
	Operations []rawTarget     `json:"operations"`
	Resources  []rawTarget     `json:"resources"`
	Mixins     []rawTarget     `json:"mixins"`

	// Resource lifecycle operations.
	Create     *rawTarget  `json:"create"`
	Put        *rawTarget  `json:"put"`
	Read       *rawTarget  `json:"read"`
	Update     *rawTarget  `json:"update"`
	Delete     *rawTarget  `json:"delete"`
	List       *rawTarget  `json:"list"`
	Collection []rawTarget `json:"collectionOperations"`
}

// rawMember mirrors a member object of the JSON AST.
type rawMember struct {
	Target string `json:"target"`
	Traits Traits `json:"traits"`
}

// rawTarget mirrors a shape reference of the JSON AST ({"target": id}).
type rawTarget struct {
	Target string `json:"target"`
}

// Load parses a Smithy 2.0 JSON AST document.
func Load(data []byte) (*Model, error) {
	var doc struct {
		Smithy string              `json:"smithy"`
		Shapes map[string]rawShape `json:"shapes"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("smithymodel: parse model: %w", err)
	}
	if !strings.HasPrefix(doc.Smithy, "2") {
		return nil, fmt.Errorf("smithymodel: unsupported smithy version %q", doc.Smithy)
	}

	m := &Model{shapes: make(map[string]*Shape, len(doc.Shapes))}
	for id, raw := range doc.Shapes {
		s, err := buildShape(id, raw)
		if err != nil {
			return nil, fmt.Errorf("smithymodel: shape %s: %w", id, err)
		}
		m.shapes[id] = s
	}
	if err := m.checkTargets(); err != nil {
		return nil, err
	}
	return m, nil
}

// buildShape turns the JSON AST shape id into a Shape: its members in
// file order (then "member", "key" and "value"), the operation's input,
// output and errors, and the operations and resources it binds.
func buildShape(id string, raw rawShape) (*Shape, error) {
	// TODO: apply mixins (copy the mixin's members and traits into the
	// shape). No model we generate from uses them yet, so refuse rather
	// than silently drop members.
	if len(raw.Mixins) > 0 {
		return nil, fmt.Errorf("mixins are not supported (uses %s)", raw.Mixins[0].Target)
	}
	s := &Shape{ID: id, Type: raw.Type, Traits: raw.Traits, Version: raw.Version}
	if s.Traits == nil {
		s.Traits = Traits{}
	}

	members, err := orderedMembers(raw.Members)
	if err != nil {
		return nil, err
	}
	for _, named := range []struct {
		name string
		m    *rawMember
	}{{"member", raw.Member}, {"key", raw.Key}, {"value", raw.Value}} {
		if named.m != nil {
			members = append(members, namedMember{named.name, *named.m})
		}
	}
	for _, nm := range members {
		traits := nm.Traits
		if traits == nil {
			traits = Traits{}
		}
		s.Members = append(s.Members, &Member{
			Name: nm.name, Target: nm.Target, Traits: traits, Parent: s,
		})
	}

	if raw.Input != nil {
		s.Input = raw.Input.Target
	}
	if raw.Output != nil {
		s.Output = raw.Output.Target
	}
	s.Errors = targets(raw.Errors)
	s.Operations = append(lifecycle(raw), targets(raw.Operations)...)
	s.Operations = append(s.Operations, targets(raw.Collection)...)
	s.Resources = targets(raw.Resources)
	return s, nil
}

// lifecycle returns the targets of a resource's lifecycle operations.
func lifecycle(raw rawShape) []string {
	var out []string
	ops := []*rawTarget{raw.Create, raw.Put, raw.Read, raw.Update, raw.Delete, raw.List}
	for _, t := range ops {
		if t != nil {
			out = append(out, t.Target)
		}
	}
	return out
}

// namedMember is a member as read from the file, before it is built.
type namedMember struct {
	name string
	rawMember
}

// orderedMembers decodes a "members" object keeping the file's key order,
// which encoding/json's maps would lose.
func orderedMembers(data json.RawMessage) ([]namedMember, error) {
	if len(data) == 0 {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("members: %w", err)
	}

	var out []namedMember
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("members: %w", err)
		}
		name, _ := tok.(string)
		var rm rawMember
		if err := dec.Decode(&rm); err != nil {
			return nil, fmt.Errorf("member %s: %w", name, err)
		}
		out = append(out, namedMember{name, rm})
	}
	return out, nil
}

// targets returns the shape ids ts refer to, in order.
func targets(ts []rawTarget) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Target)
	}
	return out
}

// checkTargets fails when a member or a reference of a shape (input,
// output, error, bound operation or resource) names no known shape.
func (m *Model) checkTargets() error {
	for _, id := range m.ShapeIDs() {
		s := m.shapes[id]
		for _, mem := range s.Members {
			if m.Shape(mem.Target) == nil {
				return fmt.Errorf("smithymodel: %s$%s targets unknown shape %s",
					id, mem.Name, mem.Target)
			}
		}
		refs := append(append([]string{s.Input, s.Output}, s.Errors...), s.Operations...)
		refs = append(refs, s.Resources...)
		for _, ref := range refs {
			if ref != "" && m.Shape(ref) == nil {
				return fmt.Errorf("smithymodel: %s refers to unknown shape %s", id, ref)
			}
		}
		if err := m.checkBindings(id, s); err != nil {
			return err
		}
	}
	return nil
}

// checkBindings checks that the shapes s binds as operations and as
// resources are operation and resource shapes.
func (m *Model) checkBindings(id string, s *Shape) error {
	bindings := []struct {
		ids  []string
		kind string
	}{{s.Operations, "operation"}, {s.Resources, "resource"}}

	for _, b := range bindings {
		for _, ref := range b.ids {
			if got := m.Shape(ref); got != nil && got.Type != b.kind {
				return fmt.Errorf("smithymodel: %s binds %s in its %ss, but that "+
					"shape's type is %s", id, ref, b.kind, got.Type)
			}
		}
	}
	return nil
}

// ShapeIDs returns the ids of the model's own shapes in ascending order.
func (m *Model) ShapeIDs() []string {
	ids := make([]string, 0, len(m.shapes))
	for id := range m.shapes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Shape returns the shape with the given absolute id, including prelude
// shapes, or nil when there is none.
func (m *Model) Shape(id string) *Shape {
	if s, ok := m.shapes[id]; ok {
		return s
	}
	return preludeShape(id)
}

// Service returns the model's single service shape.
func (m *Model) Service() (*Shape, error) {
	var found []*Shape
	for _, id := range m.ShapeIDs() {
		if m.shapes[id].Type == "service" {
			found = append(found, m.shapes[id])
		}
	}
	if len(found) != 1 {
		return nil, fmt.Errorf("smithymodel: want exactly one service shape, found %d", len(found))
	}
	return found[0], nil
}

// Operations returns the service's operations sorted by name: those the
// service binds and those bound by its resources, at any depth.
func (m *Model) Operations() ([]*Shape, error) {
	svc, err := m.Service()
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var ops []*Shape
	m.collectOperations(svc, seen, &ops)
	sort.Slice(ops, func(i, j int) bool { return ops[i].Name() < ops[j].Name() })
	return ops, nil
}

// collectOperations adds the operations bound by s and by its resources,
// each once.
func (m *Model) collectOperations(s *Shape, seen map[string]bool, ops *[]*Shape) {
	for _, id := range s.Operations {
		if !seen[id] {
			seen[id] = true
			*ops = append(*ops, m.Shape(id))
		}
	}
	for _, id := range s.Resources {
		if !seen[id] {
			seen[id] = true
			m.collectOperations(m.Shape(id), seen, ops)
		}
	}
}

// Name returns the shape's name without its namespace.
func (s *Shape) Name() string {
	return Name(s.ID)
}

// Namespace returns the shape's namespace.
func (s *Shape) Namespace() string {
	ns, _, _ := strings.Cut(s.ID, "#")
	return ns
}

// Member returns the member with the given name, or nil.
func (s *Shape) Member(name string) *Member {
	for _, m := range s.Members {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// Name returns the name part of an absolute shape id.
func Name(id string) string {
	_, name, found := strings.Cut(id, "#")
	if !found {
		return id
	}
	return name
}

var preludeTypes = map[string]string{
	"String": "string", "Blob": "blob", "Boolean": "boolean", "Byte": "byte",
	"Short": "short", "Integer": "integer", "Long": "long", "Float": "float",
	"Double": "double", "BigInteger": "bigInteger", "BigDecimal": "bigDecimal",
	"Timestamp": "timestamp", "Document": "document", "Unit": "structure",
	"PrimitiveBoolean": "boolean", "PrimitiveInteger": "integer",
	"PrimitiveLong": "long",
}

func preludeShape(id string) *Shape {
	ns, name, _ := strings.Cut(id, "#")
	typ, ok := preludeTypes[name]
	if ns != Prelude || !ok {
		return nil
	}
	return &Shape{ID: id, Type: typ, Traits: Traits{}}
}
