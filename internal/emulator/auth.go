package emulator

// This file checks request signatures. Every API request must carry a
// well-formed SigV4 Authorization header for the signing name "aidevops".
// When credentials are configured, the emulator also re-signs the request
// with aws-sdk-go-v2's signer and compares signatures, as the service
// would. Messages never contain the secret key or the signature.

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

const (
	signingAlgorithm = "AWS4-HMAC-SHA256"
	signingName      = "aidevops"
	amzDateLayout    = "20060102T150405Z"
	maxClockSkew     = 15 * time.Minute
)

// Credentials is the one access key the emulator accepts when signature
// verification is on.
type Credentials struct {
	AccessKeyID     string
	SecretAccessKey string
}

// sigV4Header is the parsed Authorization header.
type sigV4Header struct {
	accessKeyID   string
	date          string
	region        string
	service       string
	signedHeaders string
	signature     string
}

var (
	authPattern = regexp.MustCompile(`^` + signingAlgorithm +
		` Credential=([^/,\s]+)/(\d{8})/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request,\s*` +
		`SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$`)
	signedHeadersPattern = regexp.MustCompile(`^[a-z0-9-]+(;[a-z0-9-]+)*$`)
)

// parseAuthorization parses and checks the form of a SigV4 header.
func parseAuthorization(value string) (sigV4Header, error) {
	if value == "" {
		return sigV4Header{}, fmt.Errorf("missing Authorization header")
	}
	m := authPattern.FindStringSubmatch(value)
	if m == nil {
		return sigV4Header{}, fmt.Errorf("authorization header is not a valid %s signature",
			signingAlgorithm)
	}

	h := sigV4Header{
		accessKeyID: m[1], date: m[2], region: m[3], service: m[4],
		signedHeaders: m[5], signature: m[6],
	}
	if h.service != signingName {
		return h, fmt.Errorf("credential scope names service %q; this service signs as %q",
			h.service, signingName)
	}
	if !signedHeadersPattern.MatchString(h.signedHeaders) || !h.signs("host") ||
		!h.signs("x-amz-date") {
		return h, fmt.Errorf("SignedHeaders must include host and x-amz-date")
	}
	return h, nil
}

// signs reports whether the header lists name among SignedHeaders.
func (h sigV4Header) signs(name string) bool {
	for _, signed := range strings.Split(h.signedHeaders, ";") {
		if signed == name {
			return true
		}
	}
	return false
}

// authenticate checks the request's signature. body is the whole request
// body, already read.
func (s *Server) authenticate(r *http.Request, body []byte) *apiError {
	h, err := parseAuthorization(r.Header.Get("Authorization"))
	if err != nil {
		return errAccessDenied("%s", err.Error())
	}

	signingTime, err := time.Parse(amzDateLayout, r.Header.Get("X-Amz-Date"))
	if err != nil {
		return errAccessDenied("X-Amz-Date header is missing or not in %s form", amzDateLayout)
	}
	if signingTime.Format("20060102") != h.date {
		return errAccessDenied("credential scope date does not match X-Amz-Date")
	}

	if s.opts.Credentials == nil {
		return nil
	}
	return s.verifySignature(r, body, h, signingTime)
}

// verifySignature re-signs the request with the configured secret key and
// compares the result with the signature the caller sent.
func (s *Server) verifySignature(r *http.Request, body []byte, h sigV4Header,
	signingTime time.Time) *apiError {
	creds := s.opts.Credentials
	if subtle.ConstantTimeCompare([]byte(h.accessKeyID), []byte(creds.AccessKeyID)) != 1 {
		return errAccessDenied("the security token included in the request is invalid")
	}

	// The emulated clock (Options.Now) only stamps resources; signatures
	// are checked against the wall clock that signed them.
	skew := time.Since(signingTime)
	if skew > maxClockSkew || skew < -maxClockSkew {
		return errAccessDenied("signature expired: X-Amz-Date is more than %s from the "+
			"server's time", maxClockSkew)
	}

	payloadHash := sha256Hex(body)
	if sent := r.Header.Get("X-Amz-Content-Sha256"); sent != "" && sent != payloadHash {
		return errAccessDenied("X-Amz-Content-Sha256 does not match the request body")
	}

	want, err := resign(r.Context(), r, h, *creds, payloadHash, signingTime)
	if err != nil {
		return errAccessDenied("the request could not be re-signed: %v", err)
	}
	if want.signedHeaders != h.signedHeaders ||
		subtle.ConstantTimeCompare([]byte(want.signature), []byte(h.signature)) != 1 {
		return errAccessDenied("the request signature we calculated does not match " +
			"the signature you provided")
	}
	return nil
}

// resign signs a copy of r carrying only the headers the caller signed and
// returns the parsed Authorization header the signer produced.
func resign(ctx context.Context, r *http.Request, h sigV4Header, creds Credentials,
	payloadHash string, signingTime time.Time) (sigV4Header, error) {
	u := *r.URL
	u.Scheme, u.Host = "http", r.Host
	if r.TLS != nil {
		u.Scheme = "https"
	}

	cp := &http.Request{Method: r.Method, URL: &u, Host: r.Host, Header: http.Header{}}
	awsCreds := aws.Credentials{
		AccessKeyID: creds.AccessKeyID, SecretAccessKey: creds.SecretAccessKey,
	}
	for _, name := range strings.Split(h.signedHeaders, ";") {
		switch name {
		case "host":
		case "content-length":
			cp.ContentLength = r.ContentLength
		case "x-amz-security-token":
			awsCreds.SessionToken = r.Header.Get(name)
		default:
			cp.Header[http.CanonicalHeaderKey(name)] = r.Header.Values(name)
		}
	}

	signer := v4.NewSigner()
	err := signer.SignHTTP(ctx, awsCreds, cp, payloadHash, signingName, h.region, signingTime)
	if err != nil {
		return sigV4Header{}, fmt.Errorf("sign: %w", err)
	}
	return parseAuthorization(cp.Header.Get("Authorization"))
}

// sha256Hex is the hex SHA-256 of data, the payload hash SigV4 signs.
func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
