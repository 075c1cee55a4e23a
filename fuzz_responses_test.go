package devopsagent

// Fuzz targets for the response decoders of the 13 operations and for the
// error decoder. Every input goes through a real client whose HTTPClient
// returns the fuzzed response, so whichever JSON reader protocol.go uses
// is what gets fuzzed. No input may panic or hang; a body the decoder
// rejects must come back as a *smithy.DeserializationError that says what
// was wrong. Seeds are the valid responses of each operation, one per
// member of each union the output holds, plus truncated and malformed
// bodies.

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithy "github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/restjson1"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/types"
)

// fuzzHangLimit is how long one decode may take before the target
// reports a hang; a normal decode takes microseconds.
const fuzzHangLimit = 10 * time.Second

// malformedBodies are seeds every response target gets: bodies that are
// not JSON objects, are cut short, or hold the wrong JSON types.
var malformedBodies = []string{
	``, `{`, `}`, `[]`, `null`, `"x"`, `1e999`, `{"a":`, `{"a":1,}`, `{"a" 1}`,
	`{"a":"\ud800"}`, `{"a":"\x00"}`, `{}{}`, `{} trailing`, `<html>ok</html>`,
	`{"a":` + strings.Repeat("[", 64) + strings.Repeat("]", 64) + `}`,
}

// fuzzResponse runs a fuzz target for the 200 response decoder of op,
// called with input and seeded with the JSON encodings of outputs, each
// also truncated, and with malformedBodies.
func fuzzResponse(f *testing.F, op *operation, input smithy.Serializable,
	outputs ...smithy.Serializable,
) {
	for _, out := range outputs {
		body := encodeOutput(f, op.schema.Output, out)
		f.Add(body)
		f.Add(body[:len(body)/2])
		f.Add(body[:len(body)-1])
	}
	for _, body := range malformedBodies {
		f.Add([]byte(body))
	}

	c := fuzzClient()
	f.Fuzz(func(t *testing.T, body []byte) {
		err := callWithBody(t, c, op, input, http.StatusOK, nil, body)
		if err == nil {
			return
		}
		requireDeserializationError(t, err)
	})
}

// requireDeserializationError checks that err is a decoding failure with
// a reason, not some other error or an empty message.
func requireDeserializationError(t *testing.T, err error) {
	t.Helper()
	var deserErr *smithy.DeserializationError
	require.ErrorAs(t, err, &deserErr, "error of type %T: %v", err, err)
	require.Error(t, deserErr.Err, "the error says what was wrong")
	require.NotEmpty(t, deserErr.Err.Error(), "the error says what was wrong")
}

// fuzzClient returns a client that sends unsigned requests, does not
// retry and has no host prefix; each call supplies its HTTPClient.
func fuzzClient() *Client {
	return New(Options{
		Region:            "us-east-1",
		Credentials:       aws.AnonymousCredentials{},
		RetryMaxAttempts:  1,
		DisableHostPrefix: true,
	})
}

// callWithBody calls op on c with input while the HTTP client answers
// with status, header and body. It fails the test when the call does not
// return within fuzzHangLimit, and when the response body is not closed.
func callWithBody(t *testing.T, c *Client, op *operation, input smithy.Serializable,
	status int, header http.Header, body []byte,
) error {
	t.Helper()
	respBody := &closeRecorder{Reader: strings.NewReader(string(body))}
	answer := httpClientFunc(func(*http.Request) (*http.Response, error) {
		resp := jsonResponse(status, "")
		for name, values := range header {
			resp.Header[name] = values
		}
		resp.Body = respBody
		return resp, nil
	})

	done := make(chan error, 1)
	go func() {
		_, _, err := c.invokeOperation(context.Background(), op, input,
			[]func(*Options){func(o *Options) { o.HTTPClient = answer }})
		done <- err
	}()

	timer := time.NewTimer(fuzzHangLimit)
	defer timer.Stop()
	select {
	case err := <-done:
		require.True(t, respBody.closed, "the response body is closed")
		return err
	case <-timer.C:
		t.Fatalf("%s did not return within %s", op.name, fuzzHangLimit)
		return nil
	}
}

// closeRecorder is a response body that remembers being closed.
type closeRecorder struct {
	io.Reader
	closed bool
}

func (b *closeRecorder) Close() error {
	b.closed = true
	return nil
}

// encodeOutput writes out, a value of shape, as a JSON body.
func encodeOutput(tb testing.TB, shape *smithy.Schema, out smithy.Serializable) []byte {
	tb.Helper()
	req := smithyhttp.NewStackRequest().(*smithyhttp.Request)
	err := restjson1.New(nil).SerializeRequest(context.Background(), bodyOp(shape), out, req)
	require.NoError(tb, err)

	body, err := io.ReadAll(req.GetStream())
	require.NoError(tb, err)
	return body
}

// withAssociations returns one output per member of the
// ServiceConfiguration union, built by wrap from a filled Association.
func withAssociations(wrap func(types.Association) smithy.Serializable) []smithy.Serializable {
	var outs []smithy.Serializable
	for _, m := range serviceConfigurationMembers() {
		a := filled[types.Association]()
		a.Configuration = m
		outs = append(outs, wrap(*a))
	}
	return outs
}

// withServices returns one output per member of the
// AdditionalServiceDetails union, built by wrap from a filled
// RegisteredService.
func withServices(wrap func(types.RegisteredService) smithy.Serializable) []smithy.Serializable {
	var outs []smithy.Serializable
	for _, m := range additionalServiceDetailsMembers() {
		s := filled[types.RegisteredService]()
		s.AdditionalServiceDetails = m
		outs = append(outs, wrap(*s))
	}
	return outs
}

