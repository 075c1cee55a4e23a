package devopsagent

// This file holds the middlewares that authenticate every attempt, in
// this order inside the retry loop (invoke.go):
//
//	ResolveAuthScheme  ask Options.AuthSchemeResolver for the operation's
//	                   auth options and pick the first one that
//	                   Options.AuthSchemes can serve (AuthSchemePreference
//	                   first); "no auth" needs no scheme
//	GetIdentity        get the identity (AWS credentials) from the
//	                   scheme's identity resolver
//	Signing            sign with the scheme's signer, after endpoint
//	                   resolution and host prefixing

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	smithy "github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// resolvedAuth is the auth scheme chosen for an attempt with the
// properties of the option that chose it.
type resolvedAuth struct {
	scheme        smithyhttp.AuthScheme
	identityProps smithy.Properties

	// signerProps may share its map with the option's: replace it with
	// a changed copy, never change it in place.
	signerProps smithy.Properties

	// identityResolver is the scheme's identity resolver for the call's
	// options, found while choosing the scheme; nil for no auth.
	identityResolver smithyauth.IdentityResolver
}

type (
	resolvedAuthKey struct{}
	identityKey     struct{}
)

// getResolvedAuth returns the attempt's auth scheme, or nil.
func getResolvedAuth(ctx context.Context) *resolvedAuth {
	v, _ := middleware.GetStackValue(ctx, resolvedAuthKey{}).(*resolvedAuth)
	return v
}

// getIdentity returns the attempt's identity, or nil.
func getIdentity(ctx context.Context) smithyauth.Identity {
	v, _ := middleware.GetStackValue(ctx, identityKey{}).(smithyauth.Identity)
	return v
}

// resolveAuthScheme is the Finalize middleware that picks the attempt's
// auth scheme.
type resolveAuthScheme struct {
	operation string
	options   *Options
}

// ID names the middleware as the aws-sdk-go-v2 clients do.
func (*resolveAuthScheme) ID() string { return "ResolveAuthScheme" }

// HandleFinalize resolves the auth scheme and stores it on the context.
func (m *resolveAuthScheme) HandleFinalize(
	ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler,
) (middleware.FinalizeOutput, middleware.Metadata, error) {
	chosen, err := m.resolve(ctx)
	if err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}
	return next.HandleFinalize(middleware.WithStackValue(ctx, resolvedAuthKey{}, chosen), in)
}

// resolve asks the resolver for the auth options and chooses one.
func (m *resolveAuthScheme) resolve(ctx context.Context) (*resolvedAuth, error) {
	_, span := tracing.StartSpan(ctx, "ResolveAuthScheme")
	defer span.End()

	options, err := m.authOptions(ctx)
	if err != nil {
		return nil, fmt.Errorf("resolve auth scheme: %w", err)
	}

	chosen, err := m.choose(options)
	if err != nil {
		return nil, err
	}
	if tracingOn(ctx) {
		span.SetProperty("auth.scheme_id", chosen.scheme.SchemeID())
	}
	return chosen, nil
}

// authOptions asks Options.AuthSchemeResolver for the operation's auth
// options. The default resolver's answer for the Region is cached, as it
// never changes; the cached options are only read.
func (m *resolveAuthScheme) authOptions(ctx context.Context) ([]*smithyauth.Option, error) {
	if def, ok := m.options.AuthSchemeResolver.(*defaultAuthSchemeResolver); ok {
		return def.cachedOptions(m.options.Region), nil
	}
	params := &AuthResolverParameters{Operation: m.operation, Region: m.options.Region}
	return m.options.AuthSchemeResolver.ResolveAuthSchemes(ctx, params)
}

// choose returns the first option, in preference order, that is no auth
// or that a configured scheme with an identity resolver serves.
func (m *resolveAuthScheme) choose(options []*smithyauth.Option) (*resolvedAuth, error) {
	for _, option := range preferred(options, m.options.AuthSchemePreference) {
		if option.SchemeID == smithyauth.SchemeIDAnonymous {
			return newResolvedAuth(smithyhttp.NewAnonymousScheme(), option), nil
		}
		for _, scheme := range m.options.AuthSchemes {
			if !sameScheme(scheme.SchemeID(), option.SchemeID) {
				continue
			}
			if resolver := scheme.IdentityResolver(m.options); resolver != nil {
				chosen := newResolvedAuth(scheme, option)
				chosen.identityResolver = resolver
				return chosen, nil
			}
		}
	}
	return nil, fmt.Errorf("could not select an auth scheme from %d options", len(options))
}

// newResolvedAuth pairs scheme with the option's properties: a fresh
// copy of the identity properties, which identity resolvers receive,
// and the signer properties as they are, which are copied before they
// change (applyEndpointAuth) or leave this package (signerProperties).
func newResolvedAuth(scheme smithyhttp.AuthScheme, option *smithyauth.Option) *resolvedAuth {
	r := &resolvedAuth{scheme: scheme, signerProps: option.SignerProperties}
	r.identityProps.SetAll(&option.IdentityProperties)
	return r
}

