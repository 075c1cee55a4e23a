package emulator

// Test helpers: an emulator on a real loopback HTTP server, a fake clock,
// predictable ids, and a client that signs requests with aws-sdk-go-v2's
// SigV4 signer. Every successful API response is checked against the
// operation's output shape in the model.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/stretchr/testify/require"
)

var testStart = time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)

// fakeClock only moves when a test moves it.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// seqIDs hands out "id-1", "id-2", ...
type seqIDs struct {
	mu sync.Mutex
	n  int
}

func (s *seqIDs) Next() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	return fmt.Sprintf("id-%d", s.n)
}

type testEnv struct {
	srv   *Server
	http  *httptest.Server
	clock *fakeClock
	creds aws.Credentials
}

var testCreds = aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "test-secret"}

// newEnv starts an emulator; edit changes its options before New.
func newEnv(t *testing.T, edit func(*Options)) *testEnv {
	t.Helper()

	env := &testEnv{clock: &fakeClock{t: testStart}, creds: testCreds}
	ids := &seqIDs{}
	opts := Options{Now: env.clock.Now, NewID: ids.Next}
	if edit != nil {
		edit(&opts)
	}

	srv, err := New(opts)
	require.NoError(t, err)
	env.srv = srv
	env.http = httptest.NewServer(srv)
	t.Cleanup(env.http.Close)
	return env
}

// response is a decoded emulator answer.
type response struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

// errorType is the X-Amzn-ErrorType of an error answer.
func (r *response) errorType() string {
	return r.header.Get(headerErrorType)
}

// str follows a path of object keys and list indexes to a string.
func (r *response) str(t *testing.T, path ...any) string {
	t.Helper()
	v := dig(t, r.body, path...)
	s, ok := v.(string)
	require.Truef(t, ok, "%v is %T, not a string", path, v)
	return s
}

// num follows a path to a JSON number and returns its text.
func (r *response) num(t *testing.T, path ...any) string {
	t.Helper()
	v := dig(t, r.body, path...)
	n, ok := v.(json.Number)
	require.Truef(t, ok, "%v is %T, not a number", path, v)
	return n.String()
}

func dig(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch key := p.(type) {
		case string:
			obj, ok := v.(map[string]any)
			require.Truef(t, ok, "not an object at %q", key)
			v = obj[key]
		case int:
			list, ok := v.([]any)
			require.Truef(t, ok, "not a list at %d", key)
			require.Less(t, key, len(list))
			v = list[key]
		}
	}
	return v
}

// call sends a signed request. body may be nil, a string (sent as is) or
// a value to encode as JSON.
func (e *testEnv) call(t *testing.T, method, path string, body any) *response {
	t.Helper()
	req := e.request(t, method, path, body)
	e.sign(t, req, e.creds)
	return e.send(t, req)
}

// tryCall is call for goroutines other than the test's own: it reports
// failures as errors instead of stopping the test.
func (e *testEnv) tryCall(method, path string, body any) (int, map[string]any, error) {
	data, err := json.Marshal(body)
	if err != nil {
		return 0, nil, err
	}
	req, err := http.NewRequest(method, e.http.URL+path, bytes.NewReader(data))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	err = v4.NewSigner().SignHTTP(context.Background(), e.creds, req, sha256Hex(data),
		"aidevops", "us-east-1", time.Now())
	if err != nil {
		return 0, nil, err
	}

	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		return 0, nil, fmt.Errorf("decode %s %s answer: %w", method, path, err)
	}
	return res.StatusCode, out, nil
}

func (e *testEnv) request(t *testing.T, method, path string, body any) *http.Request {
	t.Helper()

	var data []byte
	switch b := body.(type) {
	case nil:
	case string:
		data = []byte(b)
	default:
		var err error
		data, err = json.Marshal(b)
		require.NoError(t, err)
	}

	req, err := http.NewRequest(method, e.http.URL+path, bytes.NewReader(data))
	require.NoError(t, err)
	if data != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req
}

