package devopsagent

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withStackValue returns an API option that sets a stack value the way a
// caller's middleware would, at the start of the stack.
func withStackValue(set func(context.Context) context.Context) func(*Options) {
	return WithAPIOptions(func(stack *middleware.Stack) error {
		return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("setStackValue",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
				middleware.InitializeOutput, middleware.Metadata, error,
			) {
				return next.HandleInitialize(set(ctx), in)
			}), middleware.Before)
	})
}

func TestHostPrefix(t *testing.T) {
	widget := &putWidgetInput{WidgetID: aws.String("w"), ClientToken: aws.String("t")}
	local := func(o *Options) { o.BaseEndpoint = aws.String("http://127.0.0.1:8080") }
	tests := []struct {
		name    string
		options []func(*Options)
		want    string
	}{
		{"regional", nil, "https://dp.aidevops.us-east-1.api.aws/v1/widgets/w"},
		{"custom endpoint", []func(*Options){local}, "http://dp.127.0.0.1:8080/v1/widgets/w"},
		{"option", []func(*Options){local, func(o *Options) { o.DisableHostPrefix = true }},
			"http://127.0.0.1:8080/v1/widgets/w"},
		{"context", []func(*Options){withStackValue(func(ctx context.Context) context.Context {
			return smithyhttp.DisableEndpointHostPrefix(ctx, true)
		})}, "https://aidevops.us-east-1.api.aws/v1/widgets/w"},
		{"immutable hostname", []func(*Options){withStackValue(func(ctx context.Context) context.Context {
			return smithyhttp.SetHostnameImmutable(ctx, true)
		})}, "https://aidevops.us-east-1.api.aws/v1/widgets/w"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sentURL(t, widget, tt.options...)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestHostPrefixEmptyLeavesHost(t *testing.T) {
	m := &hostPrefix{}
	req := smithyhttp.NewStackRequest().(*smithyhttp.Request)
	req.URL.Host = "example.com"
	next := middleware.FinalizeHandlerFunc(func(context.Context, middleware.FinalizeInput) (
		middleware.FinalizeOutput, middleware.Metadata, error,
	) {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, nil
	})

	_, _, err := m.HandleFinalize(context.Background(), middleware.FinalizeInput{Request: req}, next)
	require.NoError(t, err)
	assert.Equal(t, "example.com", req.URL.Host)
}
