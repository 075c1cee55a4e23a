package devopsagent

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	smithyauth "github.com/aws/smithy-go/auth"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/middleware"
	smithyrand "github.com/aws/smithy-go/rand"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewFillsDefaults(t *testing.T) {
	o := New(Options{}).Options()

	assert.IsType(t, logging.Nop{}, o.Logger)
	assert.IsType(t, &awshttp.BuildableClient{}, o.HTTPClient)
	assert.IsType(t, &v4.Signer{}, o.HTTPSignerV4)
	assert.IsType(t, defaultEndpointResolver{}, o.EndpointResolverV2)
	assert.IsType(t, &smithyrand.UUIDIdempotencyToken{}, o.IdempotencyTokenProvider)
	assert.IsType(t, &retry.Standard{}, o.Retryer)
	assert.Equal(t, 3, o.Retryer.MaxAttempts())
	assert.Equal(t, aws.RetryModeStandard, o.RetryMode)
	assert.Nil(t, o.Credentials)
	assert.Equal(t, tracing.NopTracerProvider{}, o.TracerProvider)
	assert.Equal(t, metrics.NopMeterProvider{}, o.MeterProvider)
	assert.IsType(t, &defaultAuthSchemeResolver{}, o.AuthSchemeResolver)
	require.Len(t, o.AuthSchemes, 1)
	assert.Equal(t, smithyauth.SchemeIDSigV4, o.AuthSchemes[0].SchemeID())
	assert.Nil(t, o.EndpointResolver)
}

func TestNewRetryer(t *testing.T) {
	tests := []struct {
		name    string
		options Options
		wantMax int
		adapt   bool
	}{
		{"standard", Options{}, 3, false},
		{"standard with max", Options{RetryMaxAttempts: 7}, 7, false},
		{"adaptive", Options{RetryMode: aws.RetryModeAdaptive}, 3, true},
		{"adaptive with max", Options{RetryMode: aws.RetryModeAdaptive, RetryMaxAttempts: 5}, 5, true},
		{"caller's retryer capped", Options{Retryer: retry.NewStandard(), RetryMaxAttempts: 2}, 2, false},
		{"caller's retryer kept", Options{Retryer: aws.NopRetryer{}}, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(tt.options).Options().Retryer

			assert.Equal(t, tt.wantMax, r.MaxAttempts())
			_, adaptive := r.(*retry.AdaptiveMode)
			assert.Equal(t, tt.adapt, adaptive)
		})
	}
}

func TestNewCachesCredentials(t *testing.T) {
	calls := 0
	counting := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		calls++
		return aws.Credentials{AccessKeyID: "a", SecretAccessKey: "s", Source: "test"}, nil
	})
	cache := aws.NewCredentialsCache(counting)
	tests := []struct {
		name  string
		creds aws.CredentialsProvider
		check func(t *testing.T, got aws.CredentialsProvider)
	}{
		{"provider wrapped", counting, func(t *testing.T, got aws.CredentialsProvider) {
			assert.IsType(t, &aws.CredentialsCache{}, got)
		}},
		{"cache kept", cache, func(t *testing.T, got aws.CredentialsProvider) {
			assert.Same(t, cache, got)
		}},
		{"anonymous kept", aws.AnonymousCredentials{}, func(t *testing.T, got aws.CredentialsProvider) {
			assert.Equal(t, aws.AnonymousCredentials{}, got)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, New(Options{Credentials: tt.creds}).Options().Credentials)
		})
	}

	c := New(Options{Credentials: counting}).Options().Credentials
	for range 3 {
		_, err := c.Retrieve(context.Background())
		require.NoError(t, err)
	}
	assert.Equal(t, 1, calls)
}

func TestOptionsCopyIsIndependent(t *testing.T) {
	nop := func(*middleware.Stack) error { return nil }
	o := Options{APIOptions: make([]func(*middleware.Stack) error, 1, 4)}
	o.APIOptions[0] = nop

	c := o.Copy()
	c.APIOptions = append(c.APIOptions, nop)
	o.APIOptions = append(o.APIOptions, nop, nop)

	assert.Len(t, c.APIOptions, 2)
	assert.Len(t, o.APIOptions, 3)
}

func TestOptionsCopyIsolatesInterceptors(t *testing.T) {
	var o Options
	o.Interceptors.AddBeforeExecution(&hookRecorder{})

	c := o.Copy()
	c.Interceptors.AddBeforeExecution(&hookRecorder{})
	c.Interceptors.AddAfterExecution(&hookRecorder{})

	assert.Len(t, o.Interceptors.BeforeExecution, 1)
	assert.Empty(t, o.Interceptors.AfterExecution)
	assert.Len(t, c.Interceptors.BeforeExecution, 2)
}

func TestDefaultAuthSchemeResolver(t *testing.T) {
	got, err := New(Options{}).Options().AuthSchemeResolver.ResolveAuthSchemes(context.Background(),
		&AuthResolverParameters{Operation: "GetService", Region: "eu-west-1"})
	require.NoError(t, err)

	require.Len(t, got, 2)
	assert.Equal(t, smithyauth.SchemeIDSigV4, got[0].SchemeID)
	name, _ := smithyhttp.GetSigV4SigningName(&got[0].SignerProperties)
	region, _ := smithyhttp.GetSigV4SigningRegion(&got[0].SignerProperties)
	assert.Equal(t, []string{"aidevops", "eu-west-1"}, []string{name, region})
	assert.Equal(t, smithyauth.SchemeIDAnonymous, got[1].SchemeID)
}

func TestNewAppliesOptFnsToACopy(t *testing.T) {
	base := Options{Region: "us-east-1", APIOptions: make([]func(*middleware.Stack) error, 0, 4)}

	c := New(base, WithAPIOptions(func(*middleware.Stack) error { return nil }),
		func(o *Options) { o.Region = "eu-west-1" })

	assert.Equal(t, "eu-west-1", c.Options().Region)
	assert.Len(t, c.Options().APIOptions, 1)
	assert.Equal(t, "us-east-1", base.Region)
	assert.Empty(t, base.APIOptions)
}

func TestCallOptionsDoNotLeak(t *testing.T) {
	f := newFakeService(t)
	c := f.client()

	_, err := c.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")},
		func(o *Options) { o.Region = "eu-west-1"; o.AppID = "once" })
	require.NoError(t, err)

	assert.Equal(t, "us-east-1", c.Options().Region)
	assert.Empty(t, c.Options().AppID)
	assert.Contains(t, requireOneRequest(t, f).Header.Get("Authorization"), "/eu-west-1/aidevops/")
}

func TestCallOptionsClearedFieldsGetDefaults(t *testing.T) {
	f := newFakeService(t, reply{Status: 500, Body: `{}`}, reply{Status: 200, Body: `{}`})

	_, err := f.client().putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")},
		func(o *Options) {
			o.Retryer = nil
			o.EndpointResolverV2 = nil
			o.HTTPSignerV4 = nil
			o.HTTPClient = nil
			o.Logger = nil
			o.IdempotencyTokenProvider = nil
		})

	require.NoError(t, err)
	assert.Len(t, f.received(), 2)
}