func (e *testEnv) sign(t *testing.T, req *http.Request, creds aws.Credentials) {
	t.Helper()
	e.signAt(t, req, creds, time.Now())
}

// signAt signs req as if at the given time.
func (e *testEnv) signAt(t *testing.T, req *http.Request, creds aws.Credentials, at time.Time) {
	t.Helper()

	var data []byte
	if req.GetBody != nil {
		rc, err := req.GetBody()
		require.NoError(t, err)
		data, err = io.ReadAll(rc)
		require.NoError(t, err)
	}
	err := v4.NewSigner().SignHTTP(context.Background(), creds, req, sha256Hex(data),
		"aidevops", "us-east-1", at)
	require.NoError(t, err)
}

func (e *testEnv) send(t *testing.T, req *http.Request) *response {
	t.Helper()

	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	res, err := client.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()

	raw, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	out := &response{status: res.StatusCode, header: res.Header, raw: raw}
	if len(raw) > 0 {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		require.NoError(t, dec.Decode(&out.body), "body: %s", raw)
	}

	require.NotEmpty(t, res.Header.Get(headerRequestID), "every response has a request id")
	e.checkOutputShape(t, req, out)
	return out
}

// checkOutputShape validates a successful API answer against the model.
func (e *testEnv) checkOutputShape(t *testing.T, req *http.Request, res *response) {
	t.Helper()
	if res.status >= 300 || strings.HasPrefix(req.URL.Path, extrasPrefix) {
		return
	}

	rt, _, ok := matchRoute(e.srv.routes, req.Method, req.URL)
	require.True(t, ok)
	op := e.srv.model.Shape(e.srv.shapeID(rt.name))
	var doc any
	dec := json.NewDecoder(bytes.NewReader(res.raw))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&doc))
	require.Empty(t, e.srv.validator.Validate(op.Output, doc),
		"%s output does not match the model: %s", rt.name, res.raw)
}

// requireOK fails unless the answer has the given status.
func requireStatus(t *testing.T, res *response, status int) {
	t.Helper()
	require.Equalf(t, status, res.status, "body: %s", res.raw)
}

// requireError checks an error answer: status, X-Amzn-ErrorType and
// message.
func requireError(t *testing.T, res *response, status int, code, message string) {
	t.Helper()
	requireStatus(t, res, status)
	require.Equal(t, code, res.errorType())
	require.Equal(t, contentTypeJSON, res.header.Get("Content-Type"))
	require.Equal(t, message, res.body["message"])
}

// requireFields checks a ValidationException's fieldList exactly.
func requireFields(t *testing.T, res *response, want ...fieldEntry) {
	t.Helper()
	requireStatus(t, res, http.StatusBadRequest)
	require.Equal(t, codeValidation, res.errorType())

	var body errorBody
	require.NoError(t, json.Unmarshal(res.raw, &body))
	require.Equal(t, want, body.FieldList)
}

// field builds the fieldList entry the emulator writes for a violation.
func field(path, message string) fieldEntry {
	return fieldEntry{Path: path, Message: "Value at '" + path +
		"' failed to satisfy constraint: " + message}
}

// mustJSON encodes v.
func mustJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	return string(data)
}

// mustRequest builds an unsigned request.
func mustRequest(t *testing.T, method, rawURL string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, rawURL, nil)
	require.NoError(t, err)
	return req
}

// testSeed registers a GitHub and a Slack service, as a user would seed
// the services the real service registers through a browser.
func testSeed() *Seed {
	return &Seed{Services: []SeedService{
		{
			ServiceID: "github-main", ServiceType: "github", Name: "GitHub",
			AdditionalServiceDetails: json.RawMessage(
				`{"github":{"owner":"octo-org","ownerType":"organization"}}`),
		},
		{
			ServiceID: "slack-ops", ServiceType: "slack",
			AdditionalServiceDetails: json.RawMessage(
				`{"slack":{"teamId":"T0123ABCD","teamName":"Ops"}}`),
		},
	}}
}
