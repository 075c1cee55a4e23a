// This file holds the in-memory HTTP client the benchmarks send through, and
// the client constructors that point both SDKs at it.

package benchmarks

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/devopsagent"

	ours "github.com/devopsagent-go/devopsagent"
)

// stubHTTP answers every request with the same status and body, without a
// network. It drains the request body as a transport would, so the cost of
// producing it is paid, and hands out a fresh reader over the shared body
// bytes each call.
type stubHTTP struct {
	status int
	body   []byte
}

// Do implements the HTTPClient interface of both clients.
func (s *stubHTTP) Do(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		if _, err := io.Copy(io.Discard, req.Body); err != nil {
			return nil, fmt.Errorf("stub: drain request body: %w", err)
		}
		if err := req.Body.Close(); err != nil {
			return nil, fmt.Errorf("stub: close request body: %w", err)
		}
	}

	header := http.Header{}
	header.Set("Content-Type", "application/json")
	header.Set("X-Amzn-Requestid", "7f3b2c1e-bench-0000-0000-000000000000")
	header.Set("Content-Length", strconv.Itoa(len(s.body)))

	return &http.Response{
		Status:        strconv.Itoa(s.status) + " " + http.StatusText(s.status),
		StatusCode:    s.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        header,
		Body:          io.NopCloser(bytes.NewReader(s.body)),
		ContentLength: int64(len(s.body)),
		Request:       req,
	}, nil
}

// staticCredentials signs with fixed keys, so signing costs the same in
// every iteration and nothing is read from the environment.
var staticCredentials = aws.CredentialsProviderFunc(
	func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{
			AccessKeyID:     "AKIDEXAMPLEBENCH0000",
			SecretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
			Source:          "benchmarks",
		}, nil
	})

// newOfficial returns the official client answering every call with body.
func newOfficial(status int, body []byte) *official.Client {
	return official.New(official.Options{
		Region:      "us-east-1",
		Credentials: staticCredentials,
		HTTPClient:  &stubHTTP{status: status, body: body},
	})
}

// newOurs returns our client answering every call with body.
func newOurs(status int, body []byte) *ours.Client {
	return ours.New(ours.Options{
		Region:      "us-east-1",
		Credentials: staticCredentials,
		HTTPClient:  &stubHTTP{status: status, body: body},
	})
}
