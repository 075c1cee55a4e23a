package conformance

// Both clients must put the same request on the wire for the same input.

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/devopsagent"
	otypes "github.com/aws/aws-sdk-go-v2/service/devopsagent/types"
	"github.com/aws/smithy-go"
	ours "github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/types"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRequestsMatchOfficial(t *testing.T) {
	cases := requestCases(officialEnumValues())
	require.NotEmpty(t, cases)

	for _, tc := range cases {
		t.Run(tc.op+"/"+tc.name, func(t *testing.T) {
			op := operations[tc.op]
			theirs, mine := runBoth(t, op, tc.input)
			require.NoError(t, theirs.err, "official client")
			require.NoError(t, mine.err, "our client")

			assertSameRequests(t, theirs.requests, mine.requests, tc.canonical)
		})
	}
}

// TestRequestsCoverEveryOperation guards the case table: each shared
// operation is exercised, with every label value where it has labels.
func TestRequestsCoverEveryOperation(t *testing.T) {
	seen := map[string]int{}
	for _, tc := range requestCases(officialEnumValues()) {
		seen[tc.op]++
	}
	for name := range operations {
		assert.GreaterOrEqual(t, seen[name], len(labels), "cases for %s", name)
	}
}

// TestHostAndPathEscaping pins the parts of the wire form the comparison
// relies on, so a harness bug cannot make both sides agree on nothing.
func TestHostAndPathEscaping(t *testing.T) {
	const unicode = "%C3%BCn%C3%AF-%E6%97%A5%E6%9C%AC-%F0%9F%99%82"
	tests := []struct {
		op, label, wantHost, wantPath string
	}{
		{"GetService", "space", "cp.aidevops.us-east-1.api.aws", "/v1/services/with%20space"},
		{"GetService", "slash", "cp.aidevops.us-east-1.api.aws", "/v1/services/a%2Fb%2Fc"},
		{"GetService", "percent", "cp.aidevops.us-east-1.api.aws", "/v1/services/100%2525done"},
		{"GetService", "reserved", "cp.aidevops.us-east-1.api.aws",
			"/v1/services/a%2Bb%3Dc%26d%3Fe%23f%3Bg%2Ch"},
		{"GetBacklogTask", "unicode", "dp.aidevops.us-east-1.api.aws",
			"/backlog/agent-space/" + unicode + "/tasks/" + unicode},
	}

	for _, tt := range tests {
		t.Run(tt.op+"/"+tt.label, func(t *testing.T) {
			theirs, mine := runBoth(t, operations[tt.op], labelInput(t, tt.op, tt.label))
			require.NoError(t, theirs.err)
			require.NoError(t, mine.err)

			for _, ex := range []exchange{theirs, mine} {
				c := ex.requests[0]
				assert.Equal(t, tt.wantHost, c.req.URL.Host)
				assert.Equal(t, tt.wantPath, c.req.URL.EscapedPath())

				unescaped, err := url.PathUnescape(tt.wantPath)
				require.NoError(t, err)
				assert.Equal(t, unescaped, c.req.URL.Path)
			}
		})
	}
}

// labelInput returns the label case of op for the named label value.
func labelInput(t *testing.T, op, labelName string) any {
	t.Helper()
	for _, tc := range labelCases(nil) {
		if tc.op == op && tc.name == "label/"+labelName {
			return tc.input
		}
	}
	t.Fatalf("no label case %s %s", op, labelName)
	return nil
}

// TestGeneratedClientTokens leaves IdempotencyTokenProvider unset (New
// fills in the default; an optFn setting nil would switch the token off
// in the official client): both clients must fill clientToken with a
// fresh random UUID (version 4).
func TestGeneratedClientTokens(t *testing.T) {
	uuid4 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	in := &ours.UpdateBacklogTaskInput{AgentSpaceId: aws.String("s"), TaskId: aws.String("t")}
	op := operations["UpdateBacklogTask"]

	tokens := map[string]bool{}
	for range 3 {
		orec, urec := newRecorder(), newRecorder()
		theirs := official.New(official.Options{Region: testRegion, Credentials: testCredentials,
			HTTPClient: orec, Retryer: aws.NopRetryer{}})
		mine := ours.New(ours.Options{Region: testRegion, Credentials: testCredentials,
			HTTPClient: urec, Retryer: aws.NopRetryer{}})
		_, err := op.callOfficial(context.Background(), theirs, toOfficial(t, op, in))
		require.NoError(t, err)
		_, err = op.callOurs(context.Background(), mine, in)
		require.NoError(t, err)

		for _, c := range []captured{orec.only(t), urec.only(t)} {
			var body struct{ ClientToken string }
			require.NoError(t, json.Unmarshal(c.body, &body))
			assert.Regexp(t, uuid4, body.ClientToken)
			tokens[body.ClientToken] = true
		}
	}
	assert.Len(t, tokens, 6, "every call gets a new token")
	assert.Nil(t, in.ClientToken, "the caller's input is left alone")
}

