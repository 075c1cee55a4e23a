package devopsagent

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	smithy "github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tokenSchemeID is the id of tokenScheme.
const tokenSchemeID = "test.auth#token"

// tokenScheme is a caller-defined auth scheme: it signs by setting
// "Authorization: Token <value>".
type tokenScheme struct{ value string }

func (tokenScheme) SchemeID() string { return tokenSchemeID }

func (s tokenScheme) IdentityResolver(smithyauth.IdentityResolverOptions) smithyauth.IdentityResolver {
	return tokenResolver(s.value)
}

func (tokenScheme) Signer() smithyhttp.Signer { return tokenSigner{} }

type tokenIdentity string

func (tokenIdentity) Expiration() time.Time { return time.Time{} }

type tokenResolver string

func (r tokenResolver) GetIdentity(context.Context, smithy.Properties) (smithyauth.Identity, error) {
	return tokenIdentity(r), nil
}

type tokenSigner struct{}

func (tokenSigner) SignRequest(
	_ context.Context, r *smithyhttp.Request, id smithyauth.Identity, _ smithy.Properties,
) error {
	r.Header.Set("Authorization", "Token "+string(id.(tokenIdentity)))
	return nil
}

// fixedAuthOptions is an AuthSchemeResolver returning the same options.
type fixedAuthOptions []*smithyauth.Option

func (f fixedAuthOptions) ResolveAuthSchemes(
	context.Context, *AuthResolverParameters,
) ([]*smithyauth.Option, error) {
	return f, nil
}

// sigV4Option is the SigV4 option the service's auth trait yields.
func sigV4Option(region string) *smithyauth.Option {
	option := &smithyauth.Option{SchemeID: smithyauth.SchemeIDSigV4}
	smithyhttp.SetSigV4SigningName(&option.SignerProperties, "aidevops")
	smithyhttp.SetSigV4SigningRegion(&option.SignerProperties, region)
	return option
}

// sendWidget sends PutWidget through a capturing client configured by
// optFns and returns the request that left it.
func sendWidget(t *testing.T, optFns ...func(*Options)) (captured, error) {
	t.Helper()
	var sent []captured
	c := New(Options{Region: "us-east-1", Credentials: testCreds, HTTPClient: captureClient(&sent)},
		optFns...)

	_, err := c.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})
	if err != nil {
		return captured{}, err
	}
	require.Len(t, sent, 1)
	return sent[0], nil
}

func TestAuthSchemeSelection(t *testing.T) {
	const sigV4 = `^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\d{8}/us-east-1/aidevops/aws4_request, `
	token := &smithyauth.Option{SchemeID: tokenSchemeID}
	anonymous := &smithyauth.Option{SchemeID: smithyauth.SchemeIDAnonymous}
	// The caller's scheme beside the default SigV4 one.
	schemes := func(o *Options) {
		o.AuthSchemes = append(New(Options{}).Options().AuthSchemes, tokenScheme{value: "t0k"})
	}
	tests := []struct {
		name     string
		options  func(*Options)
		wantAuth string // regexp; "" means no Authorization header
	}{
		{"default is sigv4", func(*Options) {}, sigV4},
		{"resolver chooses anonymous", func(o *Options) {
			o.AuthSchemeResolver = fixedAuthOptions{anonymous, sigV4Option("us-east-1")}
		}, ""},
		{"caller's scheme", func(o *Options) {
			schemes(o)
			o.AuthSchemeResolver = fixedAuthOptions{token, sigV4Option("us-east-1")}
		}, "^Token t0k$"},
		{"option without a configured scheme is skipped", func(o *Options) {
			o.AuthSchemeResolver = fixedAuthOptions{token, sigV4Option("us-east-1")}
		}, sigV4},
		{"preference reorders", func(o *Options) {
			schemes(o)
			o.AuthSchemeResolver = fixedAuthOptions{token, sigV4Option("us-east-1")}
			o.AuthSchemePreference = []string{"sigv4"}
		}, sigV4},
		{"unknown preference ignored", func(o *Options) {
			schemes(o)
			o.AuthSchemeResolver = fixedAuthOptions{token, sigV4Option("us-east-1")}
			o.AuthSchemePreference = []string{"sigv4a"}
		}, "^Token t0k$"},
		{"anonymous credentials fall through to no auth", func(o *Options) {
			o.Credentials = aws.AnonymousCredentials{}
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sendWidget(t, tt.options)
			require.NoError(t, err)

			auth := got.req.Header.Get("Authorization")
			if tt.wantAuth == "" {
				assert.Empty(t, auth)
				assert.Empty(t, got.req.Header.Get("X-Amz-Date"))
				return
			}
			assert.Regexp(t, tt.wantAuth, auth)
		})
	}
}

