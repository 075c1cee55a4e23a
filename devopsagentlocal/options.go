package devopsagentlocal

// This file holds the functional options of NewServer and Start.

import (
	"log/slog"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/devopsagent-go/devopsagent/internal/emulator"
)

// Option changes how a server is set up.
type Option func(*settings)

// settings collects what the options set.
type settings struct {
	options emulator.Options
	creds   aws.Credentials
}

// WithCredentials sets the access key the server verifies signatures
// against and its clients sign with.
func WithCredentials(accessKeyID, secretAccessKey string) Option {
	return func(s *settings) {
		s.creds = aws.Credentials{AccessKeyID: accessKeyID, SecretAccessKey: secretAccessKey}
	}
}

// WithAgentSpace names the agent space the server starts with.
func WithAgentSpace(id string) Option {
	return func(s *settings) { s.options.AgentSpaceID = id }
}

// WithSeed preloads agent spaces and registered services.
func WithSeed(seed *Seed) Option {
	return func(s *settings) { s.options.Seed = seed }
}

// WithStateFile keeps the server's state in a JSON file, loaded at start
// and saved after every change, so a later server can pick it up.
func WithStateFile(path string) Option {
	return func(s *settings) { s.options.StatePath = path }
}

// WithClock replaces the clock that stamps resources (createdAt,
// updatedAt), for tests that check timestamps. Signatures are still
// checked against the wall clock.
func WithClock(now func() time.Time) Option {
	return func(s *settings) { s.options.Now = now }
}

// WithIDs replaces the generator of resource ids, for tests that check
// them.
func WithIDs(newID func() string) Option {
	return func(s *settings) { s.options.NewID = newID }
}

// WithMaxBodyBytes changes the request body limit.
func WithMaxBodyBytes(n int64) Option {
	return func(s *settings) { s.options.MaxBodyBytes = n }
}

// WithLogger logs one line per request.
func WithLogger(l *slog.Logger) Option {
	return func(s *settings) { s.options.Logger = l }
}

// WithTokenLifetime changes how long a client token is remembered after
// its first use, by the server's clock (see WithClock); the default, also
// used for a d of zero or less, is 8 hours. A later call with a forgotten
// token is treated as new.
func WithTokenLifetime(d time.Duration) Option {
	return func(s *settings) { s.options.TokenLifetime = d }
}
