package devopsagent

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInvokeSendsRequestAndDecodesOutput(t *testing.T) {
	f := newFakeService(t, reply{
		Status: http.StatusOK,
		Header: map[string]string{"X-Amzn-Requestid": "req-1", "Content-Type": "application/json"},
		Body:   `{"id":"w-1","secret":"s3cr3t","unknown":[1,2]}`,
	})

	out, err := f.client().putWidget(context.Background(), &putWidgetInput{
		WidgetID: aws.String("a b/c"), Filter: aws.String("x y"),
		ClientToken: aws.String("tok"), Note: aws.String("hello"),
	})
	require.NoError(t, err)

	assert.Equal(t, "w-1", aws.ToString(out.ID))
	assert.Equal(t, "s3cr3t", aws.ToString(out.Secret))
	id, ok := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata)
	assert.True(t, ok)
	assert.Equal(t, "req-1", id)

	req := requireOneRequest(t, f)
	assert.Equal(t, "POST", req.Method)
	assert.Equal(t, "/v1/widgets/a%20b%2Fc", req.Path)
	assert.Equal(t, "filter=x%20y", req.Query)
	assert.Equal(t, `{"clientToken":"tok","note":"hello"}`, string(req.Body))
	assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
	assert.Equal(t, "attempt=1; max=3", req.Header.Get("Amz-Sdk-Request"))
	assert.Regexp(t, `^[0-9a-f-]{36}$`, req.Header.Get("Amz-Sdk-Invocation-Id"))
}

func TestInvokeUserAgentNamesModuleAndApp(t *testing.T) {
	f := newFakeService(t)

	_, err := f.client(func(o *Options) { o.AppID = "my-app" }).
		putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})
	require.NoError(t, err)

	ua := requireOneRequest(t, f).Header.Get("User-Agent")
	assert.Contains(t, ua, " lib/devopsagent-go#"+moduleVersion)
	assert.Contains(t, ua, " app/my-app")
}

func TestInvokeRequestIDHeaderFallbacks(t *testing.T) {
	tests := []struct {
		name   string
		header map[string]string
		want   string
	}{
		{"x-amzn-requestid", map[string]string{"x-amzn-RequestId": "a"}, "a"},
		{"x-amz-request-id", map[string]string{"X-Amz-Request-Id": "b"}, "b"},
		{"x-amz-requestid", map[string]string{"X-Amz-RequestId": "c"}, "c"},
		{"first wins", map[string]string{"X-Amz-Request-Id": "b", "X-Amzn-Requestid": "a"}, "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeService(t, reply{Status: http.StatusOK, Header: tt.header, Body: "{}"})

			input := &putWidgetInput{WidgetID: aws.String("w")}
			out, err := f.client().putWidget(context.Background(), input)
			require.NoError(t, err)

			id, ok := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata)
			assert.True(t, ok)
			assert.Equal(t, tt.want, id)
		})
	}
}

func TestInvokeValidationFailsBeforeSending(t *testing.T) {
	f := newFakeService(t)

	_, err := f.client().putWidget(context.Background(), &putWidgetInput{})

	var opErr *smithy.OperationError
	require.ErrorAs(t, err, &opErr)
	assert.Equal(t, ServiceID, opErr.ServiceID)
	assert.Equal(t, "PutWidget", opErr.OperationName)
	assert.EqualError(t, opErr.Err, "PutWidgetInput.WidgetId: required")
	assert.Empty(t, f.received())
}

func TestInvokeAPIOptionsCanEditTheStack(t *testing.T) {
	f := newFakeService(t)
	stop := errors.New("stopped by the test")
	abort := func(stack *middleware.Stack) error {
		return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("abort",
			func(context.Context, middleware.InitializeInput, middleware.InitializeHandler) (
				middleware.InitializeOutput, middleware.Metadata, error,
			) {
				return middleware.InitializeOutput{}, middleware.Metadata{}, stop
			}), middleware.Before)
	}

	_, err := f.client(WithAPIOptions(abort)).
		putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})

	assert.ErrorIs(t, err, stop)
	assert.Empty(t, f.received())
}

func TestInvokeStackOrder(t *testing.T) {
	var ids map[string][]string
	capture := func(stack *middleware.Stack) error {
		ids = map[string][]string{
			"Initialize":  stack.Initialize.List(),
			"Serialize":   stack.Serialize.List(),
			"Build":       stack.Build.List(),
			"Finalize":    stack.Finalize.List(),
			"Deserialize": stack.Deserialize.List(),
		}
		return nil
	}
	f := newFakeService(t)

	_, err := f.client(WithAPIOptions(capture)).
		putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})
	require.NoError(t, err)

	assert.Equal(t, map[string][]string{
		"Initialize": {"OperationIdempotencyTokenAutoFill", "OperationInputValidation"},
		"Serialize":  {"ResolveEndpoint", "OperationSerializer"},
		"Build":      {"ClientRequestID", "UserAgent", "RecursionDetection"},
		"Finalize": {"Retry", "ResolveAuthScheme", "GetIdentity", "ResolveEndpointV2",
			"EndpointHostPrefix", "ComputePayloadHash", "Signing"},
		"Deserialize": {"AddRawResponseToMetadata", "ResponseErrorWrapper", "RequestIDRetriever",
			"OperationDeserializer", "RecordResponseTiming", "RequestResponseLogger"},
	}, ids)
}