// TestSendUnknownUnionMember: neither client sends a union value it
// cannot encode. Both fail before sending with a *smithy.SerializationError
// inside the *smithy.OperationError (facts.md §B.0); the wording differs,
// ours names the path and the tag and leaves the value out. A missing
// required member is reported first, as a validation error, by both.
func TestSendUnknownUnionMember(t *testing.T) {
	const secret = "do-not-print"
	unknown := &types.UnknownUnionMember{Tag: "future", Value: []byte(`{"a":"` + secret + `"}`)}
	tests := []struct {
		name     string
		input    *ours.AssociateServiceInput
		wantSerr bool
		wantText string // the end of our error's text
	}{
		{"unknown member",
			&ours.AssociateServiceInput{AgentSpaceId: aws.String("s"), ServiceId: aws.String("x"),
				Configuration: unknown},
			true, `serialization failed: AssociateServiceInput.Configuration: ` +
				`unknown union member "future" cannot be sent`},
		{"unknown member and a missing required member",
			&ours.AssociateServiceInput{AgentSpaceId: aws.String("s"), Configuration: unknown},
			false, "1 validation error(s) found.\n" +
				"- missing required field, AssociateServiceInput.ServiceId.\n"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			theirs, mine := runBoth(t, operations["AssociateService"], tt.input)
			assert.Empty(t, theirs.requests)
			assert.Empty(t, mine.requests)

			assert.Equal(t, tt.wantSerr, isSerializationError(theirs.err), "official: %v", theirs.err)
			assert.Equal(t, tt.wantSerr, isSerializationError(mine.err), "ours: %v", mine.err)
			assert.Equal(t, viewOf(t, theirs.err).Operation, viewOf(t, mine.err).Operation)
			if !tt.wantSerr {
				assert.Equal(t, theirs.err.Error(), mine.err.Error())
			}
			assert.True(t, strings.HasSuffix(mine.err.Error(), tt.wantText), "ours: %v", mine.err)
			assert.NotContains(t, mine.err.Error(), secret)
		})
	}
}

// isSerializationError reports whether err wraps a *smithy.SerializationError.
func isSerializationError(err error) bool {
	var serr *smithy.SerializationError
	return errors.As(err, &serr)
}

// TestUnknownUnionMemberTag: both clients surface an unknown member's
// name the same way (what they keep of its value differs; see
// skipUnknownValue in responses_test.go).
func TestUnknownUnionMemberTag(t *testing.T) {
	body := `{"association":{"configuration":{"futureMember":{"a":[1,2]}}}}`
	theirs, mine := runBoth(t, operations["GetAssociation"], minimalInputs()["GetAssociation"], okJSON(body))
	require.NoError(t, theirs.err)
	require.NoError(t, mine.err)

	o := theirs.output.(*official.GetAssociationOutput).Association.Configuration
	u := mine.output.(*ours.GetAssociationOutput).Association.Configuration
	require.IsType(t, &otypes.UnknownUnionMember{}, o)
	require.IsType(t, &types.UnknownUnionMember{}, u)
	assert.Equal(t, "futureMember", o.(*otypes.UnknownUnionMember).Tag)
	assert.Equal(t, "futureMember", u.(*types.UnknownUnionMember).Tag)
}

// TestQueryEscaping pins the query both clients send. Note: facts.md §B.0
// says url.QueryEscape (space as "+"); v1.5.2 actually writes "%20".
func TestQueryEscaping(t *testing.T) {
	in := &ours.ListAssociationsInput{AgentSpaceId: aws.String("s"), MaxResults: aws.Int32(100),
		NextToken: aws.String("a b/c+d=e&f%g ü~*'()"), FilterServiceTypes: aws.String("github, slack")}
	const want = "filterServiceTypes=github%2C%20slack&maxResults=100" +
		"&nextToken=a%20b%2Fc%2Bd%3De%26f%25g%20%C3%BC~%2A%27%28%29"

	theirs, mine := runBoth(t, operations["ListAssociations"], in)
	require.NoError(t, theirs.err)
	require.NoError(t, mine.err)
	assert.Equal(t, want, theirs.requests[0].req.URL.RawQuery, "official")
	assert.Equal(t, want, mine.requests[0].req.URL.RawQuery, "ours")
}
