package conformance

// A cancelled or expired context aborts a call of our client at every
// stage of it: while connecting, while waiting for the response headers,
// during the back-off between attempts and while reading the body. The
// error says why (errors.Is context.Canceled or DeadlineExceeded), every
// response body the transport handed out is closed, and no goroutine is
// left behind. These tests live here, not in the main module, because
// goleak may only be a dependency of this test-only module.

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	ours "github.com/devopsagent-go/devopsagent"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// stuckDeadline is how long the deadline tests give a call; every stage
// is reached within it, and then blocks until the call gives up.
const stuckDeadline = 500 * time.Millisecond

// callWatchdog fails a test whose call did not give up at all; it is a
// safety net against hanging the suite, not a timing requirement.
const callWatchdog = 20 * time.Second

// stuckCall is a call of ListBacklogTasks set up to get stuck at one
// stage. reached is closed once the call is there.
type stuckCall struct {
	options ours.Options
	reached chan struct{}
	once    sync.Once

	// release unblocks the server's handlers when the test ends.
	release chan struct{}

	// bodies counts response bodies handed out and closed.
	opened, closed atomic.Int32
}

// arrive marks the stage as reached.
func (s *stuckCall) arrive() { s.once.Do(func() { close(s.reached) }) }

// stage sets up s to get stuck at one point of the call.
type stage struct {
	name  string
	setup func(t *testing.T, s *stuckCall, transport *http.Transport)
}

var stages = []stage{
	{"dial never completes", func(t *testing.T, s *stuckCall, tr *http.Transport) {
		tr.DialContext = func(ctx context.Context, _, _ string) (net.Conn, error) {
			s.arrive()
			<-ctx.Done()
			return nil, ctx.Err()
		}
		s.options.BaseEndpoint = aws.String("http://127.0.0.1:9")
	}},
	{"listener never accepts", func(t *testing.T, s *stuckCall, tr *http.Transport) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		t.Cleanup(func() { _ = ln.Close() })
		var dialer net.Dialer
		tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, network, addr)
			s.arrive()
			return conn, err
		}
		s.options.BaseEndpoint = aws.String("http://" + ln.Addr().String())
	}},
	{"waiting for headers", func(t *testing.T, s *stuckCall, _ *http.Transport) {
		s.serve(t, func(w http.ResponseWriter, r *http.Request) {
			s.arrive()
			s.stall(r)
		})
	}},
	{"back-off between attempts", func(t *testing.T, s *stuckCall, _ *http.Transport) {
		s.serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusServiceUnavailable)
		})
		s.options.Retryer = retry.NewStandard(func(o *retry.StandardOptions) {
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) {
				s.arrive()
				return time.Hour, nil
			})
		})
	}},
	{"reading the body", func(t *testing.T, s *stuckCall, _ *http.Transport) {
		s.serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"tasks":[{"taskId":"t-1"},`)
			_ = http.NewResponseController(w).Flush()
			s.arrive()
			s.stall(r)
		})
	}},
}

// serve points the call at a loopback server run by handler.
func (s *stuckCall) serve(t *testing.T, handler http.HandlerFunc) {
	server := httptest.NewServer(handler)
	t.Cleanup(server.Close)
	t.Cleanup(func() { close(s.release) }) // runs before server.Close
	s.options.BaseEndpoint = aws.String(server.URL)
}

// stall blocks a handler until the client leaves or the test ends. The
// request body is read first: only then does the server notice a client
// that closes the connection.
func (s *stuckCall) stall(r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	select {
	case <-r.Context().Done():
	case <-s.release:
	}
}

// countingTransport counts the response bodies it hands out and closes.
type countingTransport struct {
	next *http.Transport
	call *stuckCall
}

func (c countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := c.next.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	c.call.opened.Add(1)
	resp.Body = &countedBody{ReadCloser: resp.Body, closed: &c.call.closed}
	return resp, nil
}

type countedBody struct {
	io.ReadCloser
	closed *atomic.Int32
	once   sync.Once
}

func (b *countedBody) Close() error {
	b.once.Do(func() { b.closed.Add(1) })
	return b.ReadCloser.Close()
}

// newStuckCall builds the call for st; goleak runs after every cleanup
// of the test, including the servers' and the transport's.
func newStuckCall(t *testing.T, st stage) *stuckCall {
	t.Cleanup(func() { goleak.VerifyNone(t) })

	s := &stuckCall{reached: make(chan struct{}), release: make(chan struct{})}
	transport := &http.Transport{}
	t.Cleanup(transport.CloseIdleConnections)
	s.options = ours.Options{
		Region:            testRegion,
		Credentials:       testCredentials,
		DisableHostPrefix: true,
		HTTPClient:        &http.Client{Transport: countingTransport{next: transport, call: s}},
	}
	st.setup(t, s, transport)
	return s
}

// run calls ListBacklogTasks with ctx and returns its error.
func (s *stuckCall) run(t *testing.T, ctx context.Context) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := ours.New(s.options).ListBacklogTasks(ctx,
			&ours.ListBacklogTasksInput{AgentSpaceId: aws.String("as")})
		done <- err
	}()

	select {
	case err := <-done:
		return err
	case <-time.After(callWatchdog):
		t.Fatalf("the call did not give up within %s", callWatchdog)
		return nil
	}
}

func TestCancelAbortsEveryStage(t *testing.T) {
	for _, st := range stages {
		t.Run(st.name, func(t *testing.T) {
			s := newStuckCall(t, st)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go func() {
				<-s.reached
				cancel()
			}()

			err := s.run(t, ctx)

			require.ErrorIs(t, err, context.Canceled)
			assert.Equal(t, s.opened.Load(), s.closed.Load(), "response bodies closed")
		})
	}
}

func TestDeadlineAbortsEveryStage(t *testing.T) {
	for _, st := range stages {
		t.Run(st.name, func(t *testing.T) {
			s := newStuckCall(t, st)
			ctx, cancel := context.WithTimeout(context.Background(), stuckDeadline)
			defer cancel()

			err := s.run(t, ctx)

			require.ErrorIs(t, err, context.DeadlineExceeded)
			assert.False(t, errors.Is(err, context.Canceled))
			select {
			case <-s.reached:
			default:
				t.Fatal("the deadline passed before the call reached the stage")
			}
			assert.Equal(t, s.opened.Load(), s.closed.Load(), "response bodies closed")
		})
	}
}
