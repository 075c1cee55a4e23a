package conformance

// Error responses, decoded by both clients, must surface the same error
// type, code, message, fault and wrapping.

import (
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/devopsagent-go/devopsagent/conformance/internal/mirror"
	"github.com/stretchr/testify/require"
)

// modeledErrors are the error shapes every operation can decode, with
// their modeled HTTP status (facts.md §D).
var modeledErrors = map[string]int{
	"AccessDeniedException":         403,
	"ConflictException":             409,
	"ContentSizeExceededException":  413,
	"InternalServerException":       500,
	"InvalidParameterException":     400,
	"ResourceNotFoundException":     404,
	"ServiceQuotaExceededException": 402,
	"ThrottlingException":           429,
	"ValidationException":           400,
}

// errorView is everything a caller can observe about a failed call.
type errorView struct {
	Text      string
	Decoding  bool // a *smithy.DeserializationError is in the chain
	Service   string
	Operation string
	Status    int
	RequestID string
	Type      string
	Code      string
	Message   string
	Fault     smithy.ErrorFault
	Fields    any
}

// viewOf describes err; a nil error gives the zero view.
func viewOf(t *testing.T, err error) errorView {
	t.Helper()
	if err == nil {
		return errorView{}
	}

	v := errorView{Text: err.Error()}
	var decodeErr *smithy.DeserializationError
	if errors.As(err, &decodeErr) {
		// The parser's own wording after this prefix is not API: both
		// clients must fail to decode, not fail with the same words.
		v.Decoding = true
		v.Text = v.Text[:strings.Index(v.Text, decodingPrefix)+len(decodingPrefix)]
	}

	var opErr *smithy.OperationError
	if errors.As(err, &opErr) {
		v.Service, v.Operation = opErr.ServiceID, opErr.OperationName
	}
	var respErr *awshttp.ResponseError
	if errors.As(err, &respErr) {
		v.Status, v.RequestID = respErr.HTTPStatusCode(), respErr.ServiceRequestID()
	}

	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		v.Type = reflect.TypeOf(apiErr).String()
		v.Code, v.Message, v.Fault = apiErr.ErrorCode(), apiErr.ErrorMessage(), apiErr.ErrorFault()

		fields, ferr := mirror.Tree(apiErr)
		require.NoError(t, ferr, "normalise %T", apiErr)
		v.Fields = fields
	}
	return v
}

// decodingPrefix ends the part of a decoding error's text that both
// clients share.
const decodingPrefix = "deserialization failed"

// errorCase is one canned error response.
type errorCase struct {
	name   string
	status int
	header map[string]string
	body   string
}

func (c errorCase) reply() reply {
	return reply{status: c.status, header: c.header, body: c.body}
}

// modeledErrorCases sends each modeled error the usual way: the code in
// the X-Amzn-ErrorType header and the message in the body.
func modeledErrorCases() []errorCase {
	var cases []errorCase
	for _, code := range sortedNames(modeledErrors) {
		body := `{"message":"` + code + ` happened"}`
		if code == "ValidationException" {
			body = `{"message":"bad input","fieldList":[{"path":"a.b","message":"too long"},` +
				`{"path":"c","message":"missing","extra":1}]}`
		}
		cases = append(cases, errorCase{name: code, status: modeledErrors[code],
			header: map[string]string{"X-Amzn-ErrorType": code}, body: body})
	}
	return cases
}

