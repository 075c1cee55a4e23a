package conformance

// The client options v1.5.2 has beyond the basics behave the same in
// both clients: the legacy (v1) endpoint resolver and its helpers, the
// auth scheme options and signing overrides, and DefaultsMode.
//
//lint:file-ignore SA1019 the deprecated v1 endpoint API is under test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	official "github.com/aws/aws-sdk-go-v2/service/devopsagent"
	smithy "github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	ours "github.com/devopsagent-go/devopsagent"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// optionsCase configures both clients the same way.
type optionsCase struct {
	name     string
	official func(*official.Options)
	ours     func(*ours.Options)
}

// sentBy calls GetService on both clients configured by c and returns
// what each sent (the zero value when the call failed) and its error.
func (c optionsCase) sentBy(t *testing.T) (theirs, mine captured, oerr, uerr error) {
	t.Helper()
	op := operations["GetService"]
	in := &ours.GetServiceInput{ServiceId: aws.String("svc")}

	orec, urec := newRecorder(), newRecorder()
	_, oerr = op.callOfficial(context.Background(), newOfficial(orec, c.official), toOfficial(t, op, in))
	_, uerr = op.callOurs(context.Background(), newOurs(urec, c.ours), in)
	if oerr == nil {
		theirs = orec.only(t)
	}
	if uerr == nil {
		mine = urec.only(t)
	}
	return theirs, mine, oerr, uerr
}

// scope returns the credential scope of a signed request, "" if unsigned.
func scope(c captured) string {
	auth := c.req.Header.Get("Authorization")
	_, credential, _ := strings.Cut(auth, "Credential=")
	credential, _, _ = strings.Cut(credential, ",")
	_, s, _ := strings.Cut(credential, "/")
	return s
}

// withScope drops the date from a credential scope.
func withoutDate(s string) string {
	_, rest, _ := strings.Cut(s, "/")
	return rest
}

func legacyCase(name string, url string, optFns ...func(*aws.Endpoint)) optionsCase {
	return optionsCase{name,
		func(o *official.Options) { o.EndpointResolver = official.EndpointResolverFromURL(url, optFns...) },
		func(o *ours.Options) { o.EndpointResolver = ours.EndpointResolverFromURL(url, optFns...) },
	}
}

func failingLegacyCase(name string, err error) optionsCase {
	return optionsCase{name,
		func(o *official.Options) {
			o.EndpointResolver = official.EndpointResolverFunc(
				func(string, official.EndpointResolverOptions) (aws.Endpoint, error) { return aws.Endpoint{}, err })
		},
		func(o *ours.Options) {
			o.EndpointResolver = ours.EndpointResolverFunc(
				func(string, ours.EndpointResolverOptions) (aws.Endpoint, error) { return aws.Endpoint{}, err })
		},
	}
}

func TestLegacyEndpointResolverMatchesOfficial(t *testing.T) {
	immutable := func(e *aws.Endpoint) { e.HostnameImmutable = true }
	signing := func(e *aws.Endpoint) { e.SigningName, e.SigningRegion = "other", "eu-west-3" }
	plainHTTP := optionsCase{"disable https, hostname immutable",
		func(o *official.Options) {
			o.EndpointResolver = official.EndpointResolverFromURL("https://legacy.example", immutable)
			o.EndpointOptions.DisableHTTPS = true
		},
		func(o *ours.Options) {
			o.EndpointResolver = ours.EndpointResolverFromURL("https://legacy.example", immutable)
			o.EndpointOptions.DisableHTTPS = true
		},
	}
	defaultTable := optionsCase{"default v1 table, dual-stack",
		func(o *official.Options) {
			o.EndpointResolver = official.NewDefaultEndpointResolver()
			o.EndpointOptions.UseDualStackEndpoint = aws.DualStackEndpointStateEnabled
		},
		func(o *ours.Options) {
			o.EndpointResolver = ours.NewDefaultEndpointResolver()
			o.EndpointOptions.UseDualStackEndpoint = aws.DualStackEndpointStateEnabled
		},
	}
	tests := []optionsCase{
		legacyCase("url", "https://legacy.example/base"),
		legacyCase("hostname immutable", "https://legacy.example/base", immutable),
		legacyCase("signing name and region", "https://legacy.example", signing),
		plainHTTP,
		defaultTable,
		failingLegacyCase("not found falls back", &aws.EndpointNotFoundError{Err: errors.New("x")}),
		failingLegacyCase("other error", errors.New("nope")),
		legacyCase("bad url", "://bad"),
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			theirs, mine, oerr, uerr := tc.sentBy(t)

			if oerr != nil {
				assert.EqualError(t, uerr, oerr.Error())
				return
			}
			require.NoError(t, uerr)
			assert.Equal(t, theirs.req.URL.String(), mine.req.URL.String())
			assert.Equal(t, withoutDate(scope(theirs)), withoutDate(scope(mine)))
		})
	}
}

