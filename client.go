// Package devopsagent is a client for the AWS DevOps Agent service, API
// version 2026-01-01, compatible with the operations it covers of
// github.com/aws/aws-sdk-go-v2/service/devopsagent.
//
// Create a Client with NewFromConfig (from an aws.Config) or New (from
// Options) and call its operation methods. Every method accepts
// functional options that adjust Options for that call only.
package devopsagent

// This file holds the Client type and its constructor. Options live in
// options.go, the per-call middleware stack in invoke.go, and the
// operations in the generated api_op_*.go files.

import (
	"sync/atomic"

	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/transport/http/protocol/restjson1"

	"github.com/devopsagent-go/devopsagent/internal/schemas"
)

// ServiceID is the SDK identifier of the service.
const ServiceID = "DevOps Agent"

// ServiceAPIVersion is the API version this client speaks.
const ServiceAPIVersion = "2026-01-01"

// moduleName and moduleVersion identify this client in the User-Agent.
const (
	moduleName    = "devopsagent-go"
	moduleVersion = "0.1.0"
)

// Client calls the DevOps Agent API. It is safe for concurrent use; its
// Options are fixed when it is created.
type Client struct {
	options Options

	// callDefaults are options as calls without optFns use them:
	// options with the per-call adjustments made once.
	callDefaults *Options

	// protocol encodes requests and decodes responses (restJson1).
	protocol *restjson1.Protocol

	// errorTypes holds the modeled error types responses decode into.
	errorTypes *smithy.TypeRegistry

	// defaultTransport sends the requests of calls made with
	// callDefaults.
	defaultTransport middleware.Handler

	// stacks keeps the middleware stacks of calls made with
	// callDefaults, for reuse (stacks.go).
	stacks stackCache

	// clockOffset is the server's clock minus ours, in nanoseconds, as
	// last measured from a response; signing times are shifted by it.
	clockOffset *atomic.Int64
}

// New returns a Client configured by options, then adjusted by optFns.
// Unset options get their defaults (see Options).
func New(options Options, optFns ...func(*Options)) *Client {
	options = options.Copy()
	for _, fn := range optFns {
		fn(&options)
	}
	// The client keeps its own copy of the endpoint an optFn may have
	// pointed at: a later change through the caller's pointer reaches no
	// call, where it would reach only uncached ones (stacks.go).
	options.BaseEndpoint = ownString(options.BaseEndpoint)
	clockOffset := new(atomic.Int64)
	resolveDefaults(&options, clockOffset)

	callDefaults := options.Copy()
	finalizeCallOptions(&callDefaults, options, clockOffset)

	return &Client{
		options:          options,
		callDefaults:     &callDefaults,
		defaultTransport: newTransport(&callDefaults),
		protocol:         restjson1.New(schemas.Service),
		errorTypes:       typeRegistry,
		clockOffset:      clockOffset,
	}
}

// Options returns a copy of the client's options.
func (c *Client) Options() Options {
	return c.options.Copy()
}
