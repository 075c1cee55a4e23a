package serde

import (
	"fmt"

	smithy "github.com/aws/smithy-go"
)

// UnsendableError reports an input value that cannot be encoded: a union
// that holds an unknown member or a nil member value, or a document that
// cannot be written as JSON. It implements smithy.InvalidParamError, so the
// generated validators collect it beside missing required members and nest
// its path the same way; MissingMembers and Unsendable tell the two apart.
// Its text is the path and the reason, never the value.
type UnsendableError struct {
	context string
	nested  string
	field   string
	reason  string
}

var _ smithy.InvalidParamError = (*UnsendableError)(nil)

// NewUnsendableError returns an error for field (empty for the value
// itself, as with a union) that gives reason.
func NewUnsendableError(field, reason string) *UnsendableError {
	return &UnsendableError{field: field, reason: reason}
}

// Error returns the field path followed by the reason.
func (e *UnsendableError) Error() string {
	return e.Field() + ": " + e.reason
}

// Field returns the path of the value, such as
// "AssociateServiceInput.Configuration".
func (e *UnsendableError) Field() string {
	return joinPath(joinPath(e.context, e.nested), e.field)
}

// SetContext sets the name of the shape the value belongs to.
func (e *UnsendableError) SetContext(ctx string) {
	e.context = ctx
}

// AddNestedContext prepends an outer member name or index to the path.
func (e *UnsendableError) AddNestedContext(ctx string) {
	e.nested = joinPath(ctx, e.nested)
}

// CheckUnionMember files in p the problem of member, the union member
// the model calls name: an UnsendableError when it is a nil pointer, else
// what check finds in its value, nested under "[name]". check is nil when
// the value needs no check. The generated union validators call it once
// per member.
func CheckUnionMember[M ~struct{ Value V }, V any](p *smithy.InvalidParamsError, name string,
	member *M, check func(*V) smithy.InvalidParamsError,
) {
	if member == nil {
		p.Add(NewUnsendableError("", "union member "+name+" is a nil pointer"))
		return
	}
	if check == nil {
		return
	}

	value := struct{ Value V }(*member).Value
	p.AddNested("["+name+"]", check(&value))
}

// MissingMembers returns the problems in p other than unsendable values,
// that is the missing required members, as a smithy.InvalidParamsError, as
// the official client reports them; nil when there are none.
func MissingMembers(p smithy.InvalidParamsError) error {
	missing := smithy.InvalidParamsError{Context: p.Context}
	for _, err := range p.Errs() {
		_, unsendable := err.(*UnsendableError)
		if param, ok := err.(smithy.InvalidParamError); ok && !unsendable {
			missing.Add(param)
		}
	}
	if missing.Len() == 0 {
		return nil
	}
	return missing
}

// Unsendable returns the first unsendable value in p as a
// *smithy.SerializationError, the error the official client's serializer
// gives for it; nil when every value can be sent.
func Unsendable(p smithy.InvalidParamsError) error {
	for _, err := range p.Errs() {
		if unsendable, ok := err.(*UnsendableError); ok {
			return &smithy.SerializationError{Err: unsendable}
		}
	}
	return nil
}

func joinPath(path, next string) string {
	switch {
	case next == "":
		return path
	case path == "":
		return next
	case next[0] == '[':
		return path + next
	default:
		return path + "." + next
	}
}

// EmptyLabelError reports an input member bound to the URI path whose
// value is empty, which would change the request path.
func EmptyLabelError(member string) error {
	return &smithy.SerializationError{
		Err: fmt.Errorf("input member %s must not be empty", member),
	}
}

// MemberError wraps an error met while reading member ms, so that a
// decoding error names the path to the bad value, for example
// "tasks: createdAt: serde: invalid date-time ...".
func MemberError(ms *smithy.Schema, err error) error {
	return fmt.Errorf("%s: %w", ms.MemberName(), err)
}