func TestAuthSchemeFailures(t *testing.T) {
	failing := authResolverFunc(func() ([]*smithyauth.Option, error) {
		return nil, errors.New("boom")
	})
	tests := []struct {
		name    string
		options func(*Options)
		wantErr string
	}{
		{"resolver error", func(o *Options) { o.AuthSchemeResolver = failing },
			"resolve auth scheme: boom"},
		{"nothing selectable", func(o *Options) {
			o.AuthSchemeResolver = fixedAuthOptions{{SchemeID: tokenSchemeID}}
		}, "could not select an auth scheme from 1 options"},
		{"sigv4 with anonymous credentials only", func(o *Options) {
			o.Credentials = aws.AnonymousCredentials{}
			o.AuthSchemeResolver = fixedAuthOptions{sigV4Option("us-east-1")}
		}, "could not select an auth scheme from 1 options"},
		{"no schemes", func(o *Options) {
			o.AuthSchemes = []smithyhttp.AuthScheme{}
			o.AuthSchemeResolver = fixedAuthOptions{sigV4Option("us-east-1")}
		}, "could not select an auth scheme from 1 options"},
		{"signer properties missing", func(o *Options) {
			o.AuthSchemeResolver = fixedAuthOptions{{SchemeID: smithyauth.SchemeIDSigV4}}
		}, "sign request: sigv4 signing name missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sendWidget(t, tt.options)
			assert.ErrorContains(t, err, "operation error DevOps Agent: PutWidget, "+tt.wantErr)
		})
	}
}

// authResolverFunc is an AuthSchemeResolver made of a function.
type authResolverFunc func() ([]*smithyauth.Option, error)

func (f authResolverFunc) ResolveAuthSchemes(
	context.Context, *AuthResolverParameters,
) ([]*smithyauth.Option, error) {
	return f()
}

func TestAuthResolverParameters(t *testing.T) {
	var got []AuthResolverParameters
	record := resolverRecorder(func(p *AuthResolverParameters) { got = append(got, *p) })

	_, err := sendWidget(t, func(o *Options) { o.Region = "eu-west-1"; o.AuthSchemeResolver = record })

	require.NoError(t, err)
	assert.Equal(t, []AuthResolverParameters{{Operation: "PutWidget", Region: "eu-west-1"}}, got)
}

// resolverRecorder is an AuthSchemeResolver that records its parameters
// and offers SigV4 for their region.
type resolverRecorder func(*AuthResolverParameters)

func (r resolverRecorder) ResolveAuthSchemes(
	_ context.Context, p *AuthResolverParameters,
) ([]*smithyauth.Option, error) {
	r(p)
	return []*smithyauth.Option{sigV4Option(p.Region)}, nil
}

func TestSigningNameAndRegionOverrides(t *testing.T) {
	withEndpointScope := WithEndpointResolverV2(endpointWithSigner("https://h.example",
		func(p *smithy.Properties) { smithyhttp.SetSigV4SigningName(p, "fromendpoint") }))
	tests := []struct {
		name      string
		options   []func(*Options)
		wantScope string
	}{
		{"default", nil, "/us-east-1/aidevops/"},
		{"signing name", []func(*Options){WithSigV4SigningName("custom")}, "/us-east-1/custom/"},
		{"signing region", []func(*Options){WithSigV4SigningRegion("eu-central-1")},
			"/eu-central-1/aidevops/"},
		{"both, applied twice", []func(*Options){
			WithSigV4SigningName("first"), WithSigV4SigningName("second"),
			WithSigV4SigningRegion("ap-south-1"),
		}, "/ap-south-1/second/"},
		{"endpoint signer properties", []func(*Options){withEndpointScope}, "/us-east-1/fromendpoint/"},
		{"override beats endpoint", []func(*Options){withEndpointScope, WithSigV4SigningName("final")},
			"/us-east-1/final/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sendWidget(t, tt.options...)
			require.NoError(t, err)
			assert.Contains(t, got.req.Header.Get("Authorization"), "Credential=AKIDEXAMPLE/")
			assert.Contains(t, got.req.Header.Get("Authorization"), tt.wantScope)
		})
	}
}

