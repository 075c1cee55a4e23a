package conformance

// The recording transport, the two identically configured clients, and
// the table that lets one test drive any of the shared operations on both.

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/devopsagent"
	ours "github.com/devopsagent-go/devopsagent"
	"github.com/stretchr/testify/require"
)

const (
	testRegion    = "us-east-1"
	testAccessKey = "AKIDCONFORMANCE"
	testSecretKey = "conformance/secret+key/0123456789abcdefghij"
	testRequestID = "req-0123"

	// fixedToken is what both clients' IdempotencyTokenProvider returns.
	fixedToken = "11111111-2222-4333-8444-555555555555"
)

var testCredentials = aws.CredentialsProviderFunc(
	func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: testAccessKey, SecretAccessKey: testSecretKey}, nil
	})

// fixedTokens is an IdempotencyTokenProvider for both clients.
type fixedTokens struct{}

func (fixedTokens) GetIdempotencyToken() (string, error) { return fixedToken, nil }

// reply is one canned HTTP response. Every reply carries Content-Type
// application/json and X-Amzn-Requestid unless header maps them to "".
type reply struct {
	status int
	header map[string]string
	body   string
}

// okJSON is a 200 reply with a JSON body.
func okJSON(body string) reply { return reply{status: http.StatusOK, body: body} }

// captured is one request as the client handed it to the transport.
type captured struct {
	req  *http.Request
	body []byte
}

// recorder is the HTTPClient of both clients: Do keeps the request with
// its body bytes and answers with the next scripted reply (the last one
// repeats; an empty script answers 200 "{}"). Safe for concurrent use.
type recorder struct {
	mu       sync.Mutex
	requests []captured
	script   []reply
}

func newRecorder(script ...reply) *recorder {
	return &recorder{script: script}
}

// Do implements both clients' HTTPClient interface.
func (r *recorder) Do(req *http.Request) (*http.Response, error) {
	body, err := drain(req.Body)
	if err != nil {
		return nil, fmt.Errorf("recorder: read request body: %w", err)
	}

	r.mu.Lock()
	defer r.mu.Unlock()

	r.requests = append(r.requests, captured{req: req.Clone(req.Context()), body: body})
	next := reply{status: http.StatusOK, body: "{}"}
	if len(r.script) > 0 {
		next = r.script[0]
	}
	if len(r.script) > 1 {
		r.script = r.script[1:]
	}
	return next.response(req), nil
}

func drain(body io.ReadCloser) ([]byte, error) {
	if body == nil || body == http.NoBody {
		return nil, nil
	}
	defer body.Close()
	return io.ReadAll(body)
}

func (p reply) response(req *http.Request) *http.Response {
	header := http.Header{}
	header.Set("Content-Type", "application/json")
	header.Set("X-Amzn-Requestid", testRequestID)
	for k, v := range p.header {
		if v == "" {
			header.Del(k) // "" removes a default header
		} else {
			header.Set(k, v)
		}
	}
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", p.status, http.StatusText(p.status)),
		StatusCode:    p.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        header,
		Body:          io.NopCloser(strings.NewReader(p.body)),
		ContentLength: int64(len(p.body)),
		Request:       req,
	}
}

// all returns the captured requests so far.
func (r *recorder) all() []captured {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]captured(nil), r.requests...)
}

// only returns the single captured request, failing the test otherwise.
func (r *recorder) only(t *testing.T) captured {
	t.Helper()
	all := r.all()
	require.Len(t, all, 1, "requests sent")
	return all[0]
}

// newOfficial returns the official client wired to rec: static
// credentials, us-east-1, default endpoint (so host prefixes show), no
// retries, fixed idempotency tokens.
func newOfficial(rec *recorder, optFns ...func(*official.Options)) *official.Client {
	return official.New(official.Options{
		Region:                   testRegion,
		Credentials:              testCredentials,
		HTTPClient:               rec,
		Retryer:                  aws.NopRetryer{},
		IdempotencyTokenProvider: fixedTokens{},
	}, optFns...)
}

