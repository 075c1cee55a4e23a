package devopsagent

// This file builds a Client from an aws.Config, as loaded by
// config.LoadDefaultConfig: the settings aws.Config carries directly plus
// the ones only its config sources (environment, shared config files)
// know, the FIPS and dual-stack switches and the service-specific
// endpoint URL.

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// NewFromConfig returns a Client configured from cfg, then adjusted by
// optFns.
func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
	opts := Options{
		Region:               cfg.Region,
		Credentials:          cfg.Credentials,
		HTTPClient:           cfg.HTTPClient,
		RetryMaxAttempts:     cfg.RetryMaxAttempts,
		RetryMode:            cfg.RetryMode,
		APIOptions:           cfg.APIOptions,
		Logger:               cfg.Logger,
		ClientLogMode:        cfg.ClientLogMode,
		AppID:                cfg.AppID,
		DefaultsMode:         cfg.DefaultsMode,
		RuntimeEnvironment:   cfg.RuntimeEnvironment,
		AuthSchemePreference: cfg.AuthSchemePreference,
		Interceptors:         cfg.Interceptors.Copy(),
		EndpointResolver:     legacyResolverFromConfig(cfg),
	}
	if cfg.Retryer != nil {
		opts.Retryer = cfg.Retryer()
	}
	if fips, found := fipsFromSources(cfg.ConfigSources); found {
		opts.EndpointOptions.UseFIPSEndpoint = fips
	}
	if dualStack, found := dualStackFromSources(cfg.ConfigSources); found {
		opts.EndpointOptions.UseDualStackEndpoint = dualStack
	}
	opts.BaseEndpoint = baseEndpointFromConfig(cfg)

	return New(opts, func(o *Options) {
		for _, fn := range cfg.ServiceOptions {
			fn(ServiceID, o)
		}
		for _, fn := range optFns {
			fn(o)
		}
	})
}

// The config sources of an aws.Config (config.EnvConfig,
// config.SharedConfig, config.LoadOptions) answer these method sets. The
// SDK's own interfaces for them are internal to its module, so the method
// sets are declared here again.
type (
	fipsSource interface {
		GetUseFIPSEndpoint(context.Context) (aws.FIPSEndpointState, bool, error)
	}
	dualStackSource interface {
		GetUseDualStackEndpoint(context.Context) (aws.DualStackEndpointState, bool, error)
	}
	serviceEndpointSource interface {
		GetServiceBaseEndpoint(ctx context.Context, sdkID string) (string, bool, error)
	}
	ignoreEndpointsSource interface {
		GetIgnoreConfiguredEndpoints(context.Context) (bool, bool, error)
	}
)

// fipsFromSources returns the first FIPS setting a config source holds.
func fipsFromSources(sources []any) (aws.FIPSEndpointState, bool) {
	for _, s := range sources {
		p, ok := s.(fipsSource)
		if !ok {
			continue
		}
		if v, found, err := p.GetUseFIPSEndpoint(context.Background()); err == nil && found {
			return v, true
		}
	}
	return aws.FIPSEndpointStateUnset, false
}

// dualStackFromSources returns the first dual-stack setting a config
// source holds. Only the legacy EndpointResolver reads it.
func dualStackFromSources(sources []any) (aws.DualStackEndpointState, bool) {
	for _, s := range sources {
		p, ok := s.(dualStackSource)
		if !ok {
			continue
		}
		if v, found, err := p.GetUseDualStackEndpoint(context.Background()); err == nil && found {
			return v, true
		}
	}
	return aws.DualStackEndpointStateUnset, false
}

// baseEndpointFromConfig returns the endpoint URL configured for this
// service (AWS_ENDPOINT_URL_DEVOPS_AGENT or the services section of the
// shared config), else cfg.BaseEndpoint. A global AWS_ENDPOINT_URL, which
// reaches us as cfg.BaseEndpoint, outranks a service entry of the shared
// config file; a source may also say to ignore configured endpoints.
func baseEndpointFromConfig(cfg aws.Config) *string {
	_, global := os.LookupEnv("AWS_ENDPOINT_URL")
	_, service := os.LookupEnv("AWS_ENDPOINT_URL_DEVOPS_AGENT")
	if global && !service {
		return cfg.BaseEndpoint
	}
	if ignoreConfiguredEndpoints(cfg.ConfigSources) {
		return cfg.BaseEndpoint
	}

	for _, s := range cfg.ConfigSources {
		p, ok := s.(serviceEndpointSource)
		if !ok {
			continue
		}
		v, found, err := p.GetServiceBaseEndpoint(context.Background(), ServiceID)
		if err == nil && found {
			return &v
		}
	}
	return cfg.BaseEndpoint
}

// ignoreConfiguredEndpoints reports whether a config source disables
// configured endpoint URLs (AWS_IGNORE_CONFIGURED_ENDPOINT_URLS).
func ignoreConfiguredEndpoints(sources []any) bool {
	for _, s := range sources {
		p, ok := s.(ignoreEndpointsSource)
		if !ok {
			continue
		}
		v, found, err := p.GetIgnoreConfiguredEndpoints(context.Background())
		if err == nil && found {
			return v
		}
	}
	return false
}
