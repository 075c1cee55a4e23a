package devopsagent

// Retries of a real operation against a loopback server that fails in
// scripted ways, including broken connections: every attempt carries the
// same body and idempotency token, is signed again and validly, and
// errors that are not transient are not retried.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	smithy "github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/types"
)

// step is one scripted answer of a flakyService.
type step func(w http.ResponseWriter)

// respond answers with status, a Content-Type and body.
func respond(status int, contentType, body string) step {
	return func(w http.ResponseWriter) {
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}
}

// hangUp closes the connection without answering; with reset it makes
// the close a TCP reset.
func hangUp(reset bool) step {
	return func(w http.ResponseWriter) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			panic(err) // the test server always supports hijacking
		}
		if tcp, ok := conn.(*net.TCPConn); ok && reset {
			_ = tcp.SetLinger(0)
		}
		_ = conn.Close()
	}
}

// flakyService is a loopback server that records each request and
// answers it with the next step of its script, repeating the last one.
type flakyService struct {
	server *httptest.Server

	mu       sync.Mutex
	script   []step
	requests []recorded
}

func newFlakyService(t *testing.T, script ...step) *flakyService {
	t.Helper()
	f := &flakyService{script: script}
	f.server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.server.Close)
	return f
}

func (f *flakyService) serve(w http.ResponseWriter, r *http.Request) {
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
	next := f.script[min(len(f.requests), len(f.script))-1]
	f.mu.Unlock()

	next(w)
}

func (f *flakyService) received() []recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]recorded(nil), f.requests...)
}

// client returns a client of f with the given retry limit and no delay
// between attempts.
func (f *flakyService) client(maxAttempts int) *Client {
	return New(Options{
		Region:            "us-east-1",
		Credentials:       testCreds,
		BaseEndpoint:      aws.String(f.server.URL),
		DisableHostPrefix: true,
		Retryer:           noDelayRetryer(maxAttempts),
	})
}

// taskCreated is the answer to a successful CreateBacklogTask.
const taskCreated = `{"task":{"taskId":"t-1","agentSpaceId":"as",` +
	`"createdAt":"2026-01-01T00:00:00Z","priority":"HIGH","status":"PENDING_TRIAGE"}}`

// newTaskInput returns a valid CreateBacklogTask input without a token.
func newTaskInput() *CreateBacklogTaskInput {
	return &CreateBacklogTaskInput{
		AgentSpaceId: aws.String("as"), Title: aws.String("disk full"),
		Priority: types.PriorityHigh, TaskType: types.TaskTypeInvestigation,
	}
}

func TestEveryTransientFailureIsRetried(t *testing.T) {
	f := newFlakyService(t,
		respond(http.StatusTooManyRequests, "application/json",
			`{"__type":"ThrottlingException","message":"slow down"}`),
		respond(http.StatusInternalServerError, "application/json",
			`{"__type":"InternalServerException","message":"oops"}`),
		respond(http.StatusServiceUnavailable, "text/html", `<html>unavailable</html>`),
		respond(http.StatusBadGateway, "", ""),
		hangUp(false),
		hangUp(true),
		respond(http.StatusOK, "application/json", taskCreated),
	)
	c := f.client(7)

	out, err := c.CreateBacklogTask(context.Background(), newTaskInput())
	require.NoError(t, err)
	assert.Equal(t, "t-1", aws.ToString(out.Task.TaskId))
	attempts, ok := retry.GetAttemptResults(out.ResultMetadata)
	require.True(t, ok)
	assert.Len(t, attempts.Results, 7)

	got := f.received()
	require.Len(t, got, 7)
	token := clientToken(t, got[0])
	assert.Regexp(t, uuidV4, token)
	signatures := map[string]bool{}
	for i, r := range got {
		assert.Equal(t, got[0].Body, r.Body, "attempt %d sends the same body", i+1)
		assert.Equal(t, token, clientToken(t, r), "attempt %d sends the same token", i+1)
		assert.Equal(t, "/backlog/agent-space/as/tasks", r.Path)
		assert.Equal(t, retryHeader(i+1, 7), r.Header.Get("Amz-Sdk-Request"))
		assert.Equal(t, r.Header.Get("Authorization"), resignRecorded(t, r),
			"attempt %d carries a valid signature", i+1)
		signatures[r.Header.Get("Authorization")] = true
	}
	assert.Len(t, signatures, 7, "each attempt is signed anew")

	_, err = c.CreateBacklogTask(context.Background(), newTaskInput())
	require.NoError(t, err)
	got = f.received()
	require.Len(t, got, 8)
	assert.NotEqual(t, token, clientToken(t, got[7]), "another call gets another token")
}

