package devopsagent

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/smithy-go/logging"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeSource is a config source answering like config.EnvConfig does.
type fakeSource struct {
	fips      *aws.FIPSEndpointState
	dualStack *aws.DualStackEndpointState
	endpoint  map[string]string
	ignore    *bool
	err       error
}

func (s fakeSource) GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error) {
	if s.fips == nil {
		return aws.FIPSEndpointStateUnset, false, s.err
	}
	return *s.fips, true, s.err
}

func (s fakeSource) GetUseDualStackEndpoint(context.Context) (aws.DualStackEndpointState, bool, error) {
	if s.dualStack == nil {
		return aws.DualStackEndpointStateUnset, false, s.err
	}
	return *s.dualStack, true, s.err
}

func (s fakeSource) GetServiceBaseEndpoint(_ context.Context, sdkID string) (string, bool, error) {
	v, ok := s.endpoint[sdkID]
	return v, ok, s.err
}

func (s fakeSource) GetIgnoreConfiguredEndpoints(context.Context) (bool, bool, error) {
	if s.ignore == nil {
		return false, false, nil
	}
	return *s.ignore, true, nil
}

func TestNewFromConfigCopiesSettings(t *testing.T) {
	logger := logging.NewStandardLogger(nil)
	var serviceIDs []string
	cfg := aws.Config{
		Region:           "eu-west-1",
		Credentials:      testCreds,
		RetryMaxAttempts: 4,
		RetryMode:        aws.RetryModeStandard,
		Logger:           logger,
		ClientLogMode:    aws.LogRetries,
		AppID:            "app",
		BaseEndpoint:     aws.String("https://base.example"),
		ServiceOptions: []func(string, any){func(id string, o any) {
			serviceIDs = append(serviceIDs, id)
			o.(*Options).DisableHostPrefix = true
		}},
	}

	o := NewFromConfig(cfg, func(o *Options) { o.AppID = "override" }).Options()

	assert.Equal(t, "eu-west-1", o.Region)
	assert.IsType(t, &aws.CredentialsCache{}, o.Credentials)
	assert.Equal(t, 4, o.Retryer.MaxAttempts())
	assert.Same(t, logger, o.Logger)
	assert.Equal(t, aws.LogRetries, o.ClientLogMode)
	assert.Equal(t, "override", o.AppID)
	assert.Equal(t, "https://base.example", aws.ToString(o.BaseEndpoint))
	assert.True(t, o.DisableHostPrefix)
	assert.Equal(t, []string{"DevOps Agent"}, serviceIDs)
}

func TestNewFromConfigRetryer(t *testing.T) {
	nine := func() aws.Retryer { return retry.AddWithMaxAttempts(retry.NewStandard(), 9) }
	cfg := aws.Config{Retryer: nine}

	assert.Equal(t, 9, NewFromConfig(cfg).Options().Retryer.MaxAttempts())
}

func TestNewFromConfigEndpointSources(t *testing.T) {
	enabled := aws.FIPSEndpointStateEnabled
	yes := true
	service := map[string]string{"DevOps Agent": "https://service.example"}
	tests := []struct {
		name         string
		env          map[string]string
		sources      []any
		wantFIPS     aws.FIPSEndpointState
		wantEndpoint string
	}{
		{"nothing", nil, nil, aws.FIPSEndpointStateUnset, "https://base.example"},
		{"fips", nil, []any{"not a source", fakeSource{fips: &enabled}}, enabled, "https://base.example"},
		{"fips source error skipped", nil, []any{fakeSource{fips: &enabled, err: errors.New("x")}},
			aws.FIPSEndpointStateUnset, "https://base.example"},
		{"service endpoint", nil, []any{fakeSource{endpoint: service}}, aws.FIPSEndpointStateUnset,
			"https://service.example"},
		{"other service ignored", nil, []any{fakeSource{endpoint: map[string]string{"S3": "https://s3"}}},
			aws.FIPSEndpointStateUnset, "https://base.example"},
		{"configured endpoints ignored", nil,
			[]any{fakeSource{ignore: &yes}, fakeSource{endpoint: service}},
			aws.FIPSEndpointStateUnset, "https://base.example"},
		{"global env outranks file", map[string]string{"AWS_ENDPOINT_URL": "https://base.example"},
			[]any{fakeSource{endpoint: service}}, aws.FIPSEndpointStateUnset, "https://base.example"},
		{"service env", map[string]string{"AWS_ENDPOINT_URL": "https://base.example",
			"AWS_ENDPOINT_URL_DEVOPS_AGENT": "https://service.example"},
			[]any{fakeSource{endpoint: service}}, aws.FIPSEndpointStateUnset, "https://service.example"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for name, value := range tt.env {
				t.Setenv(name, value)
			}
			cfg := aws.Config{BaseEndpoint: aws.String("https://base.example"), ConfigSources: tt.sources}

			o := NewFromConfig(cfg).Options()

			assert.Equal(t, tt.wantFIPS, o.EndpointOptions.UseFIPSEndpoint)
			assert.Equal(t, tt.wantEndpoint, aws.ToString(o.BaseEndpoint))
		})
	}
}

func TestNewFromConfigWithLoadDefaultConfig(t *testing.T) {
	t.Setenv("AWS_REGION", "ap-south-1")
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIDENV")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "SECRETENV")
	t.Setenv("AWS_USE_FIPS_ENDPOINT", "true")
	t.Setenv("AWS_ENDPOINT_URL_DEVOPS_AGENT", "http://127.0.0.1:9")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	cfg, err := config.LoadDefaultConfig(context.Background())
	require.NoError(t, err)

	o := NewFromConfig(cfg).Options()

	assert.Equal(t, "ap-south-1", o.Region)
	assert.Equal(t, aws.FIPSEndpointStateEnabled, o.EndpointOptions.UseFIPSEndpoint)
	assert.Equal(t, "http://127.0.0.1:9", aws.ToString(o.BaseEndpoint))
	creds, err := o.Credentials.Retrieve(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "AKIDENV", creds.AccessKeyID)
}

func TestNewFromConfigCopiesNewerSettings(t *testing.T) {
	dualStack := aws.DualStackEndpointStateEnabled
	env := aws.RuntimeEnvironment{EnvironmentIdentifier: "AWS_Lambda_go1.x", Region: "eu-west-1"}
	hooks := &hookRecorder{}
	cfg := aws.Config{
		Region:               "eu-west-1",
		DefaultsMode:         aws.DefaultsModeAuto,
		RuntimeEnvironment:   env,
		AuthSchemePreference: []string{"sigv4"},
		ConfigSources:        []any{fakeSource{dualStack: &dualStack}},
	}
	cfg.Interceptors.AddBeforeExecution(hooks)

	o := NewFromConfig(cfg).Options()

	assert.Equal(t, aws.DefaultsModeAuto, o.DefaultsMode)
	assert.Equal(t, aws.DefaultsModeInRegion, o.resolvedDefaultsMode)
	assert.Equal(t, env, o.RuntimeEnvironment)
	assert.Equal(t, []string{"sigv4"}, o.AuthSchemePreference)
	assert.Equal(t, dualStack, o.EndpointOptions.UseDualStackEndpoint)
	require.Len(t, o.Interceptors.BeforeExecution, 1)
	cfg.Interceptors.AddBeforeExecution(hooks)
	assert.Len(t, o.Interceptors.BeforeExecution, 1, "the registry is copied")
	assert.Nil(t, o.EndpointResolver)
}
