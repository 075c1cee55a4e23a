package devopsagent

// This file holds the default auth scheme, aws.auth#sigv4: AWS
// credentials as a smithy-go identity, and a smithy-go signer over
// Options.HTTPSignerV4 (aws/signer/v4). aws-sdk-go-v2 has the same
// adapters, but in an internal package other modules cannot import.

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	smithy "github.com/aws/smithy-go"
	smithyauth "github.com/aws/smithy-go/auth"
	"github.com/aws/smithy-go/logging"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// credentialsIdentity is the identity SigV4 signs with.
type credentialsIdentity struct {
	credentials aws.Credentials
}

// Expiration returns when the credentials expire (zero: never).
func (c *credentialsIdentity) Expiration() time.Time {
	return c.credentials.Expires
}

// credentialsResolver is the SigV4 identity resolver: it retrieves
// credentials from Options.Credentials.
type credentialsResolver struct {
	provider aws.CredentialsProvider
}

// GetIdentity retrieves the credentials. A nil provider is an error
// rather than a reason to send the request unsigned.
func (r *credentialsResolver) GetIdentity(ctx context.Context, _ smithy.Properties) (
	smithyauth.Identity, error,
) {
	if r.provider == nil {
		return nil, errNoCredentials
	}
	creds, err := r.provider.Retrieve(ctx)
	if err != nil {
		return nil, fmt.Errorf("get credentials: %w", err)
	}
	return &credentialsIdentity{credentials: creds}, nil
}

// sigV4Scheme is the default aws.auth#sigv4 auth scheme.
type sigV4Scheme struct {
	signer *sigV4Signer
}

// newSigV4Scheme returns the SigV4 scheme signing with o.HTTPSignerV4,
// logging to o.Logger as o.ClientLogMode asks, at times shifted by
// clockOffset.
func newSigV4Scheme(o Options, clockOffset *atomic.Int64) *sigV4Scheme {
	return &sigV4Scheme{signer: &sigV4Signer{
		signer:      o.HTTPSignerV4,
		logger:      o.Logger,
		logSigning:  o.ClientLogMode.IsSigning(),
		clockOffset: clockOffset,
	}}
}

// SchemeID returns aws.auth#sigv4.
func (*sigV4Scheme) SchemeID() string { return smithyauth.SchemeIDSigV4 }

// IdentityResolver returns the SigV4 identity resolver of o.
func (s *sigV4Scheme) IdentityResolver(
	o smithyauth.IdentityResolverOptions,
) smithyauth.IdentityResolver {
	return o.GetIdentityResolver(s.SchemeID())
}

// Signer returns the SigV4 signer.
func (s *sigV4Scheme) Signer() smithyhttp.Signer { return s.signer }

// resolveAuthSchemes sets the default auth schemes when unset, and
// binds every default SigV4 scheme among them to o's signer, logger and
// log mode, so that a call's optFns changing those take effect. The
// slice is copied, never changed in place.
func resolveAuthSchemes(o *Options, clockOffset *atomic.Int64) {
	if o.AuthSchemes == nil {
		o.AuthSchemes = []smithyhttp.AuthScheme{newSigV4Scheme(*o, clockOffset)}
		return
	}

	schemes := make([]smithyhttp.AuthScheme, len(o.AuthSchemes))
	for i, scheme := range o.AuthSchemes {
		if _, ok := scheme.(*sigV4Scheme); ok {
			scheme = newSigV4Scheme(*o, clockOffset)
		}
		schemes[i] = scheme
	}
	o.AuthSchemes = schemes
}

// sigV4Signer signs requests with SigV4.
type sigV4Signer struct {
	signer     HTTPSignerV4
	logger     logging.Logger
	logSigning bool

	// clockOffset is the server's clock minus ours, in nanoseconds.
	clockOffset *atomic.Int64
}

// SignRequest adds the SigV4 headers to r, for the signing name and
// region in props, over the payload hash ComputePayloadSHA256 stored on
// the context.
func (s *sigV4Signer) SignRequest(
	ctx context.Context, r *smithyhttp.Request, identity smithyauth.Identity, props smithy.Properties,
) error {
	creds, ok := identity.(*credentialsIdentity)
	if !ok {
		return fmt.Errorf("sigv4 needs AWS credentials, got identity type %T", identity)
	}
	name, ok := smithyhttp.GetSigV4SigningName(&props)
	if !ok {
		return errors.New("sigv4 signing name missing")
	}
	region, ok := smithyhttp.GetSigV4SigningRegion(&props)
	if !ok {
		return errors.New("sigv4 signing region missing")
	}
	payloadHash := v4.GetPayloadHash(ctx)
	if payloadHash == "" {
		return errors.New("payload hash missing")
	}

	signingTime := time.Now().Add(time.Duration(s.clockOffset.Load()))
	return s.signer.SignHTTP(ctx, creds.credentials, r.Request, payloadHash, name, region,
		signingTime, s.signerOptions(creds.credentials, props))
}

// quietSignerOptions are the options of a *v4.Signer that does not log,
// by whether double encoding is disabled. That signer reads the logger
// only when logging, so none is set, and nothing is built per request.
var quietSignerOptions = [2]func(*v4.SignerOptions){
	func(so *v4.SignerOptions) { so.DisableURIPathEscaping, so.LogSigning = false, false },
	func(so *v4.SignerOptions) { so.DisableURIPathEscaping, so.LogSigning = true, false },
}

// signerOptions routes the signer's log lines (the canonical request) to
// the client logger when ClientLogMode asks for signing logs, with the
// session token, which the canonical request contains, and the secret
// key scrubbed out. Other signers than *v4.Signer always get the logger.
func (s *sigV4Signer) signerOptions(
	creds aws.Credentials, props smithy.Properties,
) func(*v4.SignerOptions) {
	disableEscaping, _ := smithyhttp.GetDisableDoubleEncoding(&props)
	if _, std := s.signer.(*v4.Signer); std && !s.logSigning {
		if disableEscaping {
			return quietSignerOptions[1]
		}
		return quietSignerOptions[0]
	}

	return func(so *v4.SignerOptions) {
		so.DisableURIPathEscaping = disableEscaping
		so.LogSigning = s.logSigning
		so.Logger = scrubbingLogger{
			logger:  s.logger,
			secrets: []string{creds.SessionToken, creds.SecretAccessKey},
		}
	}
}