// retryHeader is the amz-sdk-request header of an attempt.
func retryHeader(attempt, maxAttempts int) string {
	return fmt.Sprintf("attempt=%d; max=%d", attempt, maxAttempts)
}

// signedHeadersOf extracts the SignedHeaders list of an Authorization
// header.
var signedHeadersOf = regexp.MustCompile(`SignedHeaders=([^,]+)`)

// resignRecorded signs the request r again, as the service would to
// check it: with the SDK signer, the test credentials, the time in its
// X-Amz-Date header and only the headers it says it signed. It returns
// the Authorization header that gives.
func resignRecorded(t *testing.T, r recorded) string {
	t.Helper()
	signedAt, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
	require.NoError(t, err)
	match := signedHeadersOf.FindStringSubmatch(r.Header.Get("Authorization"))
	require.Len(t, match, 2, "the request is signed")

	url := "http://" + r.Host + r.Path
	if r.Query != "" {
		url += "?" + r.Query
	}
	req, err := http.NewRequest(r.Method, url, bytes.NewReader(r.Body))
	require.NoError(t, err)
	for _, name := range strings.Split(match[1], ";") {
		if name != "host" && name != "content-length" {
			req.Header[http.CanonicalHeaderKey(name)] = r.Header.Values(name)
		}
	}

	creds, err := testCreds.Retrieve(context.Background())
	require.NoError(t, err)
	hash := sha256.Sum256(r.Body)
	err = v4.NewSigner().SignHTTP(context.Background(), creds, req,
		hex.EncodeToString(hash[:]), "aidevops", "us-east-1", signedAt)
	require.NoError(t, err)
	return req.Header.Get("Authorization")
}

func TestErrorsThatAreNotTransientAreNotRetried(t *testing.T) {
	tests := []struct {
		status int
		body   string
		want   any
	}{
		{http.StatusBadRequest, `{"__type":"ValidationException","message":"m"}`,
			new(*types.ValidationException)},
		{http.StatusBadRequest, `{"__type":"InvalidParameterException","message":"m"}`,
			new(*types.InvalidParameterException)},
		{http.StatusForbidden, `{"__type":"AccessDeniedException","message":"m"}`,
			new(*types.AccessDeniedException)},
		{http.StatusNotFound, `{"__type":"ResourceNotFoundException","message":"m"}`,
			new(*types.ResourceNotFoundException)},
		{http.StatusConflict, `{"__type":"ConflictException","message":"m"}`,
			new(*types.ConflictException)},
		{http.StatusPaymentRequired, `{"__type":"ServiceQuotaExceededException","message":"m"}`,
			new(*types.ServiceQuotaExceededException)},
		{http.StatusRequestEntityTooLarge,
			`{"__type":"ContentSizeExceededException","message":"m"}`,
			new(*types.ContentSizeExceededException)},
		{http.StatusUnauthorized, `{"message":"who are you"}`, new(*smithy.GenericAPIError)},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d %T", tt.status, tt.want), func(t *testing.T) {
			f := newFlakyService(t, respond(tt.status, "application/json", tt.body))

			_, err := f.client(5).CreateBacklogTask(context.Background(), newTaskInput())

			require.ErrorAs(t, err, tt.want)
			var maxErr *retry.MaxAttemptsError
			assert.False(t, errors.As(err, &maxErr))
			assert.Len(t, f.received(), 1)
		})
	}
}

func TestMaxAttemptsBoundsConnectionRetries(t *testing.T) {
	f := newFlakyService(t, hangUp(true))

	_, err := f.client(4).CreateBacklogTask(context.Background(), newTaskInput())

	var maxErr *retry.MaxAttemptsError
	require.ErrorAs(t, err, &maxErr)
	assert.Equal(t, 4, maxErr.Attempt)
	assert.Len(t, f.received(), 4)
}
