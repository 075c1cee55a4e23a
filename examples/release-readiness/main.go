// Command release-readiness walks through the flow the DevOps Agent API
// exists for: it registers a remote A2A agent, associates a GitHub
// repository with the release-readiness capabilities, uploads a skill,
// opens a release-readiness review task, pages through the backlog and
// moves the task along, printing what it did.
//
// With no flags it starts the bundled emulator in-process, so it runs on
// any machine. With -endpoint it talks to a running emulator
// (go run ./cmd/devopsagent-local); with -region and ordinary AWS
// credentials it talks to the real service.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	err := run(ctx, os.Args[1:], os.Stdout)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "release-readiness:", err)
		os.Exit(1)
	}
}

// settings are the command's flags.
type settings struct {
	endpoint   string
	region     string
	agentSpace string
	timeout    time.Duration
}

func parseFlags(args []string) (settings, error) {
	var s settings
	fs := flag.NewFlagSet("release-readiness", flag.ContinueOnError)
	fs.StringVar(&s.endpoint, "endpoint", "",
		"URL of a running emulator (for example http://127.0.0.1:4566)")
	fs.StringVar(&s.region, "region", "",
		"AWS region of the real service; uses the default AWS credential chain")
	fs.StringVar(&s.agentSpace, "agent-space", "",
		"agent space to work in (default: the emulator's, required with -region)")
	fs.DurationVar(&s.timeout, "timeout", 2*time.Minute, "give up after this long")
	if err := fs.Parse(args); err != nil {
		return s, err
	}
	if fs.NArg() > 0 {
		return s, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if s.endpoint != "" && s.region != "" {
		return s, errors.New("-endpoint and -region exclude each other")
	}
	return s, nil
}

func run(ctx context.Context, args []string, out io.Writer) error {
	s, err := parseFlags(args)
	if err != nil {
		return err
	}

	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()

	target, err := connect(ctx, s, out)
	if err != nil {
		return err
	}
	defer target.close()

	summary, err := releaseReadiness(ctx, target, out)
	if err != nil {
		return err
	}
	summary.print(out)
	return nil
}
