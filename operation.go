package devopsagent

import (
	smithy "github.com/aws/smithy-go"
)

// operation describes one API operation to the shared invoke path. The
// generated api_op_*.go files declare one value per operation; the
// hand-written runtime builds the middleware stack from it.
type operation struct {
	// name is the operation's model name, for example "GetService".
	name string

	// schema carries the operation's http trait and its input and output
	// schemas, which drive the restJson1 protocol's HTTP bindings.
	schema *smithy.OperationSchema

	// hostPrefix is prepended to the endpoint host ("cp." or "dp."), or "".
	hostPrefix string

	// newOutput returns an empty output value to decode a response into.
	newOutput func() smithy.Deserializable

	// validate checks the input before anything is sent: it reports the
	// missing required members by path (smithy.InvalidParamsError), then
	// the first value that cannot be sent (smithy.SerializationError). It
	// is nil when the input has nothing to check.
	validate func(input any) error

	// withIdempotencyToken returns the input with its idempotency token
	// set. It calls newToken only when the caller left the token nil, and
	// then works on a copy so the caller's value is never changed. It is
	// nil when the operation has no idempotency token.
	withIdempotencyToken func(input any, newToken func() (string, error)) (any, error)
}
