package conformance

// resign re-computes the SigV4 signature of a captured request with the
// public aws-sdk-go-v2 signer, at the request's own X-Amz-Date and with
// the hash of the body bytes that actually went out.

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"testing"
	"time"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/stretchr/testify/require"
)

const signingName = "aidevops"

// resign returns the Authorization header the reference signer computes
// for the captured request, signed for region.
func resign(t *testing.T, c captured, region string) string {
	t.Helper()

	ctx := context.Background()
	signedAt, err := time.Parse("20060102T150405Z", c.req.Header.Get("X-Amz-Date"))
	require.NoError(t, err, "X-Amz-Date of the captured request")

	sum := sha256.Sum256(c.body)
	r := c.req.Clone(ctx)
	r.Header.Del("Authorization")

	creds, err := testCredentials.Retrieve(ctx)
	require.NoError(t, err)
	err = v4.NewSigner().SignHTTP(ctx, creds, r, hex.EncodeToString(sum[:]),
		signingName, region, signedAt)
	require.NoError(t, err, "re-sign")
	return r.Header.Get("Authorization")
}

// assertSigned checks that the Authorization header of c is exactly what
// the reference signer computes for it in the test region.
func assertSigned(t *testing.T, c captured) {
	t.Helper()
	assertSignedIn(t, c, testRegion)
}

// assertSignedIn is assertSigned for a request signed for region.
func assertSignedIn(t *testing.T, c captured, region string) {
	t.Helper()

	got := c.req.Header.Get("Authorization")
	require.NotEmpty(t, got, "Authorization header")
	require.Equal(t, resign(t, c, region), got, "signature of %s %s", c.req.Method, c.req.URL)
}