// endpointWithSigner is an EndpointResolverV2 returning url with a SigV4
// auth option whose signer properties set adjusts.
func endpointWithSigner(url string, set func(*smithy.Properties)) EndpointResolverV2 {
	return endpointResolverFunc(func() (smithyendpoints.Endpoint, error) {
		e, err := staticResolver(url).ResolveEndpoint(context.Background(), EndpointParameters{})
		option := &smithyauth.Option{SchemeID: smithyauth.SchemeIDSigV4}
		set(&option.SignerProperties)
		smithyauth.SetAuthOptions(&e.Properties, []*smithyauth.Option{option})
		return e, err
	})
}

// endpointResolverFunc is an EndpointResolverV2 made of a function.
type endpointResolverFunc func() (smithyendpoints.Endpoint, error)

func (f endpointResolverFunc) ResolveEndpoint(context.Context, EndpointParameters) (
	smithyendpoints.Endpoint, error,
) {
	return f()
}

func TestGetIdentityResolver(t *testing.T) {
	tests := []struct {
		name     string
		creds    aws.CredentialsProvider
		scheme   string
		wantType any // nil: no resolver
	}{
		{"sigv4", testCreds, smithyauth.SchemeIDSigV4, &credentialsResolver{}},
		{"sigv4 without credentials", nil, smithyauth.SchemeIDSigV4, &credentialsResolver{}},
		{"sigv4 anonymous", aws.AnonymousCredentials{}, smithyauth.SchemeIDSigV4, nil},
		{"no auth", testCreds, smithyauth.SchemeIDAnonymous, &smithyauth.AnonymousIdentityResolver{}},
		{"other", testCreds, smithyauth.SchemeIDHTTPBearer, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Options{Credentials: tt.creds}.GetIdentityResolver(tt.scheme)
			if tt.wantType == nil {
				assert.Nil(t, got)
				return
			}
			assert.IsType(t, tt.wantType, got)
		})
	}
}

func TestCredentialsResolver(t *testing.T) {
	expires := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	creds := aws.Credentials{AccessKeyID: "a", SecretAccessKey: "s", CanExpire: true, Expires: expires}
	static := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return creds, nil
	})

	identity, err := (&credentialsResolver{provider: static}).GetIdentity(context.Background(),
		smithy.Properties{})
	require.NoError(t, err)
	assert.Equal(t, &credentialsIdentity{credentials: creds}, identity)
	assert.Equal(t, expires, identity.Expiration())

	_, err = (&credentialsResolver{}).GetIdentity(context.Background(), smithy.Properties{})
	assert.ErrorIs(t, err, errNoCredentials)
}

func TestSigV4SignerRejectsOtherIdentities(t *testing.T) {
	scheme := newSigV4Scheme(New(Options{}).Options(), nil)
	req := smithyhttp.NewStackRequest().(*smithyhttp.Request)

	err := scheme.Signer().SignRequest(context.Background(), req, tokenIdentity("x"), smithy.Properties{})

	assert.EqualError(t, err, "sigv4 needs AWS credentials, got identity type devopsagent.tokenIdentity")
}

func TestCallOptionsRebindDefaultSigner(t *testing.T) {
	var signedWith []string
	signer := signerFunc(func(service string) { signedWith = append(signedWith, service) })
	var sent []captured
	c := New(Options{Region: "us-east-1", Credentials: testCreds, HTTPClient: captureClient(&sent)})

	_, err := c.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")},
		func(o *Options) { o.HTTPSignerV4 = signer })
	require.NoError(t, err)
	_, err = c.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})
	require.NoError(t, err)

	assert.Equal(t, []string{"aidevops"}, signedWith, "only the call that set it used it")
	require.Len(t, sent, 2)
	assert.NotEmpty(t, sent[1].req.Header.Get("Authorization"))
	assert.IsType(t, &sigV4Scheme{}, c.Options().AuthSchemes[0])
}

// signerFunc is an HTTPSignerV4 that records the service name and signs
// nothing.
type signerFunc func(service string)

func (f signerFunc) SignHTTP(_ context.Context, _ aws.Credentials, r *http.Request, _ string,
	service string, _ string, _ time.Time, _ ...func(*v4.SignerOptions),
) error {
	f(service)
	return nil
}
