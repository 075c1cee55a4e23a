package devopsagent

// This file holds the Initialize middleware that fills an operation's
// idempotency token when the caller left it nil, and fillToken, which the
// generated withXToken functions call to do the filling.

import (
	"context"
	"fmt"

	"github.com/aws/smithy-go/middleware"
)

// idempotencyToken is the Initialize middleware that fills the token. It
// runs once per call, before the retry loop, so every attempt of a call
// carries the same token while separate calls get different ones. The
// operation's fill function works on a copy: the caller's input is never
// changed.
type idempotencyToken struct {
	fill     func(input any, newToken func() (string, error)) (any, error)
	provider IdempotencyTokenProvider
}

// ID identifies the middleware in the stack.
func (*idempotencyToken) ID() string { return "OperationIdempotencyTokenAutoFill" }

// HandleInitialize replaces the input with one whose token is set.
func (m *idempotencyToken) HandleInitialize(
	ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler,
) (middleware.InitializeOutput, middleware.Metadata, error) {
	params, err := m.fill(in.Parameters, m.provider.GetIdempotencyToken)
	if err != nil {
		return middleware.InitializeOutput{}, middleware.Metadata{},
			fmt.Errorf("fill idempotency token: %w", err)
	}

	in.Parameters = params
	return next.HandleInitialize(ctx, in)
}

// fillToken returns input, a *T, with the token that field points to taken
// from newToken when the caller left it nil. It fills a copy: the caller's
// value is never changed. op names the operation in errors.
func fillToken[T any](input any, newToken func() (string, error), op string,
	field func(*T) **string,
) (any, error) {
	in, ok := input.(*T)
	if !ok {
		return nil, fmt.Errorf("%s: unexpected input type %T", op, input)
	}
	if *field(in) != nil {
		return in, nil
	}

	token, err := newToken()
	if err != nil {
		return nil, fmt.Errorf("%s: generate idempotency token: %w", op, err)
	}
	filled := *in
	*field(&filled) = &token
	return &filled, nil
}
