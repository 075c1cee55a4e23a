package serde

import (
	"fmt"

	smithy "github.com/aws/smithy-go"
)

// InvalidParamError reports an input value that cannot be sent, such as a
// union that holds an unknown member or a nil member value. It implements
// smithy.InvalidParamError, so it is collected in the same
// smithy.InvalidParamsError as missing required members and its Field names
// the full path, for example "AssociateServiceInput.Configuration".
type InvalidParamError struct {
	context string
	nested  string
	field   string
	reason  string
}

var _ smithy.InvalidParamError = (*InvalidParamError)(nil)

// NewInvalidParamError returns an error for field (empty for the value
// itself, as with a union) that gives reason.
func NewInvalidParamError(field, reason string) *InvalidParamError {
	return &InvalidParamError{field: field, reason: reason}
}

// Error returns the reason followed by the field path.
func (e *InvalidParamError) Error() string {
	return fmt.Sprintf("%s, %s.", e.reason, e.Field())
}

// Field returns the path of the invalid value.
func (e *InvalidParamError) Field() string {
	return joinPath(joinPath(e.context, e.nested), e.field)
}

// SetContext sets the name of the shape the value belongs to.
func (e *InvalidParamError) SetContext(ctx string) {
	e.context = ctx
}

// AddNestedContext prepends an outer member name or index to the path.
func (e *InvalidParamError) AddNestedContext(ctx string) {
	e.nested = joinPath(ctx, e.nested)
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
