package devopsagent

// This file holds the legacy (v1) endpoint resolver API that the
// aws-sdk-go-v2 clients keep for old code: the EndpointResolver
// interface, its helpers, the default v1 resolver, and the ResolveEndpoint
// middleware that asks Options.EndpointResolver before the endpoint rules
// (endpoints.go) run.
//
// What a legacy endpoint does to a call:
//   - its URL is used as is, instead of EndpointResolverV2's endpoint;
//   - HostnameImmutable keeps the host prefix and DisableHTTPS off it;
//   - SigningName and SigningRegion replace the signing name and region
//     (WithSigV4SigningName and WithSigV4SigningRegion still win);
//   - an *aws.EndpointNotFoundError hands resolution back to
//     EndpointResolverV2; any other error fails the call.
//
// aws.Endpoint and the aws.Config resolvers are deprecated; supporting
// them is this file's job.
//
//lint:file-ignore SA1019 this file implements the deprecated v1 API

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// EndpointResolver is the legacy (v1) endpoint resolver: it returns the
// endpoint of a region. New code should set BaseEndpoint or
// EndpointResolverV2 instead.
type EndpointResolver interface {
	ResolveEndpoint(region string, options EndpointResolverOptions) (aws.Endpoint, error)
}

// EndpointResolverFunc is a function that is an EndpointResolver.
type EndpointResolverFunc func(region string, options EndpointResolverOptions) (aws.Endpoint, error)

// ResolveEndpoint calls fn.
func (fn EndpointResolverFunc) ResolveEndpoint(
	region string, options EndpointResolverOptions,
) (aws.Endpoint, error) {
	return fn(region, options)
}

// EndpointResolverFromURL returns an EndpointResolver that always
// returns url, with source aws.EndpointSourceCustom and, unless optFns
// set one, the region of the call as signing region. optFns adjust the
// endpoint once, when the resolver is made.
func EndpointResolverFromURL(url string, optFns ...func(*aws.Endpoint)) EndpointResolver {
	endpoint := aws.Endpoint{URL: url, Source: aws.EndpointSourceCustom}
	for _, fn := range optFns {
		fn(&endpoint)
	}

	return EndpointResolverFunc(func(region string, _ EndpointResolverOptions) (aws.Endpoint, error) {
		e := endpoint
		if e.SigningRegion == "" {
			e.SigningRegion = region
		}
		return e, nil
	})
}

// WithEndpointResolver returns a functional option that sets
// Options.EndpointResolver.
//
// Deprecated: use BaseEndpoint or WithEndpointResolverV2.
func WithEndpointResolver(v EndpointResolver) func(*Options) {
	return func(o *Options) {
		o.EndpointResolver = v
	}
}

// DefaultEndpointResolver is the v1 endpoint table of the service:
// https://aidevops[-fips].<region>.<suffix>, where the suffix is the
// partition's plain DNS suffix (amazonaws.com in the aws partition), or
// its dual-stack suffix (api.aws) when UseDualStackEndpoint is enabled.
// These hosts predate the endpoint rules, which resolve dual-stack hosts
// only; prefer EndpointResolverV2.
type DefaultEndpointResolver struct{}

// NewDefaultEndpointResolver returns the v1 endpoint table of the
// service, for legacy resolvers that fall back to it.
func NewDefaultEndpointResolver() *DefaultEndpointResolver {
	return &DefaultEndpointResolver{}
}

// ResolveEndpoint returns the v1 endpoint of region (of
// options.ResolvedRegion when set). It fails for an empty region with
// *aws.MissingRegionError, and for a dual-stack endpoint in a partition
// without one.
func (*DefaultEndpointResolver) ResolveEndpoint(
	region string, options EndpointResolverOptions,
) (aws.Endpoint, error) {
	if region == "" {
		return aws.Endpoint{}, &aws.MissingRegionError{}
	}
	if options.ResolvedRegion != "" {
		region = options.ResolvedRegion
	}

	p := legacyPartitionFor(region)
	suffix := p.dnsSuffix
	if options.UseDualStackEndpoint == aws.DualStackEndpointStateEnabled {
		if !p.legacyDualStack {
			return aws.Endpoint{}, fmt.Errorf("unable to resolve endpoint for region: %v", region)
		}
		suffix = p.dualStackDNSSuffix
	}

	scheme, name := "https", signingName
	if options.DisableHTTPS {
		scheme = "http"
	}
	if options.UseFIPSEndpoint == aws.FIPSEndpointStateEnabled {
		name += "-fips"
	}
	return aws.Endpoint{
		URL:           scheme + "://" + name + "." + region + "." + suffix,
		PartitionID:   p.id,
		SigningRegion: region,
		SigningMethod: "v4",
	}, nil
}

