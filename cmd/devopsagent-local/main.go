// Command devopsagent-local runs the DevOps Agent API emulator on a local
// address, so the client (or any AWS SDK pointed at it) can be tried
// without an AWS account.
//
// Usage:
//
//	devopsagent-local [-addr 127.0.0.1:4566] [-credentials KEY:SECRET]
//	                  [-state FILE] [-seed FILE] [-agent-space ID]
//
// Without -credentials any well-formed SigV4 signature for the signing
// name "aidevops" is accepted; with it, signatures are verified. The
// credentials may also come from the DEVOPSAGENT_LOCAL_CREDENTIALS
// environment variable, which keeps the secret out of the process list.
// -state keeps everything in a JSON file across restarts; -seed preloads
// agent spaces and registered services such as github and slack, which
// the real service registers through a browser (seed.example.json beside
// this file shows the format). The server stops cleanly on SIGINT or
// SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/devopsagent-go/devopsagent/internal/emulator"
)

const (
	credentialsEnv  = "DEVOPSAGENT_LOCAL_CREDENTIALS"
	shutdownTimeout = 10 * time.Second
)

// main runs the command until SIGINT or SIGTERM.
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "devopsagent-local:", err)
		os.Exit(1)
	}
}

// config is the parsed command line.
type config struct {
	addr        string
	credentials string
	statePath   string
	seedPath    string
	agentSpace  string

	tokenLifetime time.Duration
}

// parseFlags reads the command line, falling back to the environment for
// the credentials. For -h it prints the usage and returns flag.ErrHelp.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("devopsagent-local", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: devopsagent-local [flags]\n\n"+
			"Runs the DevOps Agent API emulator on a local address.\n\nFlags:")
		fs.PrintDefaults()
	}
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:4566", "address to listen on")
	fs.StringVar(&cfg.credentials, "credentials", "",
		"KEY:SECRET to verify signatures with (default $"+credentialsEnv+"; none: "+
			"accept any well-formed signature)")
	fs.StringVar(&cfg.statePath, "state", "", "JSON file to keep state in across restarts")
	fs.StringVar(&cfg.seedPath, "seed", "", "JSON file of agent spaces and services to preload")
	fs.StringVar(&cfg.agentSpace, "agent-space", emulator.DefaultAgentSpaceID,
		"agent space that exists from the start")
	fs.DurationVar(&cfg.tokenLifetime, "token-lifetime", emulator.DefaultTokenLifetime,
		"how long a client token is remembered after its first use")

	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	if cfg.tokenLifetime <= 0 {
		return cfg, errors.New("-token-lifetime must be positive")
	}
	if cfg.credentials == "" {
		cfg.credentials = os.Getenv(credentialsEnv)
	}
	return cfg, nil
}

// run serves until ctx is done, then shuts the server down. Asking for
// help (-h) is a success: the usage is printed and nothing is served.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	opts, err := emulatorOptions(cfg, stderr)
	if err != nil {
		return err
	}
	srv, err := emulator.New(opts)
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	if !isLoopback(ln.Addr()) && opts.Credentials == nil {
		fmt.Fprintln(stderr, "warning: listening beyond loopback without -credentials; "+
			"anyone who can reach this address can use the emulator")
	}
	fmt.Fprintf(stdout, "DevOps Agent emulator listening on http://%s\n", ln.Addr())

	return serve(ctx, &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}, ln)
}

// emulatorOptions turns the command line into emulator options, loading
// the seed file if one is named.
func emulatorOptions(cfg config, stderr io.Writer) (emulator.Options, error) {
	opts := emulator.Options{
		StatePath:     cfg.statePath,
		AgentSpaceID:  cfg.agentSpace,
		TokenLifetime: cfg.tokenLifetime,
		Logger:        slog.New(slog.NewTextHandler(stderr, nil)),
	}

	if cfg.credentials != "" {
		key, secret, ok := strings.Cut(cfg.credentials, ":")
		if !ok || key == "" || secret == "" {
			return opts, errors.New("-credentials must be KEY:SECRET")
		}
		opts.Credentials = &emulator.Credentials{AccessKeyID: key, SecretAccessKey: secret}
	}
	if cfg.seedPath != "" {
		seed, err := emulator.LoadSeed(cfg.seedPath)
		if err != nil {
			return opts, err
		}
		opts.Seed = seed
	}
	return opts, nil
}

// serve runs hs on ln until ctx is done and then shuts it down, letting
// requests in flight finish.
func serve(ctx context.Context, hs *http.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()

	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}

	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// isLoopback reports whether addr is a loopback TCP address.
func isLoopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