// preferred returns options reordered so that the schemes named in
// preference come first, in that order; the rest keep their order.
func preferred(options []*smithyauth.Option, preference []string) []*smithyauth.Option {
	if len(preference) == 0 {
		return options
	}

	sorted := make([]*smithyauth.Option, 0, len(options))
	for _, name := range preference {
		for _, option := range options {
			if shortSchemeName(option.SchemeID) == name && !slices.Contains(sorted, option) {
				sorted = append(sorted, option)
			}
		}
	}
	for _, option := range options {
		if !slices.Contains(sorted, option) {
			sorted = append(sorted, option)
		}
	}
	return sorted
}

// shortSchemeName returns the part of a scheme id after "#": "sigv4" for
// "aws.auth#sigv4".
func shortSchemeName(id string) string {
	_, name, found := strings.Cut(id, "#")
	if !found {
		return id
	}
	return name
}

// sameScheme reports whether a configured scheme id matches an option's
// scheme id, which may be given in full or by its short name.
func sameScheme(configured, option string) bool {
	return configured == option || shortSchemeName(configured) == option
}

// getIdentityStep is the Finalize middleware that gets the identity of the
// attempt's auth scheme.
type getIdentityStep struct {
	options *Options
}

// ID names the middleware as the aws-sdk-go-v2 clients do.
func (*getIdentityStep) ID() string { return "GetIdentity" }

// HandleFinalize gets the identity and stores it on the context.
func (m *getIdentityStep) HandleFinalize(
	ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler,
) (middleware.FinalizeOutput, middleware.Metadata, error) {
	identity, err := m.identity(ctx)
	if err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, fmt.Errorf("get identity: %w", err)
	}
	return next.HandleFinalize(middleware.WithStackValue(ctx, identityKey{}, identity), in)
}

// identity asks the scheme's identity resolver for the identity.
func (m *getIdentityStep) identity(ctx context.Context) (smithyauth.Identity, error) {
	spanCtx, span := tracing.StartSpan(ctx, "GetIdentity")
	defer span.End()

	auth := getResolvedAuth(ctx)
	if auth == nil {
		return nil, errors.New("no auth scheme resolved")
	}
	resolver := auth.identityResolver
	if resolver == nil {
		resolver = auth.scheme.IdentityResolver(m.options)
	}
	if resolver == nil {
		return nil, fmt.Errorf("no identity resolver for %s", auth.scheme.SchemeID())
	}

	stop := startSchemeTimer(ctx, metricResolveIdentity, auth.scheme.SchemeID())
	defer stop()
	return resolver.GetIdentity(spanCtx, auth.identityProps)
}

// signRequest is the Finalize middleware that signs each attempt. It runs
// inside the retry loop, after endpoint resolution, host prefixing and
// payload hashing, so every attempt gets a fresh signature over the final
// host and body.
type signRequest struct {
	// clockOffset is shared with the client: the SigV4 signer shifts
	// signing times by it, and it is updated from each response's Date
	// header.
	clockOffset *atomic.Int64
}

// ID names the middleware as the aws-sdk-go-v2 clients do.
func (*signRequest) ID() string { return "Signing" }

// HandleFinalize signs the request, sends it on, and records the clock
// skew the response showed.
func (m *signRequest) HandleFinalize(
	ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler,
) (middleware.FinalizeOutput, middleware.Metadata, error) {
	if err := sign(ctx, in.Request); err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, fmt.Errorf("sign request: %w", err)
	}

	out, metadata, err := next.HandleFinalize(ctx, in)
	if skew, ok := awsmiddleware.GetAttemptSkew(metadata); ok {
		m.clockOffset.Store(int64(skew))
	}
	return out, metadata, err
}

// sign signs request with the attempt's scheme and identity.
func sign(ctx context.Context, request any) error {
	_, span := tracing.StartSpan(ctx, "SignRequest")
	defer span.End()

	req, ok := request.(*smithyhttp.Request)
	if !ok {
		return fmt.Errorf("unexpected transport type %T", request)
	}
	auth, identity := getResolvedAuth(ctx), getIdentity(ctx)
	if auth == nil || identity == nil {
		return errors.New("no auth scheme or identity resolved")
	}
	signer := auth.scheme.Signer()
	if signer == nil {
		return fmt.Errorf("auth scheme %s has no signer", auth.scheme.SchemeID())
	}

	stop := startSchemeTimer(ctx, metricSigning, auth.scheme.SchemeID())
	defer stop()
	return signer.SignRequest(ctx, req, identity, signerProperties(ctx, auth))
}

// signerProperties returns the scheme's signer properties with the
// signing name and region a caller set on the context
// (WithSigV4SigningName, WithSigV4SigningRegion, a legacy endpoint) in
// place of the resolved ones. Signers get a copy they may change, except
// the default SigV4 signer, which only reads them, when nothing is
// overridden.
func signerProperties(ctx context.Context, auth *resolvedAuth) smithy.Properties {
	isSigV4 := auth.scheme.SchemeID() == smithyauth.SchemeIDSigV4
	name, region := "", ""
	if isSigV4 {
		name, region = signingNameOverride(ctx), signingRegionOverride(ctx)
	}
	if _, ours := auth.scheme.(*sigV4Scheme); ours && name == "" && region == "" {
		return auth.signerProps
	}

	var props smithy.Properties
	props.SetAll(&auth.signerProps)
	if name != "" {
		smithyhttp.SetSigV4SigningName(&props, name)
	}
	if region != "" {
		smithyhttp.SetSigV4SigningRegion(&props, region)
	}
	return props
}
