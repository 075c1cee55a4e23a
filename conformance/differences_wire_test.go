package conformance

// Deliberate differences in the bytes: how request strings are escaped,
// what null, unknown and non-JSON response values decode to, where the
// request id may come from, and unsendable union values. Like
// differences_test.go, each test asserts our behaviour and records what
// v1.5.2 does with the same input or bytes.

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	official "github.com/aws/aws-sdk-go-v2/service/devopsagent"
	otypes "github.com/aws/aws-sdk-go-v2/service/devopsagent/types"
	"github.com/aws/smithy-go"
	ours "github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Deliberate: smithy-go's JSON writer escapes 0x7F and writes invalid
// UTF-8 as a raw U+FFFD; the decoded string is the same as v1.5.2's.
func TestDifferenceStringEscaping(t *testing.T) {
	tests := []struct {
		name, title   string
		theirs, mine  string // the title as each client writes it
		decodedToBoth string
	}{
		{"DEL byte", "del\x7f", `"del` + "\x7f" + `"`, `"del\u007f"`, "del\x7f"},
		{"invalid UTF-8", "bad\xff\xfe", `"bad\ufffd\ufffd"`, `"bad` + "\uFFFD\uFFFD" + `"`,
			"bad\uFFFD\uFFFD"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := minimalInputs()["CreateBacklogTask"].(*ours.CreateBacklogTaskInput)
			in.Title = aws.String(tt.title)
			theirs, mine := runBoth(t, operations["CreateBacklogTask"], in)
			require.NoError(t, theirs.err)
			require.NoError(t, mine.err)

			body := func(title string) string {
				return `{"clientToken":"` + fixedToken + `","priority":"LOW","taskType":"INVESTIGATION",` +
					`"title":` + title + `}`
			}
			assert.Equal(t, body(tt.theirs), string(theirs.requests[0].body), "v1.5.2")
			assert.Equal(t, body(tt.mine), string(mine.requests[0].body))
			assert.Equal(t, tt.decodedToBoth, decodedTitle(t, theirs.requests[0].body))
			assert.Equal(t, tt.decodedToBoth, decodedTitle(t, mine.requests[0].body))
		})
	}
}

// decodedTitle returns the "title" string of a JSON request body.
func decodedTitle(t *testing.T, body []byte) string {
	t.Helper()
	var v struct{ Title string }
	require.NoError(t, json.Unmarshal(body, &v))
	return v.Title
}

// Deliberate: a null element of a dense list is dropped, as Smithy advises
// clients to do for dense collections; v1.5.2 keeps a zero value there.
func TestDifferenceNullListElements(t *testing.T) {
	t.Run("strings", func(t *testing.T) {
		body := `{"association":{"configuration":{"dynatrace":{"envId":"e","resources":["a",null,"b"]}}}}`
		theirs, mine := runBoth(t, operations["GetAssociation"], minimalInputs()["GetAssociation"],
			okJSON(body))
		require.NoError(t, theirs.err)
		require.NoError(t, mine.err)

		o := theirs.output.(*official.GetAssociationOutput).Association.Configuration
		assert.Equal(t, []string{"a", "", "b"},
			o.(*otypes.ServiceConfigurationMemberDynatrace).Value.Resources, "v1.5.2")
		u := mine.output.(*ours.GetAssociationOutput).Association.Configuration
		assert.Equal(t, []string{"a", "b"},
			u.(*types.ServiceConfigurationMemberDynatrace).Value.Resources)
	})

	t.Run("structures", func(t *testing.T) {
		body := `{"associations":[null,{"associationId":"a"}]}`
		theirs, mine := runBoth(t, operations["ListAssociations"], minimalInputs()["ListAssociations"],
			okJSON(body))
		require.NoError(t, theirs.err)
		require.NoError(t, mine.err)

		assert.Equal(t, []otypes.Association{{}, {AssociationId: aws.String("a")}},
			theirs.output.(*official.ListAssociationsOutput).Associations, "v1.5.2")
		assert.Equal(t, []types.Association{{AssociationId: aws.String("a")}},
			mine.output.(*ours.ListAssociationsOutput).Associations)
	})

	t.Run("documents", func(t *testing.T) {
		body := `{"service":{"serviceId":"s","accessibleResources":[null,{}]}}`
		theirs, mine := runBoth(t, operations["GetService"], minimalInputs()["GetService"], okJSON(body))
		require.NoError(t, theirs.err)
		require.NoError(t, mine.err)

		o := theirs.output.(*official.GetServiceOutput).Service.AccessibleResources
		require.Len(t, o, 2, "v1.5.2")
		assert.Equal(t, "null", marshalDocument(t, o[0]), "v1.5.2 keeps a JSON null")
		u := mine.output.(*ours.GetServiceOutput).Service.AccessibleResources
		require.Len(t, u, 1)
		assert.Equal(t, "{}", marshalDocument(t, u[0]))
	})
}

// marshalDocument returns the JSON of a document of either client.
func marshalDocument(t *testing.T, d interface{ MarshalSmithyDocument() ([]byte, error) }) string {
	t.Helper()
	data, err := d.MarshalSmithyDocument()
	require.NoError(t, err)
	return string(data)
}

