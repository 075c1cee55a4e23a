package devopsagent

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/stretchr/testify/assert"
)

func TestCanceledContext(t *testing.T) {
	t.Run("before the call", func(t *testing.T) {
		f := newFakeService(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()

		_, err := f.client().putWidget(ctx, &putWidgetInput{WidgetID: aws.String("w")})

		assert.ErrorIs(t, err, context.Canceled)
		assert.Empty(t, f.received())
	})

	t.Run("while waiting for the response", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		arrived := make(chan struct{})
		server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.Copy(io.Discard, r.Body) // lets the server notice the client leaving
			close(arrived)
			<-r.Context().Done()
		}))
		t.Cleanup(server.Close)
		go func() {
			<-arrived
			cancel()
		}()
		c := New(Options{Region: "us-east-1", Credentials: testCreds,
			BaseEndpoint: aws.String(server.URL), DisableHostPrefix: true})

		_, err := c.putWidget(ctx, &putWidgetInput{WidgetID: aws.String("w")})

		assert.ErrorIs(t, err, context.Canceled)
	})

	t.Run("during retry backoff", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		f := newFakeService(t, reply{Status: http.StatusInternalServerError, Body: `{}`})
		slow := retry.NewStandard(func(o *retry.StandardOptions) {
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) {
				cancel()
				return time.Hour, nil
			})
		})

		_, err := f.client(func(o *Options) { o.Retryer = slow }).
			putWidget(ctx, &putWidgetInput{WidgetID: aws.String("w")})

		assert.ErrorIs(t, err, context.Canceled)
		assert.Len(t, f.received(), 1)
	})
}
