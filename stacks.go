package devopsagent

// This file holds the client's cache of middleware stacks. Building a
// call's stack (invoke.go) takes some forty allocations, and for a call
// without optFns and without APIOptions it comes out the same every
// time: the same middlewares over the client's prepared call options.
// Such calls take a ready stack from a pool kept per operation and give
// it back when they are done. A smithy-go stack links itself to the
// call's next handler while it runs, so a stack serves one call at a
// time; the pool hands each concurrent call its own.
//
// APIOptions are not cached: they run once per call, as in the
// aws-sdk-go-v2 clients, so that one that keeps state per stack sees a
// fresh stack every call.

import (
	"sync"

	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// stackCache keeps the reusable stacks of one client, by operation.
type stackCache struct {
	pools sync.Map // *operation → *sync.Pool of *middleware.Stack
}

// reusable reports whether a call with options o can use a cached
// stack: o are the client's call defaults and hold no APIOptions.
func (c *Client) reusable(o *Options) bool {
	return o == c.callDefaults && len(o.APIOptions) == 0
}

// acquireStack returns the middleware stack of one call of op with
// options o, and whether it came from the cache, in which case the call
// hands it back with releaseStack once the stack has returned.
func (c *Client) acquireStack(op *operation, o *Options) (*middleware.Stack, bool, error) {
	reuse := c.reusable(o)
	if reuse {
		if stack, ok := c.stacks.pool(op).Get().(*middleware.Stack); ok {
			return stack, true, nil
		}
	}

	stack := middleware.NewStack(op.name, smithyhttp.NewStackRequest)
	if err := c.buildStack(stack, op, o); err != nil {
		return nil, false, err
	}
	return stack, reuse, nil
}

// releaseStack returns a stack acquireStack took from the cache.
func (c *Client) releaseStack(op *operation, stack *middleware.Stack) {
	c.stacks.pool(op).Put(stack)
}

// pool returns the pool of op's stacks, creating it on first use.
func (s *stackCache) pool(op *operation) *sync.Pool {
	if p, ok := s.pools.Load(op); ok {
		return p.(*sync.Pool)
	}
	p, _ := s.pools.LoadOrStore(op, new(sync.Pool))
	return p.(*sync.Pool)
}
