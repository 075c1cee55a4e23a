package main

import (
	"bytes"
	"context"
	"flag"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/devopsagentlocal"
)

func TestRunOnInProcessEmulator(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), nil, &out))

	text := out.String()
	assert.Contains(t, text, "started the local emulator at http://127.0.0.1:")
	assert.Contains(t, text, "found GitHub service github-octo-org (GitHub (octo-org))")
	assert.Contains(t, text, "listed 2 tasks in 2 pages")
	assert.Regexp(t, regexp.MustCompile(`review task +\S+ COMPLETED, version 3`), text)
	assert.Regexp(t, regexp.MustCompile(`RELEASE_READINESS_REVIEW +COMPLETED +v3`), text,
		"the backlog is listed after the review moved on")
	assert.Regexp(t, regexp.MustCompile(`testing task +\S+ PENDING_START, version 1`), text)
	assert.Regexp(t, regexp.MustCompile(`repository association \S+, status valid`), text)
	assert.Regexp(t, regexp.MustCompile(`skill asset +\S+, version 1`), text)
}

func TestRunAgainstRunningEmulator(t *testing.T) {
	srv := devopsagentlocal.Start(t, devopsagentlocal.WithAgentSpace("prod"),
		devopsagentlocal.WithSeed(&devopsagentlocal.Seed{
			Services: []devopsagentlocal.SeedService{githubSeed()},
		}))
	creds := srv.Credentials()
	t.Setenv("AWS_ACCESS_KEY_ID", creds.AccessKeyID)
	t.Setenv("AWS_SECRET_ACCESS_KEY", creds.SecretAccessKey)

	var out bytes.Buffer
	args := []string{"-endpoint", srv.URL(), "-agent-space", "prod"}
	require.NoError(t, run(context.Background(), args, &out))
	assert.Contains(t, out.String(), "Release readiness summary (agent space prod)")
}

func TestRunFailsClearlyWithoutGitHub(t *testing.T) {
	srv := devopsagentlocal.Start(t)
	creds := srv.Credentials()
	t.Setenv("AWS_ACCESS_KEY_ID", creds.AccessKeyID)
	t.Setenv("AWS_SECRET_ACCESS_KEY", creds.SecretAccessKey)

	err := run(context.Background(), []string{"-endpoint", srv.URL()}, &bytes.Buffer{})
	require.EqualError(t, err, "find the GitHub registration: no GitHub service is "+
		"registered; connect GitHub in the AWS DevOps Agent console first")
}

func TestHelpIsNotAnError(t *testing.T) {
	err := run(context.Background(), []string{"-h"}, &bytes.Buffer{})
	require.ErrorIs(t, err, flag.ErrHelp, "main exits 0 on flag.ErrHelp")
}

func TestFlagErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-endpoint", "x", "-region", "us-east-1"}, "-endpoint and -region exclude each other"},
		{[]string{"extra"}, `unexpected argument "extra"`},
		{[]string{"-endpoint", "127.0.0.1:4566"}, `-endpoint "127.0.0.1:4566": want an http:// or https:// URL`},
		{[]string{"-region", "us-east-1"}, "-region needs -agent-space: the id of an agent space " +
			"created in the AWS DevOps Agent console"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			err := run(context.Background(), tt.args, &bytes.Buffer{})
			require.EqualError(t, err, tt.want)
		})
	}
}
