package devopsagent

// This file holds endpoint resolution: the parameters and resolver
// interface callers may replace, the default resolver that implements the
// service's endpoint rules, and the middleware that applies the resolved
// endpoint to a request. The host prefix of each operation is applied
// afterwards by hostprefix.go; the legacy (v1) resolver, which may
// supply the endpoint instead, lives in endpoints_legacy.go.

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithy "github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Error texts of the service's endpoint rule set, word for word.
const (
	ruleErrFIPSWithEndpoint = "Invalid Configuration: FIPS and custom endpoint are not supported"
	ruleErrMissingRegion    = "Invalid Configuration: Missing Region"
)

// EndpointParameters are the inputs of endpoint resolution. The client
// fills them from Options on every call.
type EndpointParameters struct {
	// Region is the AWS Region requests are sent to (AWS::Region).
	Region *string

	// UseFIPS selects the FIPS endpoint of the Region (AWS::UseFIPS). It is
	// required; WithDefaults sets it to false when nil. It cannot be
	// combined with Endpoint.
	UseFIPS *bool

	// Endpoint, when set, is used verbatim as the endpoint URL, path
	// included (SDK::Endpoint).
	Endpoint *string
}

// WithDefaults returns a copy of p with unset parameters that have a
// default (UseFIPS: false) filled in.
func (p EndpointParameters) WithDefaults() EndpointParameters {
	if p.UseFIPS == nil {
		p.UseFIPS = aws.Bool(false)
	}
	return p
}

// ValidateRequired reports an error when a required parameter is nil.
func (p EndpointParameters) ValidateRequired() error {
	if p.UseFIPS == nil {
		return errors.New("parameter UseFIPS is required")
	}
	return nil
}

// EndpointResolverV2 resolves the endpoint of a request from its
// parameters. Set Options.EndpointResolverV2 to replace the default rules.
type EndpointResolverV2 interface {
	ResolveEndpoint(ctx context.Context, params EndpointParameters) (
		smithyendpoints.Endpoint, error,
	)
}

// EndpointResolverOptions are the endpoint settings of Options. The
// legacy EndpointResolver receives them with every call.
type EndpointResolverOptions struct {
	// Logger is the client's logger; the client sets it for the legacy
	// resolver on every call.
	Logger logging.Logger

	// LogDeprecated asks the legacy resolver to log the use of
	// deprecated endpoints. The client sets it from ClientLogMode
	// (aws.LogDeprecatedUsage).
	LogDeprecated bool

	// ResolvedRegion, when set, is the region the legacy resolver
	// resolves instead of Region. The client sets it to the real region
	// of a FIPS pseudo-region such as "fips-us-east-1"; leave it unset.
	ResolvedRegion string

	// DisableHTTPS sends requests over plain HTTP, unless the endpoint's
	// hostname was marked immutable.
	DisableHTTPS bool

	// UseDualStackEndpoint asks the legacy resolver for a dual-stack
	// endpoint. The endpoint rules always resolve dual-stack endpoints.
	UseDualStackEndpoint aws.DualStackEndpointState

	// UseFIPSEndpoint selects the FIPS endpoint of the Region when set to
	// aws.FIPSEndpointStateEnabled.
	UseFIPSEndpoint aws.FIPSEndpointState
}

// GetResolvedRegion returns ResolvedRegion.
func (o EndpointResolverOptions) GetResolvedRegion() string { return o.ResolvedRegion }

// GetDisableHTTPS returns DisableHTTPS.
func (o EndpointResolverOptions) GetDisableHTTPS() bool { return o.DisableHTTPS }

// GetUseDualStackEndpoint returns UseDualStackEndpoint.
func (o EndpointResolverOptions) GetUseDualStackEndpoint() aws.DualStackEndpointState {
	return o.UseDualStackEndpoint
}

// GetUseFIPSEndpoint returns UseFIPSEndpoint.
func (o EndpointResolverOptions) GetUseFIPSEndpoint() aws.FIPSEndpointState {
	return o.UseFIPSEndpoint
}

// NewDefaultEndpointResolverV2 returns the resolver that implements the
// service's endpoint rules: a custom endpoint is used as given, otherwise
// the dual-stack regional endpoint of the Region's partition is used.
func NewDefaultEndpointResolverV2() EndpointResolverV2 {
	return defaultEndpointResolver{}
}

type defaultEndpointResolver struct{}

