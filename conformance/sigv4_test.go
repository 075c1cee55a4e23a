package conformance

// Every request we send must carry the SigV4 signature the public
// aws-sdk-go-v2 signer computes for exactly those bytes.

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scopeRE captures the parts of an Authorization header that do not
// depend on the clock: access key, region, service, and request type.
var scopeRE = regexp.MustCompile(
	`^AWS4-HMAC-SHA256 Credential=([^/]+)/\d{8}/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=[0-9a-f]{64}$`)

func TestSignatures(t *testing.T) {
	var cases []requestCase
	cases = append(cases, labelCases(nil)...)
	cases = append(cases, registerCases(officialEnumValues())...)

	for _, tc := range cases {
		t.Run(tc.op+"/"+tc.name, func(t *testing.T) {
			theirs, mine := runBoth(t, operations[tc.op], tc.input)
			require.NoError(t, theirs.err)
			require.NoError(t, mine.err)
			require.Len(t, mine.requests, 1)

			// The official client's own signature validates the re-signing.
			assertSigned(t, theirs.requests[0])
			assertSigned(t, mine.requests[0])

			want := scopeRE.FindStringSubmatch(theirs.requests[0].req.Header.Get("Authorization"))
			got := scopeRE.FindStringSubmatch(mine.requests[0].req.Header.Get("Authorization"))
			require.NotNil(t, want, "official Authorization header shape")
			require.NotNil(t, got, "our Authorization header shape")
			assert.Equal(t, []string{testAccessKey, testRegion, signingName}, got[1:4])
			assert.Equal(t, want[4], got[4], "signed headers")
			assert.Contains(t, got[4], "host", "signed headers")
		})
	}
}
