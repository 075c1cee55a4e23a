package devopsagent

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/traits"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const logEverything = aws.LogRetries | aws.LogSigning | aws.LogRequestWithBody | aws.LogResponseWithBody

func TestLoggingNeverShowsSecrets(t *testing.T) {
	const secret = "TOPSECRET-7f3a"
	f := newFakeService(t,
		reply{Status: http.StatusServiceUnavailable,
			Body: `{"__type":"ThrottlingException","message":"busy"}`},
		reply{Status: http.StatusOK, Header: map[string]string{"X-Amzn-Requestid": "rid"},
			Body: `{"id":"w-1","secret":"` + secret + `"}`},
	)
	logs := &logRecorder{}
	c := f.client(func(o *Options) {
		o.Logger = logs
		o.ClientLogMode = logEverything
	})

	out, err := c.putWidget(context.Background(), &putWidgetInput{
		WidgetID: aws.String("w"), ClientToken: aws.String("tok"), Note: aws.String("visible-note"),
		Secret: aws.String(secret), Tags: map[string]string{"team": secret}, APIKey: aws.String(secret),
	})
	require.NoError(t, err)
	require.Equal(t, secret, aws.ToString(out.Secret), "the caller still gets the value")

	text := logs.text()
	for _, hidden := range []string{secret, "SESSIONTOKENEXAMPLE", "SECRETKEYEXAMPLE", "Signature="} {
		assert.NotContains(t, text, hidden)
	}
	for _, shown := range []string{
		`"credential":"***"`,
		`"secret":"***"`,
		`"tags":{"team":"***"}`,
		`"note":"visible-note"`,
		`"id":"w-1"`,
		"Authorization: ***",
		"X-Amz-Security-Token: ***",
		"POST " + f.server.URL + "/v1/widgets/w",
		"HTTP/1.1 503 Service Unavailable",
		"retrying request DevOps Agent/PutWidget, attempt 2",
		"CANONICAL STRING",
		"x-amz-security-token:***",
	} {
		assert.Contains(t, text, shown)
	}
}

func TestLoggingOnlyWhatTheModeAsks(t *testing.T) {
	tests := []struct {
		name     string
		mode     aws.ClientLogMode
		contains []string
		excludes []string
	}{
		{"off", 0, nil, []string{"Request", "Response"}},
		{"request without body", aws.LogRequest,
			[]string{"Request\nPOST ", "Content-Type: application/json"}, []string{`"note"`, "Response"}},
		{"response without body", aws.LogResponse,
			[]string{"Response\nHTTP/1.1 200 OK"}, []string{`"id"`, "Request"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeService(t, reply{Status: http.StatusOK, Body: `{"id":"w-1"}`})
			logs := &logRecorder{}

			input := &putWidgetInput{WidgetID: aws.String("w"), Note: aws.String("n")}
			_, err := f.client(func(o *Options) { o.Logger = logs; o.ClientLogMode = tt.mode }).
				putWidget(context.Background(), input)
			require.NoError(t, err)

			for _, s := range tt.contains {
				assert.Contains(t, logs.text(), s)
			}
			for _, s := range tt.excludes {
				assert.NotContains(t, logs.text(), s)
			}
		})
	}
}

func TestLoggingKeepsResponseBodyForDecoding(t *testing.T) {
	f := newFakeService(t, reply{Status: http.StatusBadRequest,
		Body: `{"__type":"ValidationException","message":"bad"}`})
	logs := &logRecorder{}

	_, err := f.client(func(o *Options) { o.Logger = logs; o.ClientLogMode = aws.LogResponseWithBody }).
		putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})

	var validation *testValidationError
	require.ErrorAs(t, err, &validation)
	assert.Equal(t, "bad", aws.ToString(validation.Message))
	assert.Contains(t, logs.text(), `{"__type":"ValidationException","message":"bad"}`)
}

func TestRedactURLAndHeaders(t *testing.T) {
	secretID := smithy.ShapeID{Namespace: "t", Name: "Secret"}
	secretString := smithy.NewSchema(secretID, smithy.ShapeTypeString, 0, &traits.Sensitive{})
	input := smithy.NewSchema(smithy.ShapeID{Namespace: "t", Name: "In"}, smithy.ShapeTypeStructure, 4)
	input.AddMember("id", secretString, &traits.HTTPLabel{})
	input.AddMember("q", secretString, &traits.HTTPQuery{Name: "token"})
	input.AddMember("h", secretString, &traits.HTTPHeader{Name: "X-Secret"})
	input.AddMember("p", secretString, &traits.HTTPPrefixHeaders{Prefix: "X-Meta-"})
	op := smithy.NewOperationSchema(smithy.NewSchema(smithy.ShapeID{Namespace: "t", Name: "Op"},
		smithy.ShapeTypeOperation, 0, &traits.HTTP{Method: "GET", URI: "/things/{id}?fixed"}), input, nil)

	hidden := sensitiveBindings(input)
	req, err := http.NewRequest("GET", "https://h.example/things/s3cr3t?token=abc&page=2", nil)
	require.NoError(t, err)
	req.Header.Set("X-Secret", "abc")
	req.Header.Set("X-Meta-One", "abc")
	req.Header.Set("X-Plain", "shown")

	assert.Equal(t, "https://h.example/things/{id}?page=2&token=%2A%2A%2A", hidden.redactURL(req.URL, op))
	var b strings.Builder
	writeHeaders(&b, req.Header, hidden)
	assert.Equal(t, "X-Meta-One: ***\nX-Plain: shown\nX-Secret: ***\n", b.String())
}

func TestScrubbingLogger(t *testing.T) {
	logs := &logRecorder{}
	l := scrubbingLogger{logger: logs, secrets: []string{"tok", ""}}

	l.Logf(logging.Debug, "a %s b %d", "tok-tok", 7)

	assert.Equal(t, "DEBUG a ***-*** b 7", logs.text())
}
