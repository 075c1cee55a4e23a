package devopsagent

// This file holds the client configuration: Options, the small interfaces
// its fields use, functional-option helpers, and how New fills in the
// defaults of unset fields. Building Options from an aws.Config lives in
// config.go, what DefaultsMode changes in defaultsmode.go, the auth types
// in auth.go and the legacy endpoint resolver in endpoints_legacy.go.

import (
	"context"
	cryptorand "crypto/rand"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/middleware"
	smithyrand "github.com/aws/smithy-go/rand"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Options configure a Client. The zero value is usable: New fills in a
// default HTTP client, retryer, signer, auth schemes, endpoint resolver,
// logger, tracer and meter providers and idempotency token provider.
// Region and Credentials have no default.
type Options struct {
	// Region is the AWS Region requests are sent to and signed for.
	Region string

	// Credentials provide the keys requests are signed with. New wraps
	// them in an aws.CredentialsCache unless they already are one.
	// Credentials a call's optFns set are retrieved once for the call, in
	// the caller's goroutine with the call's context, and reused by its
	// retry attempts until they expire. With aws.AnonymousCredentials
	// requests are sent unsigned; with nil every call fails before
	// sending.
	Credentials aws.CredentialsProvider

	// HTTPClient sends the requests. Defaults to an
	// awshttp.BuildableClient. New applies the DefaultsMode timeouts to
	// the default client and to a caller's *awshttp.BuildableClient.
	HTTPClient HTTPClient

	// DefaultsMode selects a profile of aws-sdk-go-v2 defaults (see
	// defaultsmode.go for what each changes). It is read by New only;
	// changing it for one call has no effect. Unset and "legacy" keep
	// this client's own defaults.
	DefaultsMode aws.DefaultsMode

	// RuntimeEnvironment describes where the program runs. Only
	// DefaultsMode "auto" reads it, comparing its Region with Region;
	// config.LoadDefaultConfig fills it when asked to.
	RuntimeEnvironment aws.RuntimeEnvironment

	// Retryer decides whether and when a failed attempt is retried. When
	// nil, New builds one from RetryMode and RetryMaxAttempts.
	Retryer aws.Retryer

	// RetryMaxAttempts caps the attempts per call, the first included.
	// Zero keeps the retryer's own limit. A per-call value that differs
	// from the client's wraps the retryer for that call only.
	RetryMaxAttempts int

	// RetryMode picks the default retryer when Retryer is nil: standard
	// (the default) or adaptive.
	RetryMode aws.RetryMode

	// BaseEndpoint, when set, replaces the regional endpoint, path
	// included. The operation's host prefix is still added unless
	// DisableHostPrefix is set.
	BaseEndpoint *string

	// EndpointResolverV2 turns endpoint parameters into an endpoint.
	// Defaults to NewDefaultEndpointResolverV2().
	EndpointResolverV2 EndpointResolverV2

	// EndpointResolver is the legacy (v1) endpoint resolver. When set it
	// is asked first on every call; the endpoint it returns is used as
	// is (see ResolveEndpoint), and an *aws.EndpointNotFoundError hands
	// resolution back to EndpointResolverV2.
	//
	// Deprecated: set BaseEndpoint, or EndpointResolverV2 for custom
	// rules. This field exists so code written for the v1 resolver
	// keeps working.
	EndpointResolver EndpointResolver

	// EndpointOptions adjust endpoint resolution (FIPS, dual-stack for
	// the legacy resolver, plain HTTP).
	EndpointOptions EndpointResolverOptions

	// DisableHostPrefix stops the client from putting the operation's
	// "cp." or "dp." host prefix in front of the endpoint host. Set it
	// for local endpoints such as http://127.0.0.1:8080, whose prefixed
	// name would not resolve.
	DisableHostPrefix bool

	// APIOptions edit the middleware stack of every call.
	APIOptions []func(*middleware.Stack) error

	// Logger receives the log lines ClientLogMode asks for. Defaults to
	// logging.Nop.
	Logger logging.Logger

	// ClientLogMode selects what is logged: retries, signing, requests
	// and responses with or without bodies. Members the model marks
	// sensitive and credential headers are redacted.
	ClientLogMode aws.ClientLogMode

	// IdempotencyTokenProvider makes the tokens filled into idempotency
	// token members the caller left nil. Defaults to random UUID v4
	// tokens.
	IdempotencyTokenProvider IdempotencyTokenProvider

	// AppID is an application name added to the User-Agent header.
	AppID string

	// HTTPSignerV4 signs requests with SigV4. Defaults to v4.NewSigner().
	// The default SigV4 auth scheme signs with it.
	HTTPSignerV4 HTTPSignerV4

	// AuthSchemeResolver lists, for each call, the auth options the
	// operation accepts, best first. The default offers SigV4 (signing
	// name "aidevops", Region) and then no auth, which is chosen when
	// SigV4 cannot be: with aws.AnonymousCredentials, or AuthSchemes
	// without a SigV4 scheme.
	AuthSchemeResolver AuthSchemeResolver

	// AuthSchemes are the auth schemes the client can use. The first
	// resolved option that names one of them, and for which Options
	// has an identity resolver, is used. Defaults to SigV4 signing with
	// HTTPSignerV4.
	AuthSchemes []smithyhttp.AuthScheme

	// AuthSchemePreference names schemes ("sigv4") to try before the
	// resolver's own order, most preferred first.
	AuthSchemePreference []string

	// Interceptors are called at fixed points of every call: before and
	// after execution, serialization, the retry loop, each attempt,
	// signing, transmission and deserialization (see interceptors.go).
	Interceptors smithyhttp.InterceptorRegistry

	// TracerProvider receives a span per call and spans for its steps
	// (see telemetry.go). Defaults to tracing.NopTracerProvider.
	TracerProvider tracing.TracerProvider

	// MeterProvider receives the call's duration metrics (see
	// telemetry.go). Defaults to metrics.NopMeterProvider.
	MeterProvider metrics.MeterProvider

	// resolvedDefaultsMode is DefaultsMode as New resolved it, "auto"
	// replaced by the mode it stands for.
	resolvedDefaultsMode aws.DefaultsMode
}

// HTTPClient sends an HTTP request; *http.Client satisfies it.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// HTTPSignerV4 signs an HTTP request with AWS Signature Version 4;
// *v4.Signer satisfies it.
type HTTPSignerV4 interface {
	SignHTTP(ctx context.Context, credentials aws.Credentials, r *http.Request,
		payloadHash string, service string, region string, signingTime time.Time,
		optFns ...func(*v4.SignerOptions)) error
}

// IdempotencyTokenProvider returns a new idempotency token for each call.
type IdempotencyTokenProvider interface {
	GetIdempotencyToken() (string, error)
}

// Copy returns a copy of o whose APIOptions and Interceptors can be
// added to, and whose BaseEndpoint can be written through, without
// changing o.
func (o Options) Copy() Options {
	to := o
	to.APIOptions = make([]func(*middleware.Stack) error, len(o.APIOptions))
	copy(to.APIOptions, o.APIOptions)
	to.Interceptors = o.Interceptors.Copy()
	to.BaseEndpoint = ownString(o.BaseEndpoint)
	return to
}

// ownString returns a pointer to a copy of *p, or nil.
func ownString(p *string) *string {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// WithAPIOptions returns a functional option that appends optFns to
// Options.APIOptions.
func WithAPIOptions(optFns ...func(*middleware.Stack) error) func(*Options) {
	return func(o *Options) {
		o.APIOptions = append(o.APIOptions, optFns...)
	}
}

// WithEndpointResolverV2 returns a functional option that sets
// Options.EndpointResolverV2.
func WithEndpointResolverV2(v EndpointResolverV2) func(*Options) {
	return func(o *Options) {
		o.EndpointResolverV2 = v
	}
}

// resolveDefaults fills every unset field that has a default and caches
// the credentials. The default SigV4 scheme shifts signing times by
// clockOffset.
func resolveDefaults(o *Options, clockOffset *atomic.Int64) {
	resolveDefaultsMode(o)
	resolveHTTPClient(o)
	fillDefaults(o)
	resolveRetryer(o)
	resolveCredentials(o)
	resolveAuthSchemes(o, clockOffset)
}

// fillDefaults sets the unset fields whose default is a plain value.
func fillDefaults(o *Options) {
	if o.Logger == nil {
		o.Logger = logging.Nop{}
	}
	if o.HTTPClient == nil {
		o.HTTPClient = modeHTTPClient(awshttp.NewBuildableClient(), o.resolvedDefaultsMode)
	}
	if o.HTTPSignerV4 == nil {
		o.HTTPSignerV4 = v4.NewSigner()
	}
	if o.EndpointResolverV2 == nil {
		o.EndpointResolverV2 = NewDefaultEndpointResolverV2()
	}
	if o.IdempotencyTokenProvider == nil {
		o.IdempotencyTokenProvider = smithyrand.NewUUIDIdempotencyToken(cryptorand.Reader)
	}
	fillTelemetryAndAuthDefaults(o)
}

// fillTelemetryAndAuthDefaults sets the tracer and meter providers and
// the auth scheme resolver when unset.
func fillTelemetryAndAuthDefaults(o *Options) {
	if o.TracerProvider == nil {
		o.TracerProvider = tracing.NopTracerProvider{}
	}
	if o.MeterProvider == nil {
		o.MeterProvider = metrics.NopMeterProvider{}
	}
	if o.AuthSchemeResolver == nil {
		o.AuthSchemeResolver = &defaultAuthSchemeResolver{}
	}
}

// resolveRetryer builds the default retryer from RetryMode (when unset,
// the DefaultsMode's retry mode) and RetryMaxAttempts, or caps a caller's
// retryer at RetryMaxAttempts.
func resolveRetryer(o *Options) {
	if o.Retryer != nil {
		if o.RetryMaxAttempts != 0 {
			o.Retryer = retry.AddWithMaxAttempts(o.Retryer, o.RetryMaxAttempts)
		}
		return
	}

	withMax := func(so *retry.StandardOptions) {
		if o.RetryMaxAttempts != 0 {
			so.MaxAttempts = o.RetryMaxAttempts
		}
	}
	if o.RetryMode == "" {
		o.RetryMode = modeRetryMode(o.resolvedDefaultsMode)
	}
	if o.RetryMode == aws.RetryModeAdaptive {
		o.Retryer = retry.NewAdaptiveMode(func(ao *retry.AdaptiveModeOptions) {
			ao.StandardOptions = append(ao.StandardOptions, withMax)
		})
		return
	}
	o.Retryer = retry.NewStandard(withMax)
}

// resolveCredentials caches the client's credentials provider in an
// aws.CredentialsCache, so that credentials are retrieved once until they
// expire, not on every signing.
func resolveCredentials(o *Options) {
	if !needsCache(o.Credentials) {
		return
	}
	o.Credentials = aws.NewCredentialsCache(o.Credentials)
}

// resolveCallCredentials wraps a provider a call's optFns set in a
// callCredentials, so that the call's retry attempts share one retrieval.
func resolveCallCredentials(o *Options) {
	if !needsCache(o.Credentials) {
		return
	}
	o.Credentials = &callCredentials{provider: o.Credentials}
}

// needsCache reports whether p retrieves credentials that are worth
// caching: it is set, is not aws.AnonymousCredentials and is not a cache.
func needsCache(p aws.CredentialsProvider) bool {
	if p == nil || aws.IsCredentialsProvider(p, (*aws.AnonymousCredentials)(nil)) {
		return false
	}
	_, cached := p.(*aws.CredentialsCache)
	return !cached
}

// finalizeCallOptions prepares the options of one call: a field the
// call's optFns cleared gets its default again, credentials the call set
// are kept for the call's attempts, the retryer is capped when the call's
// RetryMaxAttempts differs from the client's, the endpoint options are
// completed and the default SigV4 scheme is bound to the call's signer
// and logger.
func finalizeCallOptions(o *Options, client Options, clockOffset *atomic.Int64) {
	fillDefaults(o)
	resolveCallCredentials(o)

	switch {
	case o.Retryer == nil:
		resolveRetryer(o)
	case o.RetryMaxAttempts != 0 && o.RetryMaxAttempts != client.RetryMaxAttempts:
		o.Retryer = retry.AddWithMaxAttempts(o.Retryer, o.RetryMaxAttempts)
	}

	finalizeEndpointOptions(o)
	resolveAuthSchemes(o, clockOffset)
}
