package devopsagent

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// captured is a request as it left the client.
type captured struct {
	req  *http.Request
	body []byte
}

// captureClient returns an HTTPClient that keeps every request it is
// given and answers 200 {}.
func captureClient(into *[]captured) HTTPClient {
	return httpClientFunc(func(r *http.Request) (*http.Response, error) {
		var body []byte
		if r.Body != nil {
			var err error
			if body, err = io.ReadAll(r.Body); err != nil {
				return nil, err
			}
		}
		*into = append(*into, captured{req: r.Clone(context.Background()), body: body})
		return jsonResponse(http.StatusOK, "{}"), nil
	})
}

// resign signs a copy of the captured request again with the SDK signer,
// at the time the captured request says it was signed, and returns the
// Authorization header that produces.
func resign(t *testing.T, c captured) string {
	t.Helper()
	signedAt, err := time.Parse("20060102T150405Z", c.req.Header.Get("X-Amz-Date"))
	require.NoError(t, err)

	req := c.req.Clone(context.Background())
	req.Header.Del("Authorization")
	req.Body = io.NopCloser(bytes.NewReader(c.body))
	hash := sha256.Sum256(c.body)

	creds, err := testCreds.Retrieve(context.Background())
	require.NoError(t, err)
	err = v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(hash[:]),
		"aidevops", "us-east-1", signedAt)
	require.NoError(t, err)
	return req.Header.Get("Authorization")
}

func TestSigV4SignatureMatchesSDKSigner(t *testing.T) {
	tests := []struct {
		label    string
		wantPath string
	}{
		{"plain", "/v1/widgets/plain"},
		{"with space", "/v1/widgets/with%20space"},
		{"a/b", "/v1/widgets/a%2Fb"},
		{"100%", "/v1/widgets/100%25"},
		{"grüße-日本", "/v1/widgets/gr%C3%BC%C3%9Fe-%E6%97%A5%E6%9C%AC"},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			var sent []captured
			c := New(Options{Region: "us-east-1", Credentials: testCreds,
				HTTPClient: captureClient(&sent)})

			_, err := c.putWidget(context.Background(), &putWidgetInput{
				WidgetID: aws.String(tt.label), ClientToken: aws.String("t"), Note: aws.String("n"),
			})
			require.NoError(t, err)
			require.Len(t, sent, 1)

			got := sent[0]
			assert.Equal(t, tt.wantPath, got.req.URL.EscapedPath())
			assert.Equal(t, "dp.aidevops.us-east-1.api.aws", got.req.URL.Host)
			assert.Equal(t, "SESSIONTOKENEXAMPLE", got.req.Header.Get("X-Amz-Security-Token"))
			auth := got.req.Header.Get("Authorization")
			assert.Regexp(t, `^AWS4-HMAC-SHA256 `+
				`Credential=AKIDEXAMPLE/\d{8}/us-east-1/aidevops/aws4_request, `+
				`SignedHeaders=[a-z0-9;-]*host;[a-z0-9;-]*, Signature=[0-9a-f]{64}$`, auth)
			assert.Equal(t, resign(t, got), auth)
		})
	}
}

func TestSigningCredentials(t *testing.T) {
	failing := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{}, errors.New("no profile")
	})
	tests := []struct {
		name     string
		creds    aws.CredentialsProvider
		wantAuth bool
		wantErr  string
	}{
		{"static", testCreds, true, ""},
		{"anonymous", aws.AnonymousCredentials{}, false, ""},
		{"missing", nil, false, "no credentials: set Options.Credentials"},
		{"failing provider", failing, false,
			"get identity: get credentials: failed to refresh cached credentials, no profile"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sent []captured
			c := New(Options{Region: "us-east-1", Credentials: tt.creds, HTTPClient: captureClient(&sent)})

			_, err := c.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})

			if tt.wantErr != "" {
				assert.ErrorContains(t, err, tt.wantErr)
				assert.Empty(t, sent)
				return
			}
			require.NoError(t, err)
			require.Len(t, sent, 1)
			assert.Equal(t, tt.wantAuth, sent[0].req.Header.Get("Authorization") != "")
			assert.Equal(t, tt.wantAuth, sent[0].req.Header.Get("X-Amz-Date") != "")
		})
	}
}

func TestMissingCredentialsIsSentinel(t *testing.T) {
	var sent []captured
	c := New(Options{Region: "us-east-1", HTTPClient: captureClient(&sent)})

	_, err := c.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})

	assert.ErrorIs(t, err, errNoCredentials)
}

func TestSigningTimeFollowsServerClock(t *testing.T) {
	serverTime := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
	var sent []captured
	reply := httpClientFunc(func(r *http.Request) (*http.Response, error) {
		sent = append(sent, captured{req: r.Clone(context.Background())})
		resp := jsonResponse(http.StatusOK, "{}")
		resp.Header.Set("Date", serverTime.Format(http.TimeFormat))
		return resp, nil
	})
	c := New(Options{Region: "us-east-1", Credentials: testCreds, HTTPClient: reply})

	for range 2 {
		_, err := c.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})
		require.NoError(t, err)
	}

	require.Len(t, sent, 2)
	assert.NotEqual(t, "20300102", sent[0].req.Header.Get("X-Amz-Date")[:8])
	assert.Equal(t, "20300102", sent[1].req.Header.Get("X-Amz-Date")[:8])
}
