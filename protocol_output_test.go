package devopsagent

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/traits"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEveryOperationDecodesFromTheBody(t *testing.T) {
	for _, op := range []*operation{
		opAssociateService, opCreateAsset, opCreateBacklogTask, opGetAssociation,
		opGetBacklogTask, opGetService, opListAssociations, opListBacklogTasks,
		opListServices, opRegisterService, opUpdateAsset, opUpdateAssociation,
		opUpdateBacklogTask,
	} {
		assert.True(t, bodyOnly(op.schema), op.name)
	}
}

func TestOutputsBoundOutsideTheBodyUseRestJSON1(t *testing.T) {
	text := smithy.NewSchema(testID("Text"), smithy.ShapeTypeString, 0)
	output := func(traits ...smithy.Trait) *smithy.Schema {
		s := smithy.NewSchema(testID("Out"), smithy.ShapeTypeStructure, 2)
		s.AddMember("body", text)
		s.AddMember("bound", text, traits...)
		return s
	}

	tests := []struct {
		name   string
		output *smithy.Schema
		want   bool
	}{
		{"body only", output(), true},
		{"header", output(&traits.HTTPHeader{Name: "X-Etag"}), false},
		{"prefix headers", output(&traits.HTTPPrefixHeaders{Prefix: "X-Meta-"}), false},
		{"status code", output(&traits.HTTPResponseCode{}), false},
		{"payload", output(&traits.HTTPPayload{}), false},
		{"no output", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op := smithy.NewOperationSchema(tsPutWidget, tsInput, tt.output)
			assert.Equal(t, tt.want, bodyOnlyOutput(op))
		})
	}
}

// trackedBody is a response body that records being closed.
type trackedBody struct {
	io.Reader
	closed bool
}

func (b *trackedBody) Close() error {
	b.closed = true
	return nil
}

func TestMalformedSuccessBody(t *testing.T) {
	body := &trackedBody{Reader: strings.NewReader(`{"id":"w-1","secret":"s3cr3t" "x":1}`)}
	client := New(Options{
		Region:      "us-east-1",
		Credentials: testCreds,
		HTTPClient: httpClientFunc(func(r *http.Request) (*http.Response, error) {
			resp := jsonResponse(http.StatusOK, "")
			resp.Body = body
			resp.Request = r
			return resp, nil
		}),
	})

	_, err := client.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})

	var deserErr *smithy.DeserializationError
	require.ErrorAs(t, err, &deserErr)
	assert.ErrorContains(t, err, `json: offset 30: expected ',' or '}', found '"'`)
	assert.NotContains(t, err.Error(), "s3cr3t")
	assert.Equal(t, `{"id":"***","secret":"******" "*":*}`, string(deserErr.Snapshot))
	assert.True(t, body.closed)
}
