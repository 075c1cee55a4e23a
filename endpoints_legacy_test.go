package devopsagent

// Tests of the legacy (v1) endpoint resolver API.
//
//lint:file-ignore SA1019 the deprecated v1 API is what these tests test

import (
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/logging"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLegacyEndpointResolver(t *testing.T) {
	const path = "/v1/widgets/w"
	fromURL := func(url string, optFns ...func(*aws.Endpoint)) func(*Options) {
		return WithEndpointResolver(EndpointResolverFromURL(url, optFns...))
	}
	failing := func(err error) func(*Options) {
		return WithEndpointResolver(EndpointResolverFunc(
			func(string, EndpointResolverOptions) (aws.Endpoint, error) { return aws.Endpoint{}, err }))
	}
	immutable := func(e *aws.Endpoint) { e.HostnameImmutable = true }
	plainHTTP := func(o *Options) { o.EndpointOptions.DisableHTTPS = true }
	tests := []struct {
		name      string
		options   []func(*Options)
		wantURL   string
		wantScope string
		wantErr   string
	}{
		{"no legacy resolver", nil, "https://dp.aidevops.us-east-1.api.aws" + path, "/us-east-1/aidevops/", ""},
		{"its URL wins", []func(*Options){fromURL("https://legacy.example/base")},
			"https://dp.legacy.example/base" + path, "/us-east-1/aidevops/", ""},
		{"it wins over BaseEndpoint", []func(*Options){
			fromURL("https://legacy.example"), func(o *Options) { o.BaseEndpoint = aws.String("https://b") },
		}, "https://dp.legacy.example" + path, "/us-east-1/aidevops/", ""},
		{"hostname immutable", []func(*Options){fromURL("https://legacy.example/base", immutable)},
			"https://legacy.example/base" + path, "/us-east-1/aidevops/", ""},
		{"signing name and region", []func(*Options){fromURL("https://legacy.example",
			func(e *aws.Endpoint) { e.SigningName, e.SigningRegion = "other", "eu-west-3" })},
			"https://dp.legacy.example" + path, "/eu-west-3/other/", ""},
		{"signing overrides win", []func(*Options){fromURL("https://legacy.example",
			func(e *aws.Endpoint) { e.SigningName, e.SigningRegion = "other", "eu-west-3" }),
			WithSigV4SigningName("mine"), WithSigV4SigningRegion("ap-east-1")},
			"https://dp.legacy.example" + path, "/ap-east-1/mine/", ""},
		{"disable https", []func(*Options){fromURL("https://legacy.example"), plainHTTP},
			"http://dp.legacy.example" + path, "/us-east-1/aidevops/", ""},
		{"disable https, hostname immutable", []func(*Options){
			fromURL("https://legacy.example", immutable), plainHTTP,
		}, "https://legacy.example" + path, "/us-east-1/aidevops/", ""},
		{"default v1 table", []func(*Options){WithEndpointResolver(NewDefaultEndpointResolver())},
			"https://dp.aidevops.us-east-1.amazonaws.com" + path, "/us-east-1/aidevops/", ""},
		{"not found falls back to the rules", []func(*Options){failing(&aws.EndpointNotFoundError{})},
			"https://dp.aidevops.us-east-1.api.aws" + path, "/us-east-1/aidevops/", ""},
		{"wrapped not found too", []func(*Options){
			failing(errors.Join(errors.New("x"), &aws.EndpointNotFoundError{})),
		}, "https://dp.aidevops.us-east-1.api.aws" + path, "/us-east-1/aidevops/", ""},
		{"other errors fail", []func(*Options){failing(errors.New("nope"))}, "", "",
			"operation error DevOps Agent: PutWidget, failed to resolve service endpoint, nope"},
		{"bad URL", []func(*Options){fromURL("://bad")}, "", "",
			`operation error DevOps Agent: PutWidget, failed to parse endpoint URL: parse "://bad": ` +
				"missing protocol scheme"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sendWidget(t, tt.options...)

			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantURL, got.req.URL.String())
			assert.Contains(t, got.req.Header.Get("Authorization"), tt.wantScope)
		})
	}
}

