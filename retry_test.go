package devopsagent

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countingSigner counts the signatures it makes.
type countingSigner struct {
	signer *v4.Signer
	count  int
}

func (s *countingSigner) SignHTTP(ctx context.Context, creds aws.Credentials, r *http.Request,
	payloadHash, service, region string, at time.Time, optFns ...func(*v4.SignerOptions),
) error {
	s.count++
	return s.signer.SignHTTP(ctx, creds, r, payloadHash, service, region, at, optFns...)
}

func TestRetriesTransientErrorsThenSucceeds(t *testing.T) {
	f := newFakeService(t,
		reply{Status: http.StatusTooManyRequests,
			Header: map[string]string{"Content-Type": "application/json"},
			Body:   `{"__type":"ThrottlingException","message":"slow down"}`},
		reply{Status: http.StatusInternalServerError, Body: `{"message":"oops"}`},
		reply{Status: http.StatusServiceUnavailable,
			Header: map[string]string{"Content-Type": "text/html"},
			Body:   `<html><body>Service Unavailable</body></html>`},
		reply{Status: http.StatusBadGateway},
		reply{Status: http.StatusOK, Body: `{"id":"w-1"}`},
	)
	signer := &countingSigner{signer: v4.NewSigner()}
	c := f.client(func(o *Options) {
		o.Retryer = noDelayRetryer(5)
		o.HTTPSignerV4 = signer
	})

	out, err := c.putWidget(context.Background(), &putWidgetInput{
		WidgetID: aws.String("w"), ClientToken: aws.String("tok"), Secret: aws.String("s"),
	})
	require.NoError(t, err)
	assert.Equal(t, "w-1", aws.ToString(out.ID))

	got := f.received()
	require.Len(t, got, 5)
	for i, r := range got {
		assert.Equal(t, `{"clientToken":"tok","secret":"s"}`, string(r.Body), "attempt %d", i+1)
		assert.Equal(t, "/v1/widgets/w", r.Path)
		assert.NotEmpty(t, r.Header.Get("Authorization"))
	}
	assert.Equal(t, 5, signer.count, "every attempt is signed")
	assert.Equal(t, "attempt=5; max=5", got[4].Header.Get("Amz-Sdk-Request"))

	attempts, ok := retry.GetAttemptResults(out.ResultMetadata)
	require.True(t, ok)
	assert.Len(t, attempts.Results, 5)
}

func TestRetryGivesUpAfterMaxAttempts(t *testing.T) {
	f := newFakeService(t, reply{Status: http.StatusServiceUnavailable,
		Header: map[string]string{"X-Amzn-Requestid": "rid"}, Body: `<html></html>`})

	_, err := f.client().putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})

	var maxErr *retry.MaxAttemptsError
	require.ErrorAs(t, err, &maxErr)
	assert.Equal(t, 3, maxErr.Attempt)
	var respErr *awshttp.ResponseError
	require.ErrorAs(t, err, &respErr)
	assert.Equal(t, http.StatusServiceUnavailable, respErr.HTTPStatusCode())
	assert.Equal(t, "rid", respErr.ServiceRequestID())
	assert.Len(t, f.received(), 3)
}

func TestRetryMaxAttemptsPerCall(t *testing.T) {
	tests := []struct {
		name   string
		client func(*Options)
		call   func(*Options)
		want   int
	}{
		{"client default", func(*Options) {}, func(*Options) {}, 3},
		{"client option", func(o *Options) { o.RetryMaxAttempts = 2 }, func(*Options) {}, 2},
		{"call option", func(*Options) {}, func(o *Options) { o.RetryMaxAttempts = 1 }, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeService(t, reply{Status: http.StatusInternalServerError, Body: `{}`})

			_, err := f.client(tt.client).
				putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")}, tt.call)

			require.Error(t, err)
			assert.Len(t, f.received(), tt.want)
		})
	}
}

func TestNoRetryForClientErrors(t *testing.T) {
	f := newFakeService(t, reply{Status: http.StatusBadRequest,
		Body: `{"__type":"ValidationException","message":"bad"}`})

	_, err := f.client().putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})

	var validation *testValidationError
	require.ErrorAs(t, err, &validation)
	assert.Len(t, f.received(), 1)
}

func TestCallCredentialsRetrievedOncePerCall(t *testing.T) {
	f := newFakeService(t,
		reply{Status: http.StatusInternalServerError, Body: `{}`},
		reply{Status: http.StatusInternalServerError, Body: `{}`},
		reply{Status: http.StatusOK, Body: `{"id":"w-1"}`},
		reply{Status: http.StatusOK, Body: `{"id":"w-2"}`},
	)
	retrievals := 0
	callCreds := func(o *Options) {
		o.Credentials = aws.CredentialsProviderFunc(
			func(context.Context) (aws.Credentials, error) {
				retrievals++
				return aws.Credentials{AccessKeyID: "AKIDCALL", SecretAccessKey: "s"}, nil
			})
	}
	c := f.client(func(o *Options) { o.Retryer = noDelayRetryer(3) })

	for _, want := range []int{1, 2} {
		_, err := c.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")},
			callCreds)
		require.NoError(t, err)
		assert.Equal(t, want, retrievals, "one retrieval per call, shared by its attempts")
	}

	got := f.received()
	require.Len(t, got, 4)
	for i, r := range got {
		assert.Contains(t, r.Header.Get("Authorization"), "Credential=AKIDCALL/", "attempt %d", i+1)
	}
}
