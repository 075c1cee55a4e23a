package devopsagent

// This file holds the Initialize middleware that checks an operation's
// input before anything is sent.

import (
	"context"

	"github.com/aws/smithy-go/middleware"
)

// validateInput is the Initialize middleware that runs the operation's
// generated validator. It follows the idempotency token fill, so a token
// the client supplies satisfies a required token member.
type validateInput struct {
	validate func(input any) error
}

// ID identifies the middleware in the stack.
func (*validateInput) ID() string { return "OperationInputValidation" }

// HandleInitialize rejects an invalid input with the validator's error,
// which names the offending field path.
func (m *validateInput) HandleInitialize(
	ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler,
) (middleware.InitializeOutput, middleware.Metadata, error) {
	if err := m.validate(in.Parameters); err != nil {
		return middleware.InitializeOutput{}, middleware.Metadata{}, err
	}
	return next.HandleInitialize(ctx, in)
}
