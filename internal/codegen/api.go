package codegen

import (
	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// This file defines the generator's view of a service: every shape the
// service reaches, with its Go name, Go package, schema variable and
// member encodings. resolve.go builds it from a smithymodel.Model; the
// emit_*.go files only read it.

// pkg identifies a generated Go package.
type pkg int

const (
	pkgRoot  pkg = iota // the client package: operations, inputs, outputs
	pkgTypes            // package types: structures, unions, enums, errors
)

// api is the whole service as the emitters see it.
type api struct {
	model     *smithymodel.Model
	service   *smithymodel.Shape
	namespace string // namespace of the service shape
	module    string // import path of the module the code is written to
	pkgName   string // name of the root package
	title     string // service name used in doc comments
	docs      *docs

	modelOps   []*smithymodel.Shape // operations to generate, sorted by name
	operations []*operation         // sorted by name
	shapes     []*shape             // every reachable model shape, sorted by name
	byID       map[string]*shape
}

// shape is one model shape (or prelude shape) and its Go rendering.
type shape struct {
	model   *smithymodel.Shape
	kind    kind
	name    string // shape name without namespace
	goName  string // Go type name of structures, unions and enums
	pkg     pkg    // package holding goName
	schema  string // variable in package schemas, or "smithyprelude.X"
	prelude bool

	// members of structures and unions (model order), enums (model order),
	// lists ("member") and maps ("key", "value").
	members []*member

	isError bool       // structure with the error trait
	op      *operation // set for operation input and output structures
}

// member is one member of a structure, union, list, map or enum.
type member struct {
	model  *smithymodel.Member
	parent *shape
	target *shape

	name     string // model member name
	wireName string // JSON object key (jsonName trait or name)
	field    string // Go field name
	schema   string // schema variable, Parent_name

	pointer   bool // Go field is *T
	required  bool
	sensitive bool // the member or its target carries the sensitive trait

	location     location
	locationName string // header or query parameter name
	tsFormat     string // effective timestamp format of timestamp targets

	doc        string
	deprecated string // deprecation message, when deprecated

	idempotencyToken bool
	enumValue        string // wire value of an enum member
}

// location is where an input or output member travels in the request or
// response.
type location int

const (
	inBody location = iota
	inLabel
	inQuery
	inHeader
	inPayload
	inOther // prefix headers, query params map, response code
)

// operation is one service operation.
type operation struct {
	model      *smithymodel.Shape
	name       string
	doc        string
	http       smithymodel.HTTP
	hostPrefix string
	input      *shape
	output     *shape
	token      *member // idempotency token member of the input, if any
	paginator  *paginator
	waiters    []*waiter // sorted by name
}

// paginator describes an operation's paginated trait in Go terms.
type paginator struct {
	inputToken  *member
	outputToken *member
	pageSize    *member // nil when the operation has no page size
}

// isUnit reports the prelude Unit shape, which marks "no input/output".
func (s *shape) isUnit() bool {
	return s.prelude && s.name == "Unit"
}

// member returns the member with the given name, or nil.
func (s *shape) member(name string) *member {
	for _, m := range s.members {
		if m.name == name {
			return m
		}
	}
	return nil
}

// elem returns the element shape of a list or the value shape of a map.
func (s *shape) elem() *member {
	switch s.kind {
	case kindList:
		return s.member("member")
	case kindMap:
		return s.member("value")
	}
	return nil
}