// newOurs returns our client configured exactly like newOfficial.
func newOurs(rec *recorder, optFns ...func(*ours.Options)) *ours.Client {
	return ours.New(ours.Options{
		Region:                   testRegion,
		Credentials:              testCredentials,
		HTTPClient:               rec,
		Retryer:                  aws.NopRetryer{},
		IdempotencyTokenProvider: fixedTokens{},
	}, optFns...)
}

// operation lets a test call one API operation on either client with an
// input held as any: our input type for ours, the official one for theirs.
type operation struct {
	name string

	// newOfficialInput returns a pointer to a zero official input.
	newOfficialInput func() any

	callOfficial func(ctx context.Context, c *official.Client, in any) (any, error)
	callOurs     func(ctx context.Context, c *ours.Client, in any) (any, error)
}

// bind builds an operation from the two clients' method expressions.
func bind[OI, OO, UI, UO any](
	name string,
	theirs func(*official.Client, context.Context, *OI, ...func(*official.Options)) (*OO, error),
	mine func(*ours.Client, context.Context, *UI, ...func(*ours.Options)) (*UO, error),
) operation {
	return operation{
		name:             name,
		newOfficialInput: func() any { return new(OI) },
		callOfficial: func(ctx context.Context, c *official.Client, in any) (any, error) {
			out, err := theirs(c, ctx, in.(*OI))
			if err != nil {
				return nil, err
			}
			return out, nil
		},
		callOurs: func(ctx context.Context, c *ours.Client, in any) (any, error) {
			out, err := mine(c, ctx, in.(*UI))
			if err != nil {
				return nil, err
			}
			return out, nil
		},
	}
}

// operations are the 11 operations both clients have, by name.
var operations = map[string]operation{
	"AssociateService": bind("AssociateService",
		(*official.Client).AssociateService, (*ours.Client).AssociateService),
	"CreateBacklogTask": bind("CreateBacklogTask",
		(*official.Client).CreateBacklogTask, (*ours.Client).CreateBacklogTask),
	"GetAssociation": bind("GetAssociation",
		(*official.Client).GetAssociation, (*ours.Client).GetAssociation),
	"GetBacklogTask": bind("GetBacklogTask",
		(*official.Client).GetBacklogTask, (*ours.Client).GetBacklogTask),
	"GetService": bind("GetService",
		(*official.Client).GetService, (*ours.Client).GetService),
	"ListAssociations": bind("ListAssociations",
		(*official.Client).ListAssociations, (*ours.Client).ListAssociations),
	"ListBacklogTasks": bind("ListBacklogTasks",
		(*official.Client).ListBacklogTasks, (*ours.Client).ListBacklogTasks),
	"ListServices": bind("ListServices",
		(*official.Client).ListServices, (*ours.Client).ListServices),
	"RegisterService": bind("RegisterService",
		(*official.Client).RegisterService, (*ours.Client).RegisterService),
	"UpdateAssociation": bind("UpdateAssociation",
		(*official.Client).UpdateAssociation, (*ours.Client).UpdateAssociation),
	"UpdateBacklogTask": bind("UpdateBacklogTask",
		(*official.Client).UpdateBacklogTask, (*ours.Client).UpdateBacklogTask),
}

// exchange is what one client did for one call: the requests it sent and
// what the call returned.
type exchange struct {
	requests []captured
	output   any
	err      error
}

// runBoth gives the same input (ours, converted to the official types) to
// both clients, each with its own recorder playing the same script.
func runBoth(t *testing.T, op operation, in any, script ...reply) (theirs, mine exchange) {
	t.Helper()
	ctx := context.Background()

	officialIn := toOfficial(t, op, in)

	orec := newRecorder(script...)
	out, err := op.callOfficial(ctx, newOfficial(orec), officialIn)
	theirs = exchange{requests: orec.all(), output: out, err: err}

	urec := newRecorder(script...)
	out, err = op.callOurs(ctx, newOurs(urec), in)
	mine = exchange{requests: urec.all(), output: out, err: err}
	return theirs, mine
}