func TestDefaultEndpointResolverMatchesOfficial(t *testing.T) {
	regions := []string{"us-east-1", "cn-north-1", "eusc-de-east-1", "us-gov-west-1", "us-iso-east-1",
		"us-isob-east-1", "eu-isoe-west-1", "us-isof-south-1", "aws-global", "aws-cn-global", "foo", ""}
	theirs, mine := official.NewDefaultEndpointResolver(), ours.NewDefaultEndpointResolver()

	for _, region := range regions {
		for _, fips := range []aws.FIPSEndpointState{aws.FIPSEndpointStateUnset, aws.FIPSEndpointStateEnabled} {
			for _, dual := range []aws.DualStackEndpointState{
				aws.DualStackEndpointStateUnset, aws.DualStackEndpointStateEnabled,
			} {
				for _, plain := range []bool{false, true} {
					name := fmt.Sprintf("%s fips=%d dual=%d http=%t", region, fips, dual, plain)
					want, werr := theirs.ResolveEndpoint(region, official.EndpointResolverOptions{
						UseFIPSEndpoint: fips, UseDualStackEndpoint: dual, DisableHTTPS: plain})
					got, gerr := mine.ResolveEndpoint(region, ours.EndpointResolverOptions{
						UseFIPSEndpoint: fips, UseDualStackEndpoint: dual, DisableHTTPS: plain})

					assert.Equal(t, want, got, name)
					assert.Equal(t, fmt.Sprint(werr), fmt.Sprint(gerr), name)
				}
			}
		}
	}
}

// tokenScheme is a caller's auth scheme, usable by both clients: it
// signs with "Authorization: Token t0k".
type tokenScheme struct{}

func (tokenScheme) SchemeID() string { return "test.auth#token" }

func (tokenScheme) IdentityResolver(smithyauth.IdentityResolverOptions) smithyauth.IdentityResolver {
	return tokenScheme{}
}

func (tokenScheme) Signer() smithyhttp.Signer { return tokenScheme{} }

func (tokenScheme) GetIdentity(context.Context, smithy.Properties) (smithyauth.Identity, error) {
	return &smithyauth.AnonymousIdentity{}, nil
}

func (tokenScheme) SignRequest(_ context.Context, r *smithyhttp.Request, _ smithyauth.Identity,
	_ smithy.Properties) error {
	r.Header.Set("Authorization", "Token t0k")
	return nil
}

// authOptions is an auth scheme resolver for both clients.
type authOptions []*smithyauth.Option

func (a authOptions) ResolveAuthSchemes(context.Context, *official.AuthResolverParameters) (
	[]*smithyauth.Option, error,
) {
	return a, nil
}

