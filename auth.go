package devopsagent

// This file holds the public side of request authentication, which
// follows smithy-go's auth scheme flow: the AuthSchemeResolver types and
// the default resolver, the identity resolvers Options provide, and the
// signing name and region overrides. The middlewares that run the flow
// on every attempt live in auth_steps.go; the default SigV4 scheme, its
// signer and the credentials identity in auth_sigv4.go.

import (
	"context"
	"errors"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithy "github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// signingName is the SigV4 service name of DevOps Agent.
const signingName = "aidevops"

// errNoCredentials is returned when SigV4 is chosen and
// Options.Credentials is nil.
var errNoCredentials = errors.New("no credentials: set Options.Credentials " +
	"(aws.AnonymousCredentials{} sends unsigned requests)")

// AuthResolverParameters are the inputs of auth scheme resolution.
type AuthResolverParameters struct {
	// Operation is the name of the operation being called.
	Operation string

	// Region is the client's Region.
	Region string
}

// AuthSchemeResolver lists the auth options an operation accepts, most
// preferred first. Set Options.AuthSchemeResolver to replace the default,
// which offers SigV4 and then no auth.
type AuthSchemeResolver interface {
	ResolveAuthSchemes(context.Context, *AuthResolverParameters) ([]*smithyauth.Option, error)
}

// defaultAuthSchemeResolver implements the service's auth traits: SigV4
// with signing name "aidevops" in the client's Region. No auth comes
// last; it is reached when SigV4 cannot be used: with
// aws.AnonymousCredentials, or AuthSchemes without a SigV4 scheme.
type defaultAuthSchemeResolver struct {
	// cached holds the options of the last Region asked for, which the
	// client's own auth step reuses call after call.
	cached atomic.Pointer[regionAuthOptions]
}

// regionAuthOptions are the default auth options for one Region.
type regionAuthOptions struct {
	region  string
	options []*smithyauth.Option
}

// ResolveAuthSchemes returns SigV4, then no auth, in a new slice the
// caller may change.
func (*defaultAuthSchemeResolver) ResolveAuthSchemes(
	_ context.Context, params *AuthResolverParameters,
) ([]*smithyauth.Option, error) {
	return defaultAuthOptions(params.Region), nil
}

// cachedOptions returns what ResolveAuthSchemes returns for region, from
// the cache when it holds region. The result is shared: only read it.
func (r *defaultAuthSchemeResolver) cachedOptions(region string) []*smithyauth.Option {
	if cached := r.cached.Load(); cached != nil && cached.region == region {
		return cached.options
	}

	options := defaultAuthOptions(region)
	r.cached.Store(&regionAuthOptions{region: region, options: options})
	return options
}

// defaultAuthOptions builds the default auth options for region.
func defaultAuthOptions(region string) []*smithyauth.Option {
	var props smithy.Properties
	smithyhttp.SetSigV4SigningName(&props, signingName)
	smithyhttp.SetSigV4SigningRegion(&props, region)

	return []*smithyauth.Option{
		{SchemeID: smithyauth.SchemeIDSigV4, SignerProperties: props},
		{SchemeID: smithyauth.SchemeIDAnonymous},
	}
}

// GetIdentityResolver returns the identity resolver Options provide for
// an auth scheme, or nil: SigV4 signs with Credentials (nil with
// aws.AnonymousCredentials, so that no auth is chosen instead), and no
// auth needs nothing. Auth schemes call it; it makes Options a
// smithyauth.IdentityResolverOptions.
func (o Options) GetIdentityResolver(schemeID string) smithyauth.IdentityResolver {
	switch schemeID {
	case smithyauth.SchemeIDSigV4:
		if isAnonymous(o.Credentials) {
			return nil
		}
		return &credentialsResolver{provider: o.Credentials}
	case smithyauth.SchemeIDAnonymous:
		return &smithyauth.AnonymousIdentityResolver{}
	}
	return nil
}

// isAnonymous reports whether p is aws.AnonymousCredentials.
func isAnonymous(p aws.CredentialsProvider) bool {
	return p != nil && aws.IsCredentialsProvider(p, (*aws.AnonymousCredentials)(nil))
}

// WithSigV4SigningName returns a functional option that signs SigV4
// requests with name as the service name, whatever the auth scheme
// resolver or a legacy endpoint says.
func WithSigV4SigningName(name string) func(*Options) {
	return withContextValue("SigV4SigningName", func(ctx context.Context) context.Context {
		return withSigningNameOverride(ctx, name)
	})
}

// WithSigV4SigningRegion returns a functional option that signs SigV4
// requests for region, whatever the auth scheme resolver or a legacy
// endpoint says.
func WithSigV4SigningRegion(region string) func(*Options) {
	return withContextValue("SigV4SigningRegion", func(ctx context.Context) context.Context {
		return withSigningRegionOverride(ctx, region)
	})
}

// withContextValue returns a functional option adding an Initialize
// middleware, named id, that applies set to the call's context. Applied
// twice, the later one replaces the earlier.
func withContextValue(id string, set func(context.Context) context.Context) func(*Options) {
	m := middleware.InitializeMiddlewareFunc(id, func(
		ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler,
	) (middleware.InitializeOutput, middleware.Metadata, error) {
		return next.HandleInitialize(set(ctx), in)
	})

	return WithAPIOptions(func(stack *middleware.Stack) error {
		if _, ok := stack.Initialize.Get(id); ok {
			_, err := stack.Initialize.Swap(id, m)
			return err
		}
		return stack.Initialize.Add(m, middleware.Before)
	})
}