func TestLegacyResolverReceivesOptions(t *testing.T) {
	logger := logging.NewStandardLogger(nil)
	var gotRegion string
	var gotOptions EndpointResolverOptions
	resolver := EndpointResolverFunc(func(region string, o EndpointResolverOptions) (aws.Endpoint, error) {
		gotRegion, gotOptions = region, o
		return aws.Endpoint{}, &aws.EndpointNotFoundError{}
	})
	tests := []struct {
		name       string
		region     string
		logMode    aws.ClientLogMode
		wantRegion string
		want       EndpointResolverOptions
	}{
		{"plain", "us-west-2", 0, "us-west-2", EndpointResolverOptions{Logger: logger}},
		{"deprecated usage logged", "us-west-2", aws.LogDeprecatedUsage, "us-west-2",
			EndpointResolverOptions{Logger: logger, LogDeprecated: true}},
		{"fips pseudo-region", "fips-us-west-2", 0, "fips-us-west-2",
			EndpointResolverOptions{Logger: logger, ResolvedRegion: "us-west-2",
				UseFIPSEndpoint: aws.FIPSEndpointStateEnabled}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sendWidget(t, WithEndpointResolver(resolver), func(o *Options) {
				o.Region, o.Logger, o.ClientLogMode = tt.region, logger, tt.logMode
			})
			require.NoError(t, err)

			assert.Equal(t, tt.wantRegion, gotRegion)
			assert.Equal(t, tt.want, gotOptions)
		})
	}
}

func TestDefaultEndpointResolver(t *testing.T) {
	fips := EndpointResolverOptions{UseFIPSEndpoint: aws.FIPSEndpointStateEnabled}
	dualStack := EndpointResolverOptions{UseDualStackEndpoint: aws.DualStackEndpointStateEnabled}
	both := EndpointResolverOptions{UseFIPSEndpoint: aws.FIPSEndpointStateEnabled,
		UseDualStackEndpoint: aws.DualStackEndpointStateEnabled}
	tests := []struct {
		region      string
		options     EndpointResolverOptions
		wantURL     string
		wantPart    string
		wantSignReg string
		wantErr     string
	}{
		{"us-east-1", EndpointResolverOptions{}, "https://aidevops.us-east-1.amazonaws.com", "aws", "us-east-1", ""},
		{"cn-north-1", EndpointResolverOptions{}, "https://aidevops.cn-north-1.amazonaws.com.cn",
			"aws-cn", "cn-north-1", ""},
		{"us-iso-east-1", EndpointResolverOptions{}, "https://aidevops.us-iso-east-1.c2s.ic.gov",
			"aws-iso", "us-iso-east-1", ""},
		{"aws-cn-global", EndpointResolverOptions{}, "https://aidevops.aws-cn-global.amazonaws.com",
			"aws", "aws-cn-global", ""},
		{"foo", EndpointResolverOptions{}, "https://aidevops.foo.amazonaws.com", "aws", "foo", ""},
		{"us-east-1", fips, "https://aidevops-fips.us-east-1.amazonaws.com", "aws", "us-east-1", ""},
		{"us-isob-east-1", fips, "https://aidevops-fips.us-isob-east-1.sc2s.sgov.gov",
			"aws-iso-b", "us-isob-east-1", ""},
		{"us-east-1", dualStack, "https://aidevops.us-east-1.api.aws", "aws", "us-east-1", ""},
		{"cn-north-1", dualStack, "https://aidevops.cn-north-1.api.amazonwebservices.com.cn",
			"aws-cn", "cn-north-1", ""},
		{"us-gov-west-1", both, "https://aidevops-fips.us-gov-west-1.api.aws",
			"aws-us-gov", "us-gov-west-1", ""},
		{"us-iso-east-1", dualStack, "", "", "", "unable to resolve endpoint for region: us-iso-east-1"},
		{"us-east-1", EndpointResolverOptions{DisableHTTPS: true, ResolvedRegion: "eu-west-1"},
			"http://aidevops.eu-west-1.amazonaws.com", "aws", "eu-west-1", ""},
		{"", EndpointResolverOptions{ResolvedRegion: "eu-west-1"}, "", "", "",
			"an AWS region is required, but was not found"},
	}
	for _, tt := range tests {
		t.Run(tt.region+" "+tt.wantURL, func(t *testing.T) {
			got, err := NewDefaultEndpointResolver().ResolveEndpoint(tt.region, tt.options)

			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, aws.Endpoint{URL: tt.wantURL, PartitionID: tt.wantPart,
				SigningRegion: tt.wantSignReg, SigningMethod: "v4"}, got)
		})
	}
}