func TestAuthOptionsMatchOfficial(t *testing.T) {
	anonymous := authOptions{{SchemeID: smithyauth.SchemeIDAnonymous}}
	token := authOptions{{SchemeID: "test.auth#token"}}
	tests := []optionsCase{
		{"signing name", official.WithSigV4SigningName("custom"), ours.WithSigV4SigningName("custom")},
		{"signing region", official.WithSigV4SigningRegion("eu-west-3"), ours.WithSigV4SigningRegion("eu-west-3")},
		{"resolver chooses anonymous",
			func(o *official.Options) { o.AuthSchemeResolver = anonymous },
			func(o *ours.Options) { o.AuthSchemeResolver = ourAuthOptions(anonymous) }},
		{"caller's auth scheme",
			func(o *official.Options) {
				o.AuthSchemeResolver, o.AuthSchemes = token, []smithyhttp.AuthScheme{tokenScheme{}}
			},
			func(o *ours.Options) {
				o.AuthSchemeResolver, o.AuthSchemes = ourAuthOptions(token), []smithyhttp.AuthScheme{tokenScheme{}}
			}},
		{"scheme without identity",
			func(o *official.Options) { o.AuthSchemeResolver, o.AuthSchemes = token, nil },
			func(o *ours.Options) { o.AuthSchemeResolver, o.AuthSchemes = ourAuthOptions(token), nil }},
		{"anonymous credentials",
			func(o *official.Options) { o.Credentials = aws.AnonymousCredentials{} },
			func(o *ours.Options) { o.Credentials = aws.AnonymousCredentials{} }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			theirs, mine, oerr, uerr := tc.sentBy(t)

			if oerr != nil {
				assert.ErrorContains(t, oerr, "could not select an auth scheme")
				assert.ErrorContains(t, uerr, "could not select an auth scheme")
				return
			}
			require.NoError(t, uerr)
			assert.Equal(t, withoutDate(scope(theirs)), withoutDate(scope(mine)))
			if scope(theirs) == "" {
				assert.Equal(t, theirs.req.Header.Get("Authorization"), mine.req.Header.Get("Authorization"))
			}
		})
	}
}

// ourAuthOptions adapts authOptions to our resolver interface, whose
// parameter type is ours.
type ourAuthOptions authOptions

func (a ourAuthOptions) ResolveAuthSchemes(context.Context, *ours.AuthResolverParameters) (
	[]*smithyauth.Option, error,
) {
	return a, nil
}

func TestDefaultsModeMatchesOfficial(t *testing.T) {
	env := aws.RuntimeEnvironment{EnvironmentIdentifier: "AWS_Lambda_go1.x", Region: "eu-west-1"}
	modes := []aws.DefaultsMode{"", aws.DefaultsModeLegacy, aws.DefaultsModeStandard,
		aws.DefaultsModeInRegion, aws.DefaultsModeCrossRegion, aws.DefaultsModeMobile, aws.DefaultsModeAuto}

	for _, mode := range modes {
		for _, region := range []string{"eu-west-1", "us-east-1"} {
			name := fmt.Sprintf("%q in %s", mode, region)
			theirs := official.New(official.Options{Region: region, DefaultsMode: mode,
				RuntimeEnvironment: env}).Options()
			mine := ours.New(ours.Options{Region: region, DefaultsMode: mode, RuntimeEnvironment: env}).Options()

			assert.Equal(t, clientTimeouts(t, theirs.HTTPClient), clientTimeouts(t, mine.HTTPClient), name)
			assert.Equal(t, theirs.RetryMode, mine.RetryMode, name)
			assert.Equal(t, theirs.Retryer.MaxAttempts(), mine.Retryer.MaxAttempts(), name)
		}
	}
}

// clientTimeouts returns the connect and TLS handshake timeouts of a
// BuildableClient.
func clientTimeouts(t *testing.T, c interface {
	Do(*http.Request) (*http.Response, error)
}) [2]time.Duration {
	t.Helper()
	b, ok := c.(*awshttp.BuildableClient)
	require.True(t, ok, "%T", c)
	return [2]time.Duration{b.GetDialer().Timeout, b.GetTransport().TLSHandshakeTimeout}
}