// ResolveEndpoint is the Serialize middleware that asks the legacy
// Resolver for the call's endpoint. With a nil Resolver it does nothing.
type ResolveEndpoint struct {
	// Resolver is the legacy resolver; the client sets
	// Options.EndpointResolver.
	Resolver EndpointResolver

	// Options are passed to Resolver, with the call's logger.
	Options EndpointResolverOptions
}

// ID names the middleware as the aws-sdk-go-v2 clients do.
func (*ResolveEndpoint) ID() string { return "ResolveEndpoint" }

// HandleSerialize resolves the legacy endpoint and records it, and what
// it says about host and signing, on the context.
func (m *ResolveEndpoint) HandleSerialize(
	ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler,
) (middleware.SerializeOutput, middleware.Metadata, error) {
	if m.Resolver == nil {
		return next.HandleSerialize(ctx, in)
	}

	options := m.Options
	options.Logger = middleware.GetLogger(ctx)
	endpoint, err := m.Resolver.ResolveEndpoint(awsmiddleware.GetRegion(ctx), options)
	var notFound *aws.EndpointNotFoundError
	if errors.As(err, &notFound) {
		return next.HandleSerialize(ctx, in)
	}
	if err != nil {
		return middleware.SerializeOutput{}, middleware.Metadata{},
			fmt.Errorf("failed to resolve service endpoint, %w", err)
	}

	u, err := url.Parse(endpoint.URL)
	if err != nil {
		return middleware.SerializeOutput{}, middleware.Metadata{},
			fmt.Errorf("failed to parse endpoint URL: %w", err)
	}
	ctx = withLegacyEndpoint(ctx, endpoint, smithyendpoints.Endpoint{URI: *u})
	return next.HandleSerialize(ctx, in)
}

// legacyResolverFromConfig adapts the deprecated endpoint resolvers of
// aws.Config to EndpointResolver, or returns nil when neither is set.
// The one with options wins; it receives our EndpointResolverOptions.
func legacyResolverFromConfig(cfg aws.Config) EndpointResolver {
	withOptions, plain := cfg.EndpointResolverWithOptions, cfg.EndpointResolver
	switch {
	case withOptions != nil:
		return EndpointResolverFunc(func(region string, o EndpointResolverOptions) (aws.Endpoint, error) {
			return withOptions.ResolveEndpoint(ServiceID, region, o)
		})
	case plain != nil:
		return EndpointResolverFunc(func(region string, _ EndpointResolverOptions) (aws.Endpoint, error) {
			return plain.ResolveEndpoint(ServiceID, region)
		})
	}
	return nil
}

type legacyEndpointKey struct{}

// withLegacyEndpoint stores the legacy endpoint for resolveEndpoint and
// sets the context values the SDK middlewares and signing read. Signing
// name and region already set on the context are kept.
func withLegacyEndpoint(
	ctx context.Context, e aws.Endpoint, parsed smithyendpoints.Endpoint,
) context.Context {
	ctx = middleware.WithStackValue(ctx, legacyEndpointKey{}, parsed)
	ctx = awsmiddleware.SetRequiresLegacyEndpoints(ctx, true)
	ctx = smithyhttp.SetHostnameImmutable(ctx, e.HostnameImmutable)
	ctx = awsmiddleware.SetEndpointSource(ctx, e.Source)
	ctx = awsmiddleware.SetPartitionID(ctx, e.PartitionID)

	if e.SigningName != "" && signingNameOverride(ctx) == "" {
		ctx = withSigningNameOverride(ctx, e.SigningName)
	}
	if e.SigningRegion != "" && signingRegionOverride(ctx) == "" {
		ctx = withSigningRegionOverride(ctx, e.SigningRegion)
	}
	return ctx
}

// getLegacyEndpoint returns the endpoint the legacy resolver supplied.
func getLegacyEndpoint(ctx context.Context) (smithyendpoints.Endpoint, bool) {
	e, ok := middleware.GetStackValue(ctx, legacyEndpointKey{}).(smithyendpoints.Endpoint)
	return e, ok
}
