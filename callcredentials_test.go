package devopsagent

// This file tests the per-call credentials memo (callcredentials.go):
// the provider runs in the caller's goroutine with the call's context,
// and expired credentials are retrieved again by the next attempt.

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withCallCredentials is a call option that sets a provider func.
func withCallCredentials(
	retrieve func(context.Context) (aws.Credentials, error),
) func(*Options) {
	return func(o *Options) { o.Credentials = aws.CredentialsProviderFunc(retrieve) }
}

func TestCallCredentialsStopWithTheCall(t *testing.T) {
	f := newFakeService(t, reply{Status: http.StatusOK, Body: `{"id":"w-1"}`})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	returned := false
	cancelling := withCallCredentials(func(ctx context.Context) (aws.Credentials, error) {
		defer func() { returned = true }()
		cancel()
		<-ctx.Done()
		return aws.Credentials{}, ctx.Err()
	})

	_, err := f.client().putWidget(ctx, &putWidgetInput{WidgetID: aws.String("w")}, cancelling)

	require.ErrorIs(t, err, context.Canceled)
	assert.True(t, returned, "the provider saw the call's context and has returned")
	assert.Empty(t, f.received())
}

func TestCallCredentialsPanicReachesTheCaller(t *testing.T) {
	f := newFakeService(t, reply{Status: http.StatusOK, Body: `{"id":"w-1"}`})
	panicking := withCallCredentials(func(context.Context) (aws.Credentials, error) {
		panic("provider bug")
	})

	recovered := func() (r any) {
		defer func() { r = recover() }()
		_, _ = f.client().putWidget(context.Background(),
			&putWidgetInput{WidgetID: aws.String("w")}, panicking)
		return nil
	}()

	assert.Equal(t, "provider bug", recovered)
}

func TestCallCredentialsRetrievedAgainOnceExpired(t *testing.T) {
	f := newFakeService(t,
		reply{Status: http.StatusInternalServerError, Body: `{}`},
		reply{Status: http.StatusOK, Body: `{"id":"w-1"}`},
	)
	retrievals := 0
	expired := withCallCredentials(func(context.Context) (aws.Credentials, error) {
		retrievals++
		return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "s",
			CanExpire: true, Expires: time.Now().Add(-time.Minute)}, nil
	})
	c := f.client(func(o *Options) { o.Retryer = noDelayRetryer(2) })

	_, err := c.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")},
		expired)

	require.NoError(t, err)
	assert.Equal(t, 2, retrievals, "expired credentials are not reused by the next attempt")
}
