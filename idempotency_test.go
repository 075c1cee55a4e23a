package devopsagent

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clientToken returns the clientToken member of a recorded JSON body.
func clientToken(t *testing.T, r recorded) string {
	t.Helper()
	var body struct {
		ClientToken string `json:"clientToken"`
	}
	require.NoError(t, json.Unmarshal(r.Body, &body))
	return body.ClientToken
}

// uuidV4 matches a random (version 4, RFC 4122 variant) UUID.
const uuidV4 = `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`

func TestIdempotencyTokenFilledOncePerCall(t *testing.T) {
	f := newFakeService(t,
		reply{Status: http.StatusInternalServerError, Body: `{}`},
		reply{Status: http.StatusOK, Body: `{}`},
		reply{Status: http.StatusOK, Body: `{}`},
	)
	c := f.client()
	input := &putWidgetInput{WidgetID: aws.String("w")}

	_, err := c.putWidget(context.Background(), input)
	require.NoError(t, err)
	_, err = c.putWidget(context.Background(), input)
	require.NoError(t, err)

	got := f.received()
	require.Len(t, got, 3)
	first, retried, second := clientToken(t, got[0]), clientToken(t, got[1]), clientToken(t, got[2])
	assert.Regexp(t, uuidV4, first)
	assert.Equal(t, first, retried, "a retry reuses the call's token")
	assert.Regexp(t, uuidV4, second)
	assert.NotEqual(t, first, second, "each call gets its own token")
	assert.Nil(t, input.ClientToken, "the caller's input is not changed")
}

func TestIdempotencyTokenProvider(t *testing.T) {
	tests := []struct {
		name      string
		input     *putWidgetInput
		provider  IdempotencyTokenProvider
		wantToken string
		wantErr   string
	}{
		{"caller's token kept",
			&putWidgetInput{WidgetID: aws.String("w"), ClientToken: aws.String("mine")},
			fixedToken{token: "provided"}, "mine", ""},
		{"provider used", &putWidgetInput{WidgetID: aws.String("w")},
			fixedToken{token: "provided"}, "provided", ""},
		{"provider fails", &putWidgetInput{WidgetID: aws.String("w")},
			fixedToken{err: errors.New("no entropy")}, "", "fill idempotency token: no entropy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeService(t)

			_, err := f.client(func(o *Options) { o.IdempotencyTokenProvider = tt.provider }).
				putWidget(context.Background(), tt.input)

			if tt.wantErr != "" {
				assert.ErrorContains(t, err, tt.wantErr)
				assert.Empty(t, f.received())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantToken, clientToken(t, requireOneRequest(t, f)))
		})
	}
}

// fixedToken is an IdempotencyTokenProvider with a fixed answer.
type fixedToken struct {
	token string
	err   error
}

func (p fixedToken) GetIdempotencyToken() (string, error) { return p.token, p.err }
