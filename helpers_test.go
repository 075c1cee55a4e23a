package devopsagent

// Test helpers shared by the runtime's tests: a fake service that records
// what it receives and answers from a script, a client wired to it, and a
// logger that keeps what it is given.

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	smithyendpoints "github.com/aws/smithy-go/endpoints"
	"github.com/aws/smithy-go/logging"
	"github.com/stretchr/testify/require"
)

// testCreds are the static credentials the test clients sign with.
var testCreds = credentials.NewStaticCredentialsProvider(
	"AKIDEXAMPLE", "SECRETKEYEXAMPLE", "SESSIONTOKENEXAMPLE")

// recorded is one request the fake service received.
type recorded struct {
	Method string
	Path   string // escaped path
	Query  string
	Host   string
	Header http.Header
	Body   []byte
}

// reply is one scripted answer of the fake service.
type reply struct {
	Status int
	Header map[string]string
	Body   string
}

// fakeService records requests and answers them with its script in
// order, repeating the last reply when the script runs out.
type fakeService struct {
	t      *testing.T
	server *httptest.Server

	mu       sync.Mutex
	script   []reply
	requests []recorded
}

func newFakeService(t *testing.T, script ...reply) *fakeService {
	t.Helper()
	f := &fakeService{t: t, script: script}
	f.server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.server.Close)
	return f
}

func (f *fakeService) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}

	f.mu.Lock()
	f.requests = append(f.requests, recorded{
		Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.RawQuery,
		Host: r.Host, Header: r.Header.Clone(), Body: body,
	})
	answer := reply{Status: http.StatusOK, Body: "{}"}
	if n := len(f.requests); len(f.script) > 0 {
		answer = f.script[min(n, len(f.script))-1]
	}
	f.mu.Unlock()

	for name, value := range answer.Header {
		w.Header().Set(name, value)
	}
	w.WriteHeader(answer.Status)
	_, _ = io.WriteString(w, answer.Body)
}

// received returns the requests received so far.
func (f *fakeService) received() []recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]recorded(nil), f.requests...)
}

// client returns a client of the test operation for the fake service:
// apiClient with the test error registry.
func (f *fakeService) client(optFns ...func(*Options)) *Client {
	c := f.apiClient(optFns...)
	c.errorTypes = testTypes
	return c
}

// apiClient returns a client for the fake service: no host prefix,
// static credentials, retries without delay.
func (f *fakeService) apiClient(optFns ...func(*Options)) *Client {
	opts := Options{
		Region:            "us-east-1",
		Credentials:       testCreds,
		BaseEndpoint:      aws.String(f.server.URL),
		DisableHostPrefix: true,
		Retryer:           noDelayRetryer(3),
	}
	return New(opts, optFns...)
}

// noDelayRetryer is the standard retryer without backoff or retry quota.
func noDelayRetryer(maxAttempts int) aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.MaxAttempts = maxAttempts
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		o.RateLimiter = ratelimit.None
	})
}

// logRecorder is a logging.Logger that keeps every line.
type logRecorder struct {
	mu    sync.Mutex
	lines []string
}

func (l *logRecorder) Logf(classification logging.Classification, format string, v ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, string(classification)+" "+fmt.Sprintf(format, v...))
}

func (l *logRecorder) text() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

// requireOneRequest returns the only request f received.
func requireOneRequest(t *testing.T, f *fakeService) recorded {
	t.Helper()
	got := f.received()
	require.Len(t, got, 1)
	return got[0]
}

// httpClientFunc is an HTTPClient made of a function.
type httpClientFunc func(*http.Request) (*http.Response, error)

func (f httpClientFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

// jsonResponse is a response with a JSON body.
func jsonResponse(status int, body string) *http.Response {
	return &http.Response{
		StatusCode: status,
		Status:     fmt.Sprintf("%d %s", status, http.StatusText(status)),
		Proto:      "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Type": []string{"application/json"}},
		Body:   io.NopCloser(strings.NewReader(body)),
	}
}

// staticResolver resolves every request to the same URL.
type staticResolver string

func (s staticResolver) ResolveEndpoint(context.Context, EndpointParameters) (
	smithyendpoints.Endpoint, error,
) {
	u, err := url.Parse(string(s))
	if err != nil {
		return smithyendpoints.Endpoint{}, err
	}
	return smithyendpoints.Endpoint{URI: *u}, nil
}