// Deliberate: a document member sent as null is left nil, as every null
// member is (facts.md §B.0); v1.5.2 gives a document holding JSON null.
func TestDifferenceNullDocumentMember(t *testing.T) {
	body := `{"task":{"taskId":"t","metadata":null,"supportMetadata":null}}`
	theirs, mine := runBoth(t, operations["GetBacklogTask"], minimalInputs()["GetBacklogTask"],
		okJSON(body))
	require.NoError(t, theirs.err)
	require.NoError(t, mine.err)

	o := theirs.output.(*official.GetBacklogTaskOutput).Task
	require.NotNil(t, o.Metadata, "v1.5.2")
	assert.Equal(t, "null", marshalDocument(t, o.Metadata), "v1.5.2")
	require.NotNil(t, o.SupportMetadata, "v1.5.2")
	assert.Equal(t, "null", marshalDocument(t, o.SupportMetadata), "v1.5.2")

	u := mine.output.(*ours.GetBacklogTaskOutput).Task
	assert.Equal(t, &types.Task{TaskId: aws.String("t")}, u)
}

// Deliberate: an unknown union member keeps its JSON value as sent, so a
// caller can still read it (the issue asks for it); v1.5.2 leaves Value
// nil. The tag is the same in both (TestUnknownUnionMemberTag).
func TestDifferenceUnknownUnionMemberValue(t *testing.T) {
	body := `{"association":{"configuration":{"futureMember":{"a":[1, 2]}}}}`
	theirs, mine := runBoth(t, operations["GetAssociation"], minimalInputs()["GetAssociation"],
		okJSON(body))
	require.NoError(t, theirs.err)
	require.NoError(t, mine.err)

	assert.Equal(t, &otypes.UnknownUnionMember{Tag: "futureMember"},
		theirs.output.(*official.GetAssociationOutput).Association.Configuration, "v1.5.2")
	assert.Equal(t, &types.UnknownUnionMember{Tag: "futureMember", Value: []byte(`{"a":[1, 2]}`)},
		mine.output.(*ours.GetAssociationOutput).Association.Configuration)
}

// Deliberate: an error response whose body is not JSON (a proxy's HTML
// page) still gives the service's error from the status and headers, a
// retryable server error for a 5xx (the issue asks for it); v1.5.2 fails
// with a decoding error, which the retryer retries on the status alone.
func TestDifferenceNonJSONErrorBodies(t *testing.T) {
	throttling := map[string]string{"X-Amzn-ErrorType": "ThrottlingException"}
	tests := []struct {
		name string
		ec   errorCase
		want errorView
	}{
		{"html error page", errorCase{"", 502, nil, `<html><body>Bad Gateway</body></html>`},
			errorView{Type: "*smithy.GenericAPIError", Code: "UnknownError", Fault: smithy.FaultUnknown}},
		{"html with code header", errorCase{"", 503, throttling, `<html></html>`},
			errorView{Type: "*types.ThrottlingException", Code: "ThrottlingException",
				Fault: smithy.FaultClient}},
	}
	retryable := retry.IsErrorRetryables(retry.DefaultRetryables)

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			theirs, mine := runBoth(t, operations["GetService"], minimalInputs()["GetService"],
				tt.ec.reply())

			assert.True(t, viewOf(t, theirs.err).Decoding, "v1.5.2 fails to decode: %v", theirs.err)
			assert.Equal(t, aws.TrueTernary, retryable.IsErrorRetryable(theirs.err), "v1.5.2")

			got := viewOf(t, mine.err)
			assert.Equal(t, tt.want.Type, got.Type)
			assert.Equal(t, tt.want.Code, got.Code)
			assert.Equal(t, tt.want.Fault, got.Fault)
			assert.Equal(t, tt.ec.status, got.Status)
			assert.Equal(t, testRequestID, got.RequestID)
			assert.False(t, got.Decoding)
			assert.Equal(t, aws.TrueTernary, retryable.IsErrorRetryable(mine.err))
		})
	}
}

// Deliberate: when X-Amzn-Requestid and X-Amz-Requestid are both missing,
// the request id is read from X-Amz-Request-Id too, a spelling some AWS
// front ends use; v1.5.2 reports no request id.
func TestDifferenceRequestIDFromXAmzRequestID(t *testing.T) {
	header := map[string]string{"X-Amzn-Requestid": "", "X-Amz-Request-Id": "alt"}
	theirs, mine := runBoth(t, operations["GetService"], minimalInputs()["GetService"],
		reply{status: 200, header: header, body: `{"service":{"serviceId":"s"}}`})
	require.NoError(t, theirs.err)
	require.NoError(t, mine.err)

	theirID, _ := awsmiddleware.GetRequestIDMetadata(
		theirs.output.(*official.GetServiceOutput).ResultMetadata)
	myID, _ := awsmiddleware.GetRequestIDMetadata(mine.output.(*ours.GetServiceOutput).ResultMetadata)
	assert.Empty(t, theirID, "v1.5.2")
	assert.Equal(t, "alt", myID)
}

// Deliberate: a nil union member value is a *smithy.SerializationError
// naming the path, before anything is sent; v1.5.2 panics with a nil
// pointer dereference in its validator.
func TestDifferenceNilUnionMember(t *testing.T) {
	in := &ours.AssociateServiceInput{AgentSpaceId: aws.String("s"), ServiceId: aws.String("x"),
		Configuration: (*types.ServiceConfigurationMemberAws)(nil)}
	op := operations["AssociateService"]

	orec, urec := newRecorder(), newRecorder()
	assert.Panics(t, func() {
		_, _ = op.callOfficial(t.Context(), newOfficial(orec), toOfficial(t, op, in))
	}, "v1.5.2")
	_, err := op.callOurs(t.Context(), newOurs(urec), in)

	assert.True(t, isSerializationError(err), "got %T %v", err, err)
	assert.EqualError(t, err, "operation error DevOps Agent: AssociateService, serialization failed: "+
		"AssociateServiceInput.Configuration: union member aws is a nil pointer")
	assert.Empty(t, orec.all())
	assert.Empty(t, urec.all())
}
