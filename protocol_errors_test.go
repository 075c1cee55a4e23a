package devopsagent

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	smithy "github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/restjson1"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decodeTestError runs the error decoder of the test service on a
// response with the given header and body.
func decodeTestError(header map[string]string, body string) error {
	resp := &http.Response{StatusCode: http.StatusBadRequest, Header: http.Header{},
		Body: io.NopCloser(strings.NewReader(body))}
	for name, value := range header {
		resp.Header.Set(name, value)
	}
	d := errorDecoder{protocol: restjson1.New(nil), types: testTypes}
	return d.decode(context.Background(), opPutWidget.schema, &smithyhttp.Response{Response: resp})
}

func TestErrorDecoding(t *testing.T) {
	throttling := func(msg *string) error { return &testThrottlingError{Message: msg} }
	generic := func(code, msg string) error { return &smithy.GenericAPIError{Code: code, Message: msg} }
	tests := []struct {
		name   string
		header map[string]string
		body   string
		want   error
	}{
		{"__type", nil, `{"__type":"ThrottlingException","message":"m"}`, throttling(aws.String("m"))},
		{"__type with namespace", nil,
			`{"__type":"com.amazonaws.devopsagent#ThrottlingException","message":"m"}`,
			throttling(aws.String("m"))},
		{"code", nil, `{"code":"ThrottlingException","message":"m"}`, throttling(aws.String("m"))},
		{"Code", nil, `{"Code":"ThrottlingException"}`, throttling(nil)},
		{"code with colon suffix", nil, `{"code":"ThrottlingException:http://internal.amazon.com/x"}`,
			throttling(nil)},
		{"code wins over __type", nil, `{"code":"ThrottlingException","__type":"ValidationException"}`,
			throttling(nil)},
		{"non-string code falls back to __type", nil, `{"code":429,"__type":"ThrottlingException"}`,
			throttling(nil)},
		{"object code ignored", nil, `{"code":{"x":1},"message":"m"}`, generic("UnknownError", "m")},
		{"header wins", map[string]string{"X-Amzn-ErrorType": "ThrottlingException:http://x#y"},
			`{"__type":"ValidationException","message":"m"}`, throttling(aws.String("m"))},
		{"header with namespace", map[string]string{"x-amzn-errortype": "aws#ThrottlingException"}, ``,
			throttling(nil)},
		{"case-insensitive match", nil, `{"__type":"throttlingexception","Message":"M"}`,
			throttling(aws.String("M"))},
		{"Message key", nil, `{"__type":"ThrottlingException","Message":"M"}`,
			throttling(aws.String("M"))},
		{"modeled error, HTML body", map[string]string{"X-Amzn-ErrorType": "ThrottlingException"},
			`<html>busy</html>`, throttling(nil)},
		{"field list", nil,
			`{"__type":"ValidationException","message":"bad",` +
				`"fieldList":[{"path":"a.b","message":"required"}]}`,
			&testValidationError{Message: aws.String("bad"),
				FieldList: []testField{{Path: aws.String("a.b"), Message: aws.String("required")}}}},
		{"unknown code", nil, `{"__type":"NoSuchThing","message":"m"}`, generic("NoSuchThing", "m")},
		{"unknown code, no message", nil, `{"code":"NoSuchThing"}`,
			generic("NoSuchThing", "UnknownError")},
		{"not an error type", nil, `{"__type":"PutWidgetResponse"}`,
			generic("PutWidgetResponse", "UnknownError")},
		{"message only", nil, `{"message":"m"}`, generic("UnknownError", "m")},
		{"empty body", nil, ``, generic("UnknownError", "UnknownError")},
		{"HTML body", nil, `<html><body>Bad Gateway</body></html>`,
			generic("UnknownError", "UnknownError")},
		{"JSON array", nil, `[1]`, generic("UnknownError", "UnknownError")},
		{"JSON null", nil, `null`, generic("UnknownError", "UnknownError")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, decodeTestError(tt.header, tt.body))
		})
	}
}

func TestErrorDecodingBadMemberType(t *testing.T) {
	err := decodeTestError(nil, `{"__type":"ThrottlingException","message":42}`)

	var deserErr *smithy.DeserializationError
	assert.ErrorAs(t, err, &deserErr)
}

func TestErrorResponseWrapping(t *testing.T) {
	f := newFakeService(t, reply{
		Status: http.StatusConflict,
		Header: map[string]string{"X-Amz-Request-Id": "rid-9", "X-Amzn-ErrorType": "Conflict"},
		Body:   `{"message":"already there"}`,
	})

	_, err := f.client().putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})

	var respErr *awshttp.ResponseError
	require.ErrorAs(t, err, &respErr)
	assert.Equal(t, http.StatusConflict, respErr.HTTPStatusCode())
	assert.Equal(t, "rid-9", respErr.ServiceRequestID())
	var apiErr smithy.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Conflict", apiErr.ErrorCode())
	assert.Equal(t, "already there", apiErr.ErrorMessage())
	assert.EqualError(t, err, "operation error DevOps Agent: PutWidget, https response error "+
		"StatusCode: 409, RequestID: rid-9, api error Conflict: already there")
}

func FuzzReadErrorInfo(f *testing.F) {
	f.Add("", []byte(`{"code":"A:b","__type":"ns#C","message":"m"}`))
	f.Add("ns#X:y", []byte(`<html>`))
	f.Add("", []byte(`{"CODE":1,"Message":"m"}`))
	f.Fuzz(func(t *testing.T, header string, body []byte) {
		info := readErrorInfo(http.Header{"X-Amzn-Errortype": []string{header}}, body)

		assert.NotContains(t, info.code, ":")
		if info.object != nil {
			assert.Equal(t, body, info.object)
		}
	})
}
