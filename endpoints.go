package devopsagent

// This file holds endpoint resolution: the parameters and resolver
// interface callers may replace, the default resolver that implements the
// service's endpoint rules, and the middleware that applies the resolved
// endpoint to a request. The host prefix of each operation is applied
// afterwards by hostprefix.go.

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/middleware"
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
		return errors.New("endpoint parameter UseFIPS is required")
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

// EndpointResolverOptions are the endpoint settings of Options.
type EndpointResolverOptions struct {
	// UseFIPSEndpoint selects the FIPS endpoint of the Region when set to
	// aws.FIPSEndpointStateEnabled.
	UseFIPSEndpoint aws.FIPSEndpointState

	// DisableHTTPS sends requests over plain HTTP, unless the endpoint's
	// hostname was marked immutable.
	DisableHTTPS bool
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
		return smithyendpoints.Endpoint{}, fmt.Errorf("endpoint parameters are not valid: %w", err)
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

// ruleError reports an error rule of the endpoint rule set.
func ruleError(text string) error {
	return fmt.Errorf("endpoint rule error: %s", text)
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
	params.Region = aws.String(o.Region)
	return params, nil
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
	options Options
}

// ID names the middleware as the aws-sdk-go-v2 clients do, so that
// middleware positioned relative to it keeps working.
func (*resolveEndpoint) ID() string { return "ResolveEndpointV2" }

// HandleFinalize resolves the endpoint and applies it to the request.
func (m *resolveEndpoint) HandleFinalize(
	ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler,
) (middleware.FinalizeOutput, middleware.Metadata, error) {
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.FinalizeOutput{}, middleware.Metadata{},
			fmt.Errorf("resolve endpoint: unexpected transport type %T", in.Request)
	}

	params, err := endpointParameters(m.options)
	if err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{},
			fmt.Errorf("bind endpoint parameters: %w", err)
	}

	endpoint, err := m.options.EndpointResolverV2.ResolveEndpoint(ctx, params)
	if err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{},
			fmt.Errorf("resolve service endpoint: %w", err)
	}

	applyEndpoint(req, endpoint)
	if m.options.EndpointOptions.DisableHTTPS && !smithyhttp.GetHostnameImmutable(ctx) {
		req.URL.Scheme = "http"
	}
	return next.HandleFinalize(ctx, in)
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
