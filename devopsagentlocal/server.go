// Package devopsagentlocal runs the DevOps Agent API emulator inside a Go
// process, for tests that want a real HTTP server instead of an AWS
// account:
//
//	func TestTriage(t *testing.T) {
//		srv := devopsagentlocal.Start(t)
//		client := srv.Client()
//		out, err := client.CreateBacklogTask(ctx, &devopsagent.CreateBacklogTaskInput{
//			AgentSpaceId: aws.String(devopsagentlocal.DefaultAgentSpaceID),
//			...
//		})
//	}
//
// The server listens on a random loopback port and speaks the service's
// restJson1 protocol for the 13 operations the client supports. Every
// request must be SigV4 signed; the server verifies signatures against
// the credentials Credentials returns, which Client's clients use. Other
// SDKs can reach it at URL() with those credentials, region us-east-1 and
// host prefixes turned off. It starts with one agent space
// (DefaultAgentSpaceID unless WithAgentSpace says otherwise); AddAgentSpace
// and AddService seed more, and CompleteOAuth finishes a registration that
// RegisterService left waiting for a browser.
//
// To test how code copes with throttling, server errors or any modeled
// error, queue a fault for an operation and count the attempts:
//
//	err := srv.FailNext("GetService", devopsagentlocal.Fault{
//		Code: "ThrottlingException", Times: 2,
//	})
//	... // the client's retryer sees two 429s, then the result
//	n, err := srv.Calls("GetService") // 3
package devopsagentlocal

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/devopsagent-go/devopsagent/internal/emulator"
)

// DefaultAgentSpaceID names the agent space a server starts with.
const DefaultAgentSpaceID = emulator.DefaultAgentSpaceID

// Region is the region the server's clients sign for.
const Region = "us-east-1"

// Default credentials a server verifies when WithCredentials is not used.
const (
	DefaultAccessKeyID     = "AKIDDEVOPSAGENTLOCAL"
	DefaultSecretAccessKey = "devopsagent-local-secret"
)

// Seed is data to preload: agent spaces and registered services. See
// SeedService for a service's fields.
type Seed = emulator.Seed

// SeedAgentSpace is an agent space to preload.
type SeedAgentSpace = emulator.SeedAgentSpace

// SeedService is a registered service to preload, in the form GetService
// returns it; AdditionalServiceDetails is the JSON of the union, for
// example {"github": {"owner": "octo-org", "ownerType": "organization"}}.
type SeedService = emulator.SeedService

// TB is the part of testing.TB that Start uses.
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
	Cleanup(func())
}

// Server is a running emulator. Its methods are safe for concurrent use.
type Server struct {
	url   string
	creds aws.Credentials
	emu   *emulator.Server
	http  *http.Server
	done  chan error
}

// Start starts a server for a test and stops it when the test ends. It
// fails the test if the server cannot start.
func Start(tb TB, opts ...Option) *Server {
	tb.Helper()

	s, err := NewServer(opts...)
	if err != nil {
		tb.Fatalf("devopsagentlocal: %v", err)
		return nil
	}
	tb.Cleanup(func() { _ = s.Close() })
	return s
}

// NewServer starts a server on a random loopback port. The caller must
// Close it.
func NewServer(opts ...Option) (*Server, error) {
	cfg := settings{
		creds: aws.Credentials{
			AccessKeyID: DefaultAccessKeyID, SecretAccessKey: DefaultSecretAccessKey,
		},
	}
	for _, opt := range opts {
		opt(&cfg)
	}

	cfg.options.Credentials = &emulator.Credentials{
		AccessKeyID: cfg.creds.AccessKeyID, SecretAccessKey: cfg.creds.SecretAccessKey,
	}
	emu, err := emulator.New(cfg.options)
	if err != nil {
		return nil, err
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("devopsagentlocal: listen: %w", err)
	}
	s := &Server{
		url: "http://" + ln.Addr().String(), creds: cfg.creds, emu: emu,
		http: &http.Server{Handler: emu, ReadHeaderTimeout: 10 * time.Second},
		done: make(chan error, 1),
	}
	go func() { s.done <- s.http.Serve(ln) }()
	return s, nil
}

// URL returns the server's base URL, for example "http://127.0.0.1:41234".
func (s *Server) URL() string {
	return s.url
}

// Credentials returns the static credentials the server accepts.
func (s *Server) Credentials() aws.Credentials {
	return s.creds
}

// Close stops the server, waiting for requests in flight to finish.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	if err := s.http.Shutdown(ctx); err != nil {
		return fmt.Errorf("devopsagentlocal: shutdown: %w", err)
	}
	if err := <-s.done; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("devopsagentlocal: serve: %w", err)
	}
	return nil
}

// AddAgentSpace creates an agent space unless it exists.
func (s *Server) AddAgentSpace(id string) error {
	return s.emu.AddAgentSpace(id)
}

// AddService registers a service as if its registration had completed;
// use it for services, such as github and slack, that the real service
// registers through a browser.
func (s *Server) AddService(svc SeedService) error {
	return s.emu.AddService(svc)
}

// CompleteOAuth finishes a registration RegisterService left waiting for
// a user's consent: given the additionalStep.oauth.authorizationUrl it
// returned, it plays the browser coming back with an authorization code,
// and returns the new service's id.
func (s *Server) CompleteOAuth(ctx context.Context, authorizationURL string) (string, error) {
	u, err := url.Parse(authorizationURL)
	if err != nil {
		return "", fmt.Errorf("devopsagentlocal: parse authorization URL: %w", err)
	}
	q := u.Query()
	callback, state := q.Get("redirect_uri"), q.Get("state")
	if callback == "" || state == "" {
		return "", errors.New("devopsagentlocal: authorization URL has no redirect_uri or state")
	}
	if !strings.HasPrefix(callback, s.url+"/") {
		return "", fmt.Errorf("devopsagentlocal: redirect_uri %s does not point at this server",
			callback)
	}

	back := url.Values{"code": {"devopsagentlocal"}, "state": {state}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, callback+"?"+back.Encode(), nil)
	if err != nil {
		return "", fmt.Errorf("devopsagentlocal: build callback request: %w", err)
	}
	return s.followCallback(req)
}

// followCallback calls the emulator's OAuth callback without following its
// redirect to the console.
func (s *Server) followCallback(req *http.Request) (string, error) {
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	res, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("devopsagentlocal: OAuth callback: %w", err)
	}
	defer res.Body.Close()

	var body struct {
		ServiceID string `json:"serviceId"`
		Message   string `json:"message"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		return "", fmt.Errorf("devopsagentlocal: OAuth callback answer: %w", err)
	}
	if res.StatusCode != http.StatusSeeOther {
		return "", fmt.Errorf("devopsagentlocal: OAuth callback answered %d: %s",
			res.StatusCode, body.Message)
	}
	return body.ServiceID, nil
}
