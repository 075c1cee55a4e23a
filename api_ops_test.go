package devopsagent

// Tests of the runtime through generated operations, as a caller uses
// them.

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	smithy "github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/types"
)

func TestGetServiceRoundTrip(t *testing.T) {
	f := newFakeService(t, reply{
		Status: http.StatusOK,
		Header: map[string]string{"Content-Type": "application/json", "X-Amzn-Requestid": "r-1"},
		Body: `{"service":{"serviceId":"svc/1","serviceType":"github","name":"repo"},` +
			`"tags":{"a":"b"}}`,
	})

	input := &GetServiceInput{ServiceId: aws.String("svc/1")}
	out, err := f.apiClient().GetService(context.Background(), input)
	require.NoError(t, err)

	assert.Equal(t, &types.RegisteredService{
		ServiceId: aws.String("svc/1"), ServiceType: types.ServiceGithub, Name: aws.String("repo"),
	}, out.Service)
	assert.Equal(t, map[string]string{"a": "b"}, out.Tags)
	id, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata)
	assert.Equal(t, "r-1", id)

	req := requireOneRequest(t, f)
	assert.Equal(t, "GET", req.Method)
	assert.Equal(t, "/v1/services/svc%2F1", req.Path)
	assert.Empty(t, req.Body)
	assert.Empty(t, req.Header.Get("Content-Type"))
}

func TestOperationHostPrefixes(t *testing.T) {
	tests := []struct {
		name string
		call func(*Client) error
		want string
	}{
		{"control plane", func(c *Client) error {
			input := &GetServiceInput{ServiceId: aws.String("s")}
			_, err := c.GetService(context.Background(), input)
			return err
		}, "https://cp.aidevops.us-east-1.api.aws/v1/services/s"},
		{"data plane", func(c *Client) error {
			_, err := c.GetBacklogTask(context.Background(),
				&GetBacklogTaskInput{AgentSpaceId: aws.String("a"), TaskId: aws.String("t")})
			return err
		}, "https://dp.aidevops.us-east-1.api.aws/backlog/agent-space/a/tasks/t"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			record := httpClientFunc(func(r *http.Request) (*http.Response, error) {
				got = r.URL.String()
				return jsonResponse(http.StatusNotFound, `{"message":"none"}`), nil
			})
			c := New(Options{Region: "us-east-1", Credentials: testCreds, HTTPClient: record})

			err := tt.call(c)

			var notFound *smithy.GenericAPIError
			require.ErrorAs(t, err, &notFound)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestCreateBacklogTaskFillsTokenAndValidates(t *testing.T) {
	f := newFakeService(t, reply{Status: http.StatusCreated, Body: `{"task":{"taskId":"t-1",` +
		`"agentSpaceId":"as","createdAt":"2026-01-01T00:00:00Z","priority":"HIGH",` +
		`"status":"PENDING_TRIAGE"}}`})
	c := f.apiClient()
	input := &CreateBacklogTaskInput{
		AgentSpaceId: aws.String("as"), Title: aws.String("disk full"),
		Priority: types.PriorityHigh, TaskType: types.TaskTypeInvestigation,
	}

	out, err := c.CreateBacklogTask(context.Background(), input)
	require.NoError(t, err)

	assert.Equal(t, "t-1", aws.ToString(out.Task.TaskId))
	assert.Equal(t, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), aws.ToTime(out.Task.CreatedAt))
	assert.Nil(t, input.ClientToken)
	req := requireOneRequest(t, f)
	assert.Equal(t, "/backlog/agent-space/as/tasks", req.Path)
	token := clientToken(t, req)
	assert.Regexp(t, uuidV4, token)
	assert.Equal(t, `{"clientToken":"`+token+`","priority":"HIGH","taskType":"INVESTIGATION",`+
		`"title":"disk full"}`, string(req.Body))

	missing := &CreateBacklogTaskInput{AgentSpaceId: aws.String("as")}
	_, err = c.CreateBacklogTask(context.Background(), missing)
	var invalid smithy.InvalidParamsError
	require.ErrorAs(t, err, &invalid)
	assert.ErrorContains(t, err, "Title")
	assert.Len(t, f.received(), 1, "an invalid input is not sent")
}

func TestModeledErrorsOfRealOperations(t *testing.T) {
	f := newFakeService(t, reply{
		Status: http.StatusBadRequest,
		Header: map[string]string{
			"X-Amzn-ErrorType": "ValidationException:http://internal/",
			"X-Amzn-Requestid": "r",
		},
		Body: `{"message":"bad input","fieldList":[{"path":"title","message":"too long"}]}`,
	})

	_, err := f.apiClient().CreateBacklogTask(context.Background(), &CreateBacklogTaskInput{
		AgentSpaceId: aws.String("as"), Title: aws.String("t"),
		Priority: types.PriorityLow, TaskType: types.TaskTypeInvestigation,
	})

	var validation *types.ValidationException
	require.ErrorAs(t, err, &validation)
	assert.Equal(t, &types.ValidationException{
		Message: aws.String("bad input"),
		FieldList: []types.ValidationExceptionField{
			{Path: aws.String("title"), Message: aws.String("too long")},
		},
	}, validation)
	var respErr *awshttp.ResponseError
	require.ErrorAs(t, err, &respErr)
	assert.Equal(t, "r", respErr.ServiceRequestID())
	assert.Equal(t, http.StatusBadRequest, respErr.HTTPStatusCode())
}

func TestThrottlingOfRealOperationIsRetried(t *testing.T) {
	f := newFakeService(t,
		reply{Status: http.StatusTooManyRequests, Body: `{"__type":"aidevops#ThrottlingException"}`},
		reply{Status: http.StatusOK, Body: `{"service":{"serviceId":"s","serviceType":"github"}}`},
	)

	input := &GetServiceInput{ServiceId: aws.String("s")}
	out, err := f.apiClient().GetService(context.Background(), input)

	require.NoError(t, err)
	assert.Equal(t, "s", aws.ToString(out.Service.ServiceId))
	assert.Len(t, f.received(), 2)
}

func TestRegisterServiceLogsNoSecret(t *testing.T) {
	const apiKey = "KEY-9c1e-SECRET"
	f := newFakeService(t, reply{Status: http.StatusCreated, Body: `{"serviceId":"s-1"}`})
	logs := &logRecorder{}
	c := f.apiClient(func(o *Options) { o.Logger = logs; o.ClientLogMode = logEverything })

	_, err := c.RegisterService(context.Background(), &RegisterServiceInput{
		Service: types.PostRegisterServiceSupportedServiceMcpServer,
		ServiceDetails: &types.ServiceDetailsMemberMcpserver{Value: types.MCPServerDetails{
			Name: aws.String("mcp"), Endpoint: aws.String("https://mcp.example"),
			Description: aws.String("private words"),
			AuthorizationConfig: &types.MCPServerAuthorizationConfigMemberApiKey{
				Value: types.MCPServerAPIKeyConfig{
					ApiKeyName:   aws.String("k"),
					ApiKeyHeader: aws.String("X-Key"),
					ApiKeyValue:  aws.String(apiKey),
				},
			},
		}},
	})
	require.NoError(t, err)

	assert.Contains(t, string(requireOneRequest(t, f).Body), apiKey, "the service gets the key")
	text := logs.text()
	assert.NotContains(t, text, apiKey)
	assert.NotContains(t, text, "private words")
	assert.Contains(t, text, `"apiKeyValue":"***"`)
	assert.Contains(t, text, `"description":"***"`)
	assert.Contains(t, text, `"endpoint":"https://mcp.example"`)
}
