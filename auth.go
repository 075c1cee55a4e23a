package devopsagent

// This file holds request signing: the Finalize middleware that signs
// every attempt with SigV4 (signing name "aidevops", the client's Region)
// using Options.HTTPSignerV4 and Options.Credentials.
//
// aws-sdk-go-v2's public signing middleware (v4.SignHTTPRequestMiddleware)
// is deprecated, and its replacement, the auth-scheme adapter, lives in an
// internal package of that module. So this middleware is our own; the
// signature itself comes from aws/signer/v4.

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// signingName is the SigV4 service name of DevOps Agent.
const signingName = "aidevops"

// errNoCredentials is returned when Options.Credentials is nil.
var errNoCredentials = errors.New("no credentials: set Options.Credentials " +
	"(aws.AnonymousCredentials{} sends unsigned requests)")

// signRequest is the Finalize middleware that signs each attempt. It runs
// inside the retry loop, after endpoint resolution, host prefixing and
// payload hashing, so every attempt gets a fresh signature over the final
// host and body.
type signRequest struct {
	options Options

	// clockOffset is shared with the client: signing times are shifted by
	// it, and it is updated from each response's Date header.
	clockOffset *atomic.Int64
}

// ID names the middleware as the aws-sdk-go-v2 clients do.
func (*signRequest) ID() string { return "Signing" }

// HandleFinalize signs the request, sends it on, and records the clock
// skew the response showed.
func (m *signRequest) HandleFinalize(
	ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler,
) (middleware.FinalizeOutput, middleware.Metadata, error) {
	provider := m.options.Credentials
	if provider == nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, errNoCredentials
	}
	if aws.IsCredentialsProvider(provider, (*aws.AnonymousCredentials)(nil)) {
		return next.HandleFinalize(ctx, in)
	}

	if err := m.sign(ctx, in.Request, provider); err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}

	out, metadata, err := next.HandleFinalize(ctx, in)
	if skew, ok := awsmiddleware.GetAttemptSkew(metadata); ok {
		m.clockOffset.Store(int64(skew))
	}
	return out, metadata, err
}

// sign adds the SigV4 headers to request.
func (m *signRequest) sign(
	ctx context.Context, request any, provider aws.CredentialsProvider,
) error {
	req, ok := request.(*smithyhttp.Request)
	if !ok {
		return fmt.Errorf("sign request: unexpected transport type %T", request)
	}

	payloadHash := v4.GetPayloadHash(ctx)
	if payloadHash == "" {
		return errors.New("sign request: payload hash missing")
	}

	creds, err := provider.Retrieve(ctx)
	if err != nil {
		return fmt.Errorf("retrieve credentials: %w", err)
	}

	signingTime := time.Now().Add(time.Duration(m.clockOffset.Load()))
	err = m.options.HTTPSignerV4.SignHTTP(ctx, creds, req.Request, payloadHash,
		signingName, m.options.Region, signingTime, m.signerOptions(creds))
	if err != nil {
		return fmt.Errorf("sign request: %w", err)
	}
	return nil
}

// signerOptions routes the signer's log lines (the canonical request) to
// the client logger when ClientLogMode asks for signing logs, with the
// session token, which the canonical request contains, scrubbed out.
func (m *signRequest) signerOptions(creds aws.Credentials) func(*v4.SignerOptions) {
	return func(so *v4.SignerOptions) {
		so.LogSigning = m.options.ClientLogMode.IsSigning()
		so.Logger = scrubbingLogger{
			logger:  m.options.Logger,
			secrets: []string{creds.SessionToken, creds.SecretAccessKey},
		}
	}
}