func FuzzAssociateServiceResponse(f *testing.F) {
	in := filled[AssociateServiceInput]()
	in.Configuration = serviceConfigurationMembers()[0]
	fuzzResponse(f, opAssociateService, in,
		withAssociations(func(a types.Association) smithy.Serializable {
			return &AssociateServiceOutput{Association: &a,
				Webhook: filled[types.GenericWebhook]()}
		})...)
}

func FuzzCreateAssetResponse(f *testing.F) {
	in := filled[CreateAssetInput]()
	in.Content = assetContentMembers()[0]
	fuzzResponse(f, opCreateAsset, in, filled[CreateAssetOutput]())
}

func FuzzCreateBacklogTaskResponse(f *testing.F) {
	fuzzResponse(f, opCreateBacklogTask, filled[CreateBacklogTaskInput](),
		filled[CreateBacklogTaskOutput]())
}

func FuzzGetAssociationResponse(f *testing.F) {
	fuzzResponse(f, opGetAssociation, filled[GetAssociationInput](),
		withAssociations(func(a types.Association) smithy.Serializable {
			return &GetAssociationOutput{Association: &a}
		})...)
}

func FuzzGetBacklogTaskResponse(f *testing.F) {
	fuzzResponse(f, opGetBacklogTask, filled[GetBacklogTaskInput](),
		filled[GetBacklogTaskOutput]())
}

func FuzzGetServiceResponse(f *testing.F) {
	fuzzResponse(f, opGetService, filled[GetServiceInput](),
		withServices(func(s types.RegisteredService) smithy.Serializable {
			return &GetServiceOutput{Service: &s, Tags: map[string]string{"k": "v"}}
		})...)
}

func FuzzListAssociationsResponse(f *testing.F) {
	fuzzResponse(f, opListAssociations, filled[ListAssociationsInput](),
		withAssociations(func(a types.Association) smithy.Serializable {
			return &ListAssociationsOutput{Associations: []types.Association{a, {}},
				NextToken: aws.String("next")}
		})...)
}

func FuzzListBacklogTasksResponse(f *testing.F) {
	fuzzResponse(f, opListBacklogTasks, filled[ListBacklogTasksInput](),
		filled[ListBacklogTasksOutput]())
}

func FuzzListServicesResponse(f *testing.F) {
	fuzzResponse(f, opListServices, filled[ListServicesInput](),
		withServices(func(s types.RegisteredService) smithy.Serializable {
			return &ListServicesOutput{Services: []types.RegisteredService{s},
				NextToken: aws.String("next")}
		})...)
}

func FuzzRegisterServiceResponse(f *testing.F) {
	in := filled[RegisterServiceInput]()
	in.ServiceDetails = serviceDetailsMembers()[0]
	out := filled[RegisterServiceOutput]()
	out.AdditionalStep = filled[types.AdditionalServiceRegistrationStepMemberOauth]()
	fuzzResponse(f, opRegisterService, in, out)
}

func FuzzUpdateAssetResponse(f *testing.F) {
	in := filled[UpdateAssetInput]()
	in.Content = assetContentMembers()[0]
	fuzzResponse(f, opUpdateAsset, in, filled[UpdateAssetOutput]())
}

func FuzzUpdateAssociationResponse(f *testing.F) {
	in := filled[UpdateAssociationInput]()
	in.Configuration = serviceConfigurationMembers()[0]
	fuzzResponse(f, opUpdateAssociation, in,
		withAssociations(func(a types.Association) smithy.Serializable {
			return &UpdateAssociationOutput{Association: &a,
				Webhook: filled[types.GenericWebhook]()}
		})...)
}

func FuzzUpdateBacklogTaskResponse(f *testing.F) {
	fuzzResponse(f, opUpdateBacklogTask, filled[UpdateBacklogTaskInput](),
		filled[UpdateBacklogTaskOutput]())
}

// FuzzErrorResponse fuzzes the error decoder: any status outside 2xx, any
// X-Amzn-ErrorType header and any body must give a smithy.APIError (a
// modeled or a generic error) or a *smithy.DeserializationError.
func FuzzErrorResponse(f *testing.F) {
	for id, entry := range typeRegistry.Entries {
		_, name, _ := strings.Cut(id, "#")
		body := encodeOutput(f, entry.Schema, filledError(f, entry))
		f.Add(uint16(400), "", append([]byte(`{"__type":"`+id+`",`), body[1:]...))
		f.Add(uint16(500), name+":http://internal.amazon.com/", body)
		f.Add(uint16(429), "", []byte(`{"code":"`+strings.ToLower(name)+`","message":7}`))
	}
	for _, body := range malformedBodies {
		f.Add(uint16(503), "", []byte(body))
		f.Add(uint16(400), "ValidationException", []byte(body))
	}

	c := fuzzClient()
	input := filled[GetServiceInput]()
	f.Fuzz(func(t *testing.T, status uint16, errorType string, body []byte) {
		code := 300 + int(status)%300
		header := http.Header{"X-Amzn-Errortype": []string{errorType}}

		err := callWithBody(t, c, opGetService, input, code, header, body)

		require.Error(t, err, "status %d", code)
		var apiErr smithy.APIError
		if errors.As(err, &apiErr) {
			assert.NotEmpty(t, apiErr.ErrorCode())
			return
		}
		requireDeserializationError(t, err)
	})
}

// filledError returns a filled value of the registry entry's error type.
func filledError(tb testing.TB, entry *smithy.TypeRegistryEntry) smithy.Serializable {
	tb.Helper()
	v := entry.New()
	fill(v)
	out, ok := v.(smithy.Serializable)
	require.True(tb, ok, "%T is serializable", v)
	return out
}