// ResolveEndpoint applies the service's endpoint rules in model order.
func (defaultEndpointResolver) ResolveEndpoint(
	_ context.Context, params EndpointParameters,
) (smithyendpoints.Endpoint, error) {
	params = params.WithDefaults()
	if err := params.ValidateRequired(); err != nil {
		return smithyendpoints.Endpoint{}, fmt.Errorf("endpoint parameters are not valid, %w", err)
	}
	useFIPS := *params.UseFIPS

	if params.Endpoint != nil {
		if useFIPS {
			return smithyendpoints.Endpoint{}, ruleError(ruleErrFIPSWithEndpoint)
		}
		return endpointFromURL(*params.Endpoint)
	}

	if params.Region == nil {
		return smithyendpoints.Endpoint{}, ruleError(ruleErrMissingRegion)
	}
	region := *params.Region
	suffix := partitionFor(region).dualStackDNSSuffix

	name := "aidevops"
	if useFIPS {
		name = "aidevops-fips"
	}
	return endpointFromURL("https://" + name + "." + region + "." + suffix)
}

// ruleError reports an error rule of the endpoint rule set, worded as
// the aws-sdk-go-v2 clients word it.
func ruleError(text string) error {
	return fmt.Errorf("endpoint rule error, %s", text)
}

// endpointFromURL parses an endpoint URL, keeping its path as given.
func endpointFromURL(raw string) (smithyendpoints.Endpoint, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return smithyendpoints.Endpoint{}, fmt.Errorf("parse endpoint URL %q: %w", raw, err)
	}
	return smithyendpoints.Endpoint{URI: *u}, nil
}

// endpointParameters binds the endpoint parameters from client options.
// A FIPS pseudo-region ("us-east-1-fips") stands for its real region.
func endpointParameters(o Options) (EndpointParameters, error) {
	params := EndpointParameters{
		UseFIPS:  aws.Bool(o.EndpointOptions.UseFIPSEndpoint == aws.FIPSEndpointStateEnabled),
		Endpoint: o.BaseEndpoint,
	}
	if o.Region == "" {
		return params, nil
	}
	if !validRegion(o.Region) {
		return params, fmt.Errorf("invalid region %q: must be a host name", o.Region)
	}
	params.Region = aws.String(withoutFIPS(o.Region))
	return params, nil
}

// finalizeEndpointOptions completes a call's endpoint options: deprecated
// endpoints are logged as ClientLogMode asks, and a FIPS pseudo-region
// ("fips-us-east-1", "us-east-1-fips") turns FIPS on and is resolved as
// its real region. Requests are still signed for Region as given.
func finalizeEndpointOptions(o *Options) {
	o.EndpointOptions.LogDeprecated = o.ClientLogMode.IsDeprecatedUsage()
	if o.EndpointOptions.ResolvedRegion != "" {
		return
	}
	if region := withoutFIPS(o.Region); region != o.Region {
		o.EndpointOptions.ResolvedRegion = region
		o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
	}
}

// withoutFIPS removes the "fips" label from a FIPS pseudo-region. Other
// regions are returned unchanged.
func withoutFIPS(region string) string {
	if !strings.Contains(region, "fips-") && !strings.Contains(region, "-fips") {
		return region
	}
	region = strings.ReplaceAll(region, "-fips-", "-")
	region = strings.ReplaceAll(region, "fips-", "")
	return strings.ReplaceAll(region, "-fips", "")
}

// validRegion reports whether region can be part of a host name: one or
// more dot-separated host labels.
func validRegion(region string) bool {
	for _, label := range strings.Split(region, ".") {
		if !smithyhttp.ValidHostLabel(label) {
			return false
		}
	}
	return true
}

// resolveEndpoint is the Finalize middleware that resolves the endpoint
// for each attempt and points the request at it.
type resolveEndpoint struct {
	options *Options

	// byRules is what the default resolver answered for options, or nil
	// with another resolver. Its answer depends on options alone, so it
	// is asked once per middleware; stacks are reused (stacks.go).
	byRules *rulesAnswer
}

// rulesAnswer is an answer of the default endpoint resolver.
type rulesAnswer struct {
	endpoint smithyendpoints.Endpoint
	err      error
}

// newResolveEndpoint returns the endpoint middleware for options o. With
// the default resolver it asks it now, once for the life of the stack,
// even when a legacy EndpointResolver will supply the endpoint instead:
// the answer then goes unused, which costs one lookup per stack built.
func newResolveEndpoint(o *Options) *resolveEndpoint {
	m := &resolveEndpoint{options: o}
	if _, ok := o.EndpointResolverV2.(defaultEndpointResolver); ok {
		endpoint, err := m.resolveV2(context.Background())
		m.byRules = &rulesAnswer{endpoint: endpoint, err: err}
	}
	return m
}

