package devopsagent

// This file holds invokeOperation, which every generated operation method
// calls: it applies the per-call options, builds the call's middleware
// stack from the operation descriptor (operation.go), or takes a ready
// one from the client's cache (stacks.go), and runs it.
//
// The stack, step by step:
//
//	Initialize  idempotency token fill, input validation
//	Serialize   legacy endpoint resolver, restJson1 request encoding
//	Build       client request ID, User-Agent, recursion detection
//	Finalize    retry loop, then per attempt: auth scheme, identity,
//	            endpoint resolution, host prefix, payload hash, signing
//	Deserialize raw response and request ID into metadata, error
//	            wrapping, restJson1 decoding, response timing, logging
//
// Interceptors (interceptors.go) are added around these, and the call
// runs inside its tracing span and duration metric (telemetry.go).

import (
	"context"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// invokeOperation sends one call of op with params and returns the
// decoded output and the call's metadata. Errors are wrapped in a
// *smithy.OperationError naming the service and operation.
func (c *Client) invokeOperation(
	ctx context.Context, op *operation, params smithy.Serializable, optFns []func(*Options),
) (result any, metadata middleware.Metadata, err error) {
	options := c.callOptions(optFns)
	ctx = operationContext(ctx, options, op.name)

	ctx, err = withCallMetrics(ctx, options.MeterProvider)
	if err != nil {
		return nil, metadata, operationError(op, err)
	}
	stack, cached, err := c.acquireStack(op, options)
	if err != nil {
		return nil, metadata, operationError(op, err)
	}
	ctx, span := startOperationSpan(ctx, options.TracerProvider, op.name)
	defer span.End()

	result, metadata, err = handle(ctx, stack, c.transport(options), params, span)
	if cached {
		c.releaseStack(op, stack)
	}
	if err != nil {
		return nil, metadata, operationError(op, err)
	}
	return result, metadata, nil
}

// handle runs the stack over the transport, timed, and records the
// outcome on the call's span.
func handle(ctx context.Context, stack *middleware.Stack, transport middleware.Handler,
	params any, span tracing.Span,
) (any, middleware.Metadata, error) {
	stop := startTimer(ctx, metricCall)
	defer stop()

	result, metadata, err := stack.HandleMiddleware(ctx, params, transport)
	finishOperationSpan(span, err)
	return result, metadata, err
}

// transport returns the handler that sends a call's requests with
// o.HTTPClient, reporting to o.MeterProvider: for the client's call
// defaults the one made by New.
func (c *Client) transport(o *Options) middleware.Handler {
	if o == c.callDefaults {
		return c.defaultTransport
	}
	return newTransport(o)
}

// newTransport returns the handler that sends requests with
// o.HTTPClient, reporting to o.MeterProvider.
func newTransport(o *Options) middleware.Handler {
	return smithyhttp.NewClientHandlerWithOptions(o.HTTPClient,
		func(h *smithyhttp.ClientHandler) { h.Meter = o.MeterProvider.Meter(telemetryScope) })
}

// operationError wraps err with the service and operation names.
func operationError(op *operation, err error) error {
	return &smithy.OperationError{ServiceID: ServiceID, OperationName: op.name, Err: err}
}

// callOptions returns the client's options adjusted by the call's
// optFns. Without optFns they are the client's prepared call options,
// shared by all such calls: the call only reads them.
func (c *Client) callOptions(optFns []func(*Options)) *Options {
	if len(optFns) == 0 {
		return c.callDefaults
	}

	options := c.options.Copy()
	for _, fn := range optFns {
		fn(&options)
	}
	finalizeCallOptions(&options, c.options, c.clockOffset)
	return &options
}

// operationContext stores what the SDK middlewares read from the context:
// service and operation names, logger and region.
func operationContext(ctx context.Context, o *Options, name string) context.Context {
	ctx = middleware.ClearStackValues(ctx)
	ctx = middleware.WithServiceID(ctx, ServiceID)
	ctx = middleware.WithOperationName(ctx, name)
	ctx = middleware.SetLogger(ctx, o.Logger)

	ctx = awsmiddleware.SetServiceID(ctx, ServiceID)
	ctx = awsmiddleware.SetOperationName(ctx, name)
	return awsmiddleware.SetRegion(ctx, o.Region)
}

// buildStack adds every middleware of a call, then the caller's
// APIOptions, which may rearrange them.
func (c *Client) buildStack(stack *middleware.Stack, op *operation, o *Options) error {
	if err := c.addInitialize(stack, op, o); err != nil {
		return err
	}
	if err := c.addSerialize(stack, op, o); err != nil {
		return err
	}
	if err := addBuild(stack, o); err != nil {
		return err
	}
	if err := c.addFinalize(stack, op, o); err != nil {
		return err
	}
	if err := c.addDeserialize(stack, op, o); err != nil {
		return err
	}
	if err := addInterceptors(stack, o.Interceptors); err != nil {
		return err
	}

	for _, fn := range o.APIOptions {
		if err := fn(stack); err != nil {
			return err
		}
	}
	return nil
}

// addInitialize adds the token fill and validation, in that order.
func (c *Client) addInitialize(stack *middleware.Stack, op *operation, o *Options) error {
	if op.withIdempotencyToken != nil {
		fill := &idempotencyToken{
			fill:     op.withIdempotencyToken,
			provider: o.IdempotencyTokenProvider,
		}
		if err := stack.Initialize.Add(fill, middleware.After); err != nil {
			return err
		}
	}
	if op.validate != nil {
		return stack.Initialize.Add(&validateInput{validate: op.validate}, middleware.After)
	}
	return nil
}

// addSerialize adds the legacy endpoint resolver and the restJson1
// request encoder, timed when telemetry is on.
func (c *Client) addSerialize(stack *middleware.Stack, op *operation, o *Options) error {
	legacy := &ResolveEndpoint{Resolver: o.EndpointResolver, Options: o.EndpointOptions}
	if err := stack.Serialize.Add(legacy, middleware.After); err != nil {
		return err
	}

	var serialize middleware.SerializeMiddleware = &serializeRequest{
		protocol: c.protocol, schema: op.schema,
	}
	if telemetryOn(o) {
		serialize = timedSerializer{serialize}
	}
	return stack.Serialize.Add(serialize, middleware.After)
}

// addBuild adds the invocation ID, User-Agent and recursion detection
// headers.
func addBuild(stack *middleware.Stack, o *Options) error {
	if err := awsmiddleware.AddClientRequestIDMiddleware(stack); err != nil {
		return err
	}
	agent := awsmiddleware.AddSDKAgentKeyValue(awsmiddleware.FrameworkMetadata,
		moduleName, moduleVersion)
	if err := agent(stack); err != nil {
		return err
	}
	if o.AppID != "" {
		app := awsmiddleware.AddSDKAgentKey(awsmiddleware.ApplicationIdentifier, o.AppID)
		if err := app(stack); err != nil {
			return err
		}
	}
	return awsmiddleware.AddRecursionDetection(stack)
}

// addFinalize adds the retry loop and, inside it, what each attempt
// repeats: auth scheme and identity, endpoint, host prefix, payload hash
// and signature.
func (c *Client) addFinalize(stack *middleware.Stack, op *operation, o *Options) error {
	attempt := retry.NewAttemptMiddleware(o.Retryer, smithyhttp.RequestCloner,
		func(a *retry.Attempt) {
			a.LogAttempts = o.ClientLogMode.IsRetries()
			a.ClientSkew = c.clockOffset
			a.OperationMeter = o.MeterProvider.Meter(telemetryScope)
		})

	for _, m := range []middleware.FinalizeMiddleware{
		attempt,
		&resolveAuthScheme{operation: op.name, options: o},
		&getIdentityStep{options: o},
		newResolveEndpoint(o),
		&hostPrefix{prefix: op.hostPrefix, disabled: o.DisableHostPrefix},
		&v4.ComputePayloadSHA256{},
		&signRequest{clockOffset: c.clockOffset},
	} {
		if err := stack.Finalize.Add(m, middleware.After); err != nil {
			return err
		}
	}
	return nil
}

// addDeserialize adds the response handling, outermost first: the
// logger is added last and so sees the raw response first. The decoder
// is timed when telemetry is on.
func (c *Client) addDeserialize(stack *middleware.Stack, op *operation, o *Options) error {
	errs := errorDecoder{protocol: c.protocol, types: c.errorTypes}
	var deserialize middleware.DeserializeMiddleware = &deserializeResponse{
		protocol: c.protocol, op: op, errors: errs,
	}
	if telemetryOn(o) {
		deserialize = timedDeserializer{deserialize}
	}

	for _, m := range []middleware.DeserializeMiddleware{
		&awsmiddleware.AddRawResponse{},
		&awshttp.ResponseErrorWrapper{},
		&recordRequestID{},
		deserialize,
		&awsmiddleware.RecordResponseTiming{},
		&logHTTP{mode: o.ClientLogMode, op: op, errors: errs},
	} {
		if err := stack.Deserialize.Add(m, middleware.After); err != nil {
			return err
		}
	}
	return nil
}
