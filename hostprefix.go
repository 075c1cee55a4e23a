package devopsagent

// This file holds the middleware that puts an operation's host prefix
// ("cp." for control-plane, "dp." for data-plane operations) in front of
// the resolved endpoint host.

import (
	"context"
	"fmt"

	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// hostPrefix is the Finalize middleware that prefixes the request host. It
// runs right after endpoint resolution and before signing, so the signed
// Host header carries the prefix.
type hostPrefix struct {
	prefix string

	// disabled is Options.DisableHostPrefix.
	disabled bool
}

// ID identifies the middleware in the stack.
func (*hostPrefix) ID() string { return "EndpointHostPrefix" }

// HandleFinalize prefixes the host unless prefixing is switched off by the
// option, by smithyhttp.DisableEndpointHostPrefix on the context, or
// because the endpoint's hostname was marked immutable.
func (m *hostPrefix) HandleFinalize(
	ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler,
) (middleware.FinalizeOutput, middleware.Metadata, error) {
	if m.skip(ctx) {
		return next.HandleFinalize(ctx, in)
	}

	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.FinalizeOutput{}, middleware.Metadata{},
			fmt.Errorf("host prefix: unexpected transport type %T", in.Request)
	}

	req.URL.Host = m.prefix + req.URL.Host
	return next.HandleFinalize(ctx, in)
}

func (m *hostPrefix) skip(ctx context.Context) bool {
	return m.prefix == "" || m.disabled ||
		smithyhttp.GetHostnameImmutable(ctx) ||
		smithyhttp.IsEndpointHostPrefixDisabled(ctx)
}