// ID names the middleware as the aws-sdk-go-v2 clients do, so that
// middleware positioned relative to it keeps working.
func (*resolveEndpoint) ID() string { return "ResolveEndpointV2" }

// HandleFinalize resolves the endpoint, or takes the one the legacy
// resolver supplied, and applies it to the request.
func (m *resolveEndpoint) HandleFinalize(
	ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler,
) (middleware.FinalizeOutput, middleware.Metadata, error) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.FinalizeOutput{}, middleware.Metadata{},
			fmt.Errorf("resolve endpoint: unexpected transport type %T", in.Request)
	}

	endpoint, err := m.resolve(ctx)
	if err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}

	applyEndpoint(req, endpoint)
	applyEndpointAuth(ctx, endpoint)
	if m.options.EndpointOptions.DisableHTTPS && !smithyhttp.GetHostnameImmutable(ctx) {
		req.URL.Scheme = "http"
	}
	return next.HandleFinalize(ctx, in)
}

// resolve looks the endpoint up inside the ResolveEndpoint span.
func (m *resolveEndpoint) resolve(ctx context.Context) (smithyendpoints.Endpoint, error) {
	_, span := tracing.StartSpan(ctx, "ResolveEndpoint")
	defer span.End()

	endpoint, err := m.lookup(ctx)
	if err == nil && tracingOn(ctx) {
		span.SetProperty("client.call.resolved_endpoint", endpoint.URI.String())
	}
	return endpoint, err
}

// lookup returns the legacy resolver's endpoint when it supplied one,
// else the default resolver's answer when it is the resolver, else asks
// EndpointResolverV2.
func (m *resolveEndpoint) lookup(ctx context.Context) (smithyendpoints.Endpoint, error) {
	if endpoint, ok := getLegacyEndpoint(ctx); ok {
		return endpoint, nil
	}
	if m.byRules != nil {
		// Timed all the same, so that a kept answer reports the
		// resolution metric as a fresh one does.
		stop := startTimer(ctx, metricResolveEndpoint)
		defer stop()
		return m.byRules.endpoint, m.byRules.err
	}
	return m.resolveV2(ctx)
}

// resolveV2 binds the endpoint parameters and asks EndpointResolverV2.
func (m *resolveEndpoint) resolveV2(ctx context.Context) (smithyendpoints.Endpoint, error) {
	params, err := endpointParameters(*m.options)
	if err != nil {
		return smithyendpoints.Endpoint{}, fmt.Errorf("failed to bind endpoint params, %w", err)
	}

	stop := startTimer(ctx, metricResolveEndpoint)
	endpoint, err := m.options.EndpointResolverV2.ResolveEndpoint(ctx, params)
	stop()
	if err != nil {
		return smithyendpoints.Endpoint{}, fmt.Errorf("failed to resolve service endpoint, %w", err)
	}
	return endpoint, nil
}

// applyEndpointAuth copies the signer properties an endpoint carries
// (smithyauth.SetAuthOptions on its Properties) onto the attempt's auth
// scheme. The service's rules set none; a custom EndpointResolverV2 may.
// The scheme's properties may be shared, so they are replaced by a copy.
func applyEndpointAuth(ctx context.Context, endpoint smithyendpoints.Endpoint) {
	auth := getResolvedAuth(ctx)
	if auth == nil {
		return
	}
	options, _ := smithyauth.GetAuthOptions(&endpoint.Properties)
	if len(options) == 0 {
		return
	}

	var props smithy.Properties
	props.SetAll(&auth.signerProps)
	for _, option := range options {
		props.SetAll(&option.SignerProperties)
	}
	auth.signerProps = props
}

// applyEndpoint sets the request's scheme and host from the endpoint,
// joins the endpoint's path in front of the operation path, and copies the
// endpoint's headers.
func applyEndpoint(req *smithyhttp.Request, endpoint smithyendpoints.Endpoint) {
	uri := endpoint.URI
	rawPath := smithyhttp.JoinPath(uri.EscapedPath(), req.URL.EscapedPath())

	req.URL.Scheme = uri.Scheme
	req.URL.Host = uri.Host
	req.URL.Path = smithyhttp.JoinPath(uri.Path, req.URL.Path)
	req.URL.RawPath = rawPath
	for name := range endpoint.Headers {
		req.Header.Set(name, endpoint.Headers.Get(name))
	}
}
