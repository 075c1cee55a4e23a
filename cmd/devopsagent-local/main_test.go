package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/internal/emulator"
)

func TestRunServesAndStops(t *testing.T) {
	seed := filepath.Join(t.TempDir(), "seed.json")
	seedJSON := `{"agentSpaces":[{"agentSpaceId":"prod"}]}`
	require.NoError(t, os.WriteFile(seed, []byte(seedJSON), 0o600))

	ctx, cancel := context.WithCancel(context.Background())
	stdoutR, stdoutW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-seed", seed,
			"-credentials", "AKID:secret", "-state", filepath.Join(t.TempDir(), "s.json")},
			stdoutW, io.Discard)
		stdoutW.Close()
	}()

	line, err := bufio.NewReader(stdoutR).ReadString('\n')
	require.NoError(t, err)
	prefix := "DevOps Agent emulator listening on "
	require.True(t, strings.HasPrefix(line, prefix), line)
	url := strings.TrimSpace(strings.TrimPrefix(line, prefix))
	assert.True(t, strings.HasPrefix(url, "http://127.0.0.1:"), url)

	health, err := http.Get(url + "/_emulator/health")
	require.NoError(t, err)
	health.Body.Close()
	assert.Equal(t, http.StatusOK, health.StatusCode)

	unsigned, err := http.Post(url+"/v1/services/list", "application/json", nil)
	require.NoError(t, err)
	unsigned.Body.Close()
	assert.Equal(t, http.StatusForbidden, unsigned.StatusCode)
	assert.Equal(t, "AccessDeniedException", unsigned.Header.Get("X-Amzn-ErrorType"))

	cancel()
	require.NoError(t, <-done)
}

// TestExampleSeedLoads keeps the example seed file shipped beside the
// command valid against the model.
func TestExampleSeedLoads(t *testing.T) {
	opts, err := emulatorOptions(config{seedPath: "seed.example.json"}, io.Discard)
	require.NoError(t, err)
	require.Len(t, opts.Seed.Services, 2)

	_, err = emulator.New(opts)
	require.NoError(t, err)
}

func TestRunRejectsBadArguments(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"-credentials", "no-colon"}, "-credentials must be KEY:SECRET"},
		{[]string{"-credentials", "KEY:"}, "-credentials must be KEY:SECRET"},
		{[]string{"extra"}, "unexpected arguments: extra"},
		{[]string{"-token-lifetime", "0s"}, "-token-lifetime must be positive"},
		{[]string{"-token-lifetime", "-1h"}, "-token-lifetime must be positive"},
		{[]string{"-seed", "/does/not/exist.json"},
			"emulator: read seed: open /does/not/exist.json: no such file or directory"},
		{[]string{"-agent-space", "bad id"}, `emulator: agent space "bad id": 1 validation error ` +
			`detected: Value at '/' failed to satisfy constraint: Member must satisfy regular ` +
			`expression pattern: ^[a-zA-Z0-9-]{1,64}$`},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			err := run(context.Background(), tc.args, io.Discard, io.Discard)
			require.EqualError(t, err, tc.want)
		})
	}
}

// TestHelp prints the usage and succeeds without serving, as -h asks.
func TestHelp(t *testing.T) {
	for _, arg := range []string{"-h", "-help", "--help"} {
		t.Run(arg, func(t *testing.T) {
			var stdout, stderr strings.Builder
			err := run(context.Background(), []string{"-addr", "bad:address:", arg},
				&stdout, &stderr)
			require.NoError(t, err)
			assert.Empty(t, stdout.String())
			assert.True(t, strings.HasPrefix(stderr.String(),
				"Usage: devopsagent-local [flags]\n"), stderr.String())
			assert.Contains(t, stderr.String(), "-state string")
		})
	}
}

// TestEmptyStateFileStarts runs with a state file made by `touch`.
func TestEmptyStateFileStarts(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.json")
	require.NoError(t, os.WriteFile(state, nil, 0o600))
	opts, err := emulatorOptions(config{statePath: state, agentSpace: "default"}, io.Discard)
	require.NoError(t, err)

	_, err = emulator.New(opts)
	require.NoError(t, err)
}

func TestCredentialsFromEnvironment(t *testing.T) {
	t.Setenv(credentialsEnv, "AKID:from-env")
	cfg, err := parseFlags(nil, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, "AKID:from-env", cfg.credentials)

	cfg, err = parseFlags([]string{"-credentials", "AKID:flag"}, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, "AKID:flag", cfg.credentials, "the flag wins over the environment")
}

func TestTokenLifetimeFlag(t *testing.T) {
	cfg, err := parseFlags([]string{"-token-lifetime", "90m"}, io.Discard)
	require.NoError(t, err)

	opts, err := emulatorOptions(cfg, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, 90*time.Minute, opts.TokenLifetime)
}