// errorSpellingCases vary where and how the code travels. Non-JSON error
// bodies are decoded differently on purpose; see
// TestDifferenceNonJSONErrorBodies.
func errorSpellingCases() []errorCase {
	h := func(code string) map[string]string { return map[string]string{"X-Amzn-ErrorType": code} }
	return []errorCase{
		{"code in body", 409, nil, `{"code":"ConflictException","message":"m"}`},
		{"__type with namespace", 429, nil,
			`{"__type":"com.amazonaws.devopsagent#ThrottlingException","message":"slow down"}`},
		{"header with suffix", 400,
			h("ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/"),
			`{"message":"m"}`},
		{"header with namespace", 409, h("aws.protocols#ConflictException"), `{"message":"m"}`},
		{"header beats body", 409, h("ConflictException"),
			`{"code":"AccessDeniedException","__type":"ThrottlingException","message":"m"}`},
		{"code beats __type", 403, nil,
			`{"code":"AccessDeniedException","__type":"ThrottlingException","message":"m"}`},
		{"capitalised keys", 404, nil, `{"Code":"ResourceNotFoundException","Message":"gone"}`},
		{"lower-case code", 404, h("resourcenotfoundexception"), `{"message":"gone"}`},
		{"unknown code", 418, h("FutureException"), `{"message":"new"}`},
		{"unknown __type", 400, nil, `{"__type":"ns#FutureException","message":"new"}`},
		{"no code", 500, nil, `{"message":"boom"}`},
		{"empty body", 404, nil, ``},
		{"empty 5xx body", 502, nil, ``},
		{"empty body with code header", 503, h("ThrottlingException"), ``},
		{"empty object", 503, nil, `{}`},
		{"no message", 409, h("ConflictException"), `{}`},
		{"null message", 409, h("ConflictException"), `{"message":null}`},
		{"validation without fields", 400, h("ValidationException"), `{"message":"m","fieldList":null}`},
		{"validation empty fields", 400, h("ValidationException"), `{"message":"m","fieldList":[]}`},
		{"modeled code, other status", 500, h("ThrottlingException"), `{"message":"m"}`},
		{"redirect status", 302, nil, ``},
		{"unknown members", 403, h("AccessDeniedException"),
			`{"message":"m","reason":{"x":[1]},"resourceId":"r"}`},
	}
}

// brokenSuccessCases are 2xx responses a client cannot decode.
func brokenSuccessCases() []errorCase {
	return []errorCase{
		{"html body", 200, nil, `<html></html>`},
		{"truncated JSON", 200, nil, `{"service":{"serviceId":`},
		{"wrong member type", 200, nil, `{"service":{"serviceId":7}}`},
		{"wrong top-level type", 200, nil, `[]`},
	}
}

func TestErrorsMatchOfficial(t *testing.T) {
	inputs := minimalInputs()
	for _, opName := range sortedNames(operations) {
		for _, ec := range modeledErrorCases() {
			t.Run(opName+"/"+ec.name, func(t *testing.T) {
				assertSameError(t, opName, inputs[opName], ec)
			})
		}
	}

	for _, ec := range append(errorSpellingCases(), brokenSuccessCases()...) {
		t.Run("GetService/"+ec.name, func(t *testing.T) {
			assertSameError(t, "GetService", inputs["GetService"], ec)
		})
	}
}

func assertSameError(t *testing.T, opName string, in any, ec errorCase) {
	t.Helper()

	theirs, mine := runBoth(t, operations[opName], in, ec.reply())
	require.Error(t, theirs.err, "official client")
	require.Error(t, mine.err, "our client")
	require.Equal(t, viewOf(t, theirs.err), viewOf(t, mine.err),
		"error: official (expected) vs ours (actual)")
}

// TestErrorHarness pins a few views so that a view extraction bug cannot
// make both sides agree on empty values.
func TestErrorHarness(t *testing.T) {
	ec := errorCase{"", http.StatusNotFound,
		map[string]string{"X-Amzn-ErrorType": "ResourceNotFoundException"}, `{"message":"gone"}`}
	theirs, _ := runBoth(t, operations["GetService"], minimalInputs()["GetService"], ec.reply())

	v := viewOf(t, theirs.err)
	require.Equal(t, "DevOps Agent", v.Service)
	require.Equal(t, "GetService", v.Operation)
	require.Equal(t, http.StatusNotFound, v.Status)
	require.Equal(t, testRequestID, v.RequestID)
	require.Equal(t, "*types.ResourceNotFoundException", v.Type)
	require.Equal(t, "ResourceNotFoundException", v.Code)
	require.Equal(t, "gone", v.Message)
	require.Equal(t, smithy.FaultClient, v.Fault)
}