func TestEndpointResolverFromURL(t *testing.T) {
	plain := EndpointResolverFromURL("https://x.example")
	signed := EndpointResolverFromURL("https://x.example",
		func(e *aws.Endpoint) { e.SigningRegion = "fixed" })

	for _, region := range []string{"us-east-1", "eu-west-1"} {
		got, err := plain.ResolveEndpoint(region, EndpointResolverOptions{})
		require.NoError(t, err)
		assert.Equal(t, aws.Endpoint{URL: "https://x.example", SigningRegion: region,
			Source: aws.EndpointSourceCustom}, got, "the region of each call")

		got, err = signed.ResolveEndpoint(region, EndpointResolverOptions{})
		require.NoError(t, err)
		assert.Equal(t, "fixed", got.SigningRegion)
	}
}

func TestLegacyMiddlewareWithoutResolver(t *testing.T) {
	var m ResolveEndpoint
	assert.Equal(t, "ResolveEndpoint", m.ID())

	got, err := sendWidget(t, WithEndpointResolver(nil))
	require.NoError(t, err)
	assert.Equal(t, "dp.aidevops.us-east-1.api.aws", got.req.URL.Host)
}

func TestNewFromConfigLegacyResolvers(t *testing.T) {
	var gotService string
	var gotOptions []any
	withOptions := aws.EndpointResolverWithOptionsFunc(
		func(service, _ string, options ...any) (aws.Endpoint, error) {
			gotService, gotOptions = service, options
			return aws.Endpoint{URL: "https://cfg.example", HostnameImmutable: true}, nil
		})
	plain := aws.EndpointResolverFunc(func(string, string) (aws.Endpoint, error) {
		return aws.Endpoint{}, &aws.EndpointNotFoundError{}
	})
	tests := []struct {
		name    string
		cfg     aws.Config
		wantURL string
	}{
		{"with options", aws.Config{EndpointResolverWithOptions: withOptions},
			"https://cfg.example/v1/widgets/w"},
		{"with options wins", aws.Config{EndpointResolverWithOptions: withOptions, EndpointResolver: plain},
			"https://cfg.example/v1/widgets/w"},
		{"plain, not found", aws.Config{EndpointResolver: plain},
			"https://dp.aidevops.us-east-1.api.aws/v1/widgets/w"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sent []captured
			tt.cfg.Region, tt.cfg.Credentials, tt.cfg.HTTPClient = "us-east-1", testCreds, captureClient(&sent)

			_, err := NewFromConfig(tt.cfg).putWidget(t.Context(), &putWidgetInput{WidgetID: aws.String("w")})

			require.NoError(t, err)
			require.Len(t, sent, 1)
			assert.Equal(t, tt.wantURL, sent[0].req.URL.String())
		})
	}
	assert.Equal(t, "DevOps Agent", gotService)
	require.Len(t, gotOptions, 1)
	assert.IsType(t, EndpointResolverOptions{}, gotOptions[0])
}
