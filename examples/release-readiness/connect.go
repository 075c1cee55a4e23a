package main

// This file decides where the example's requests go: an emulator started
// in-process, a running emulator, or the real service.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/devopsagentlocal"
)

// target is a connected client and the agent space to work in.
type target struct {
	client     *devopsagent.Client
	agentSpace string
	close      func()
}

func connect(ctx context.Context, s settings, out io.Writer) (*target, error) {
	switch {
	case s.region != "":
		return connectService(ctx, s, out)
	case s.endpoint != "":
		return connectEmulator(s, out)
	default:
		return startEmulator(out)
	}
}

// startEmulator runs the emulator inside this process, seeded with the
// GitHub registration that the real service would get from a browser flow.
func startEmulator(out io.Writer) (*target, error) {
	srv, err := devopsagentlocal.NewServer(devopsagentlocal.WithSeed(&devopsagentlocal.Seed{
		Services: []devopsagentlocal.SeedService{githubSeed()},
	}))
	if err != nil {
		return nil, fmt.Errorf("start emulator: %w", err)
	}
	fmt.Fprintf(out, "started the local emulator at %s\n", srv.URL())

	creds := srv.Credentials()
	client := localClient(srv.URL(), creds.AccessKeyID, creds.SecretAccessKey)
	closeServer := func() { _ = srv.Close() }
	space := devopsagentlocal.DefaultAgentSpaceID
	return &target{client: client, agentSpace: space, close: closeServer}, nil
}

func githubSeed() devopsagentlocal.SeedService {
	return devopsagentlocal.SeedService{
		ServiceID:   "github-octo-org",
		ServiceType: "github",
		Name:        "GitHub (octo-org)",
		AdditionalServiceDetails: []byte(
			`{"github":{"owner":"octo-org","ownerType":"organization"}}`),
	}
}

// connectEmulator targets an emulator started with cmd/devopsagent-local.
// Its default -credentials accept any key; pass the same pair it was given
// through AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY otherwise.
func connectEmulator(s settings, out io.Writer) (*target, error) {
	if !strings.HasPrefix(s.endpoint, "http://") && !strings.HasPrefix(s.endpoint, "https://") {
		return nil, fmt.Errorf("-endpoint %q: want an http:// or https:// URL", s.endpoint)
	}
	key, secret := envOr("AWS_ACCESS_KEY_ID", "local"), envOr("AWS_SECRET_ACCESS_KEY", "local")
	fmt.Fprintf(out, "using the emulator at %s\n", s.endpoint)

	space := s.agentSpace
	if space == "" {
		space = devopsagentlocal.DefaultAgentSpaceID
	}
	client := localClient(s.endpoint, key, secret)
	return &target{client: client, agentSpace: space, close: func() {}}, nil
}

func localClient(endpoint, key, secret string) *devopsagent.Client {
	return devopsagent.New(devopsagent.Options{
		Region:            devopsagentlocal.Region,
		BaseEndpoint:      aws.String(endpoint),
		DisableHostPrefix: true,
		Credentials:       credentials.NewStaticCredentialsProvider(key, secret, ""),
	})
}

// connectService targets the real service with the default credential
// chain, and says what is missing before any request is made.
func connectService(ctx context.Context, s settings, out io.Writer) (*target, error) {
	if s.agentSpace == "" {
		return nil, errors.New("-region needs -agent-space: the id of an agent space " +
			"created in the AWS DevOps Agent console")
	}
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion(s.region))
	if err != nil {
		return nil, fmt.Errorf("load AWS configuration: %w", err)
	}
	if _, err := cfg.Credentials.Retrieve(ctx); err != nil {
		return nil, fmt.Errorf("no AWS credentials for region %s (set AWS_PROFILE or "+
			"AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run aws sso login): %w", s.region, err)
	}
	fmt.Fprintf(out, "using AWS DevOps Agent in %s\n", s.region)
	client := devopsagent.NewFromConfig(cfg)
	return &target{client: client, agentSpace: s.agentSpace, close: func() {}}, nil
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
