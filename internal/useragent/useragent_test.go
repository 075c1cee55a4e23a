package useragent

import (
	"context"
	"net/http"
	"testing"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// userAgentOf builds a request through a stack holding the SDK's
// User-Agent middleware, after applying marks, and returns its header.
func userAgentOf(t *testing.T, marks ...func(*middleware.Stack) error) string {
	t.Helper()
	stack := middleware.NewStack("test", smithyhttp.NewStackRequest)
	require.NoError(t, awsmiddleware.AddRequestUserAgentMiddleware(stack))
	for _, m := range marks {
		require.NoError(t, m(stack))
	}

	var header string
	handler := middleware.HandlerFunc(func(_ context.Context, in any) (
		any, middleware.Metadata, error,
	) {
		header = in.(*smithyhttp.Request).Header.Get("User-Agent")
		return &smithyhttp.Response{Response: &http.Response{StatusCode: 200}},
			middleware.Metadata{}, nil
	})
	_, _, err := middleware.DecorateHandler(handler, stack).Handle(context.Background(), struct{}{})
	require.NoError(t, err)
	return header
}

func TestMarks(t *testing.T) {
	tests := []struct {
		name    string
		marks   []func(*middleware.Stack) error
		metrics string
	}{
		{"paginator", []func(*middleware.Stack) error{Paginator}, " m/C"},
		{"waiter", []func(*middleware.Stack) error{Waiter}, " m/B"},
		{"both", []func(*middleware.Stack) error{Paginator, Waiter}, " m/B,C"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Regexp(t, `^aws-sdk-go-v2/\S+ .*`+tt.metrics+`$`, userAgentOf(t, tt.marks...))
		})
	}
	assert.NotContains(t, userAgentOf(t), " m/", "no mark, no metrics")
}

func TestMarkWithoutUserAgentMiddleware(t *testing.T) {
	stack := middleware.NewStack("test", smithyhttp.NewStackRequest)
	assert.NoError(t, Paginator(stack))
	assert.NoError(t, Waiter(stack))
	assert.Empty(t, stack.Build.List(), "nothing is added")
}
