package conformance

// Where we deliberately behave better than the official client, each test
// asserts our behaviour and records what v1.5.2 does with the same bytes,
// so a change on either side shows up here.

//lint:file-ignore SA1019 the deprecated v1 endpoint API is compared too

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	official "github.com/aws/aws-sdk-go-v2/service/devopsagent"
	odoc "github.com/aws/aws-sdk-go-v2/service/devopsagent/document"
	otypes "github.com/aws/aws-sdk-go-v2/service/devopsagent/types"
	smithydocument "github.com/aws/smithy-go/document"
	ours "github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/document"
	"github.com/devopsagent-go/devopsagent/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Deliberate: RFC 3339 allows a lower-case "t" and "z"; v1.5.2 rejects
// them and fails the whole call with a decoding error.
func TestDifferenceLowerCaseTimestamps(t *testing.T) {
	body := `{"task":{"taskId":"t","createdAt":"2026-01-02t03:04:05.123z","updatedAt":"2026-01-02t03:04:05z"}}`
	theirs, mine := runBoth(t, operations["GetBacklogTask"], minimalInputs()["GetBacklogTask"], okJSON(body))

	assert.True(t, viewOf(t, theirs.err).Decoding, "v1.5.2 fails to decode: %v", theirs.err)

	require.NoError(t, mine.err)
	got := mine.output.(*ours.GetBacklogTaskOutput).Task
	assert.Equal(t, time.Date(2026, 1, 2, 3, 4, 5, 123000000, time.UTC), *got.CreatedAt)
	assert.Equal(t, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), *got.UpdatedAt)
}

// Deliberate: an epoch-seconds number may be written with an exponent.
// Only Asset (CreateAsset, UpdateAsset) has epoch-seconds members, and
// v1.5.2 has neither operation, so there is nothing to record for it.
func TestDifferenceExponentEpochSeconds(t *testing.T) {
	tests := []struct {
		created string
		want    time.Time
	}{
		{"1.767323045123e9", time.Date(2026, 1, 2, 3, 4, 5, 123000000, time.UTC)},
		{"1.767323045E+9", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
		{"17673230451e-1", time.Date(2026, 1, 2, 3, 4, 5, 100000000, time.UTC)},
	}

	call := updateAsset(&ours.UpdateAssetInput{AgentSpaceId: aws.String("s"), AssetId: aws.String("a")})
	for _, tt := range tests {
		t.Run(tt.created, func(t *testing.T) {
			ex := callOurs(t, call, okJSON(`{"asset":{"assetId":"a","createdAt":`+tt.created+`}}`))
			require.NoError(t, ex.err)
			assert.Equal(t, tt.want, *assetOf(t, ex.output).CreatedAt)
		})
	}
}

// Deliberate: a non-string "code" in an error body is ignored (the other
// sources of the code still count); v1.5.2 fails to decode the error body
// and returns a decoding error instead of the service's error.
func TestDifferenceNonStringErrorCode(t *testing.T) {
	tests := []struct {
		name, body, wantType, wantCode string
	}{
		{"only a numeric code", `{"code":42,"message":"m"}`, "*smithy.GenericAPIError", "UnknownError"},
		{"numeric code beside __type", `{"code":42,"__type":"ns#ConflictException","message":"m"}`,
			"*types.ConflictException", "ConflictException"},
		{"object code beside __type", `{"code":{"a":1},"__type":"ThrottlingException","message":"m"}`,
			"*types.ThrottlingException", "ThrottlingException"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			theirs, mine := runBoth(t, operations["GetService"], minimalInputs()["GetService"],
				reply{status: 409, body: tt.body})

			assert.True(t, viewOf(t, theirs.err).Decoding, "v1.5.2 fails to decode: %v", theirs.err)

			got := viewOf(t, mine.err)
			assert.Equal(t, tt.wantType, got.Type)
			assert.Equal(t, tt.wantCode, got.Code)
			assert.Equal(t, "m", got.Message)
			assert.Equal(t, 409, got.Status)
		})
	}
}

// Deliberate: when a union object holds a known member beside unknown
// ones, we pick the known member every time; v1.5.2 ranges over a Go map
// and returns whichever key comes first, known or not.
func TestDifferenceKnownUnionMemberBesideUnknown(t *testing.T) {
	body := `{"association":{"configuration":{"zzz":{"a":1},"azure":{"subscriptionId":"s"},"aaa":null}}}`
	want := &types.ServiceConfigurationMemberAzure{Value: types.AzureConfiguration{SubscriptionId: aws.String("s")}}

	for range 20 {
		theirs, mine := runBoth(t, operations["GetAssociation"], minimalInputs()["GetAssociation"], okJSON(body))
		require.NoError(t, theirs.err)
		require.NoError(t, mine.err)

		assert.Equal(t, want, mine.output.(*ours.GetAssociationOutput).Association.Configuration)

		switch got := theirs.output.(*official.GetAssociationOutput).Association.Configuration.(type) {
		case *otypes.ServiceConfigurationMemberAzure:
		case *otypes.UnknownUnionMember:
			assert.Equal(t, "zzz", got.Tag, "v1.5.2 picked an unknown member")
		default:
			t.Fatalf("v1.5.2 decoded %T", got)
		}
	}
}

// Deliberate: numbers in documents keep every digit in both directions.
// Decoding, both clients are exact. Encoding a document built from a
// json.Number, v1.5.2 writes the number as a JSON string.
func TestDifferenceExactBigNumbersInDocuments(t *testing.T) {
	big := json.Number("123456789012345678901234567890")

	theirs, err := odoc.NewLazyDocument(map[string]any{"n": big}).MarshalSmithyDocument()
	require.NoError(t, err)
	assert.JSONEq(t, `{"n":"123456789012345678901234567890"}`, string(theirs), "v1.5.2 quotes it")

	mine, err := document.NewLazyDocument(map[string]any{"n": big}).MarshalSmithyDocument()
	require.NoError(t, err)
	assert.Equal(t, `{"n":123456789012345678901234567890}`, string(mine))

	body := `{"task":{"metadata":{"n":123456789012345678901234567890,"f":0.10000000000000000001}}}`
	theirOut, myOut := runBoth(t, operations["GetBacklogTask"], minimalInputs()["GetBacklogTask"], okJSON(body))
	require.NoError(t, theirOut.err)
	require.NoError(t, myOut.err)
	assertSameOutput(t, theirOut.output, myOut.output)

	var got map[string]any
	require.NoError(t, myOut.output.(*ours.GetBacklogTaskOutput).Task.Metadata.UnmarshalSmithyDocument(&got))
	assert.Equal(t, map[string]any{
		"n": smithydocument.Number(big), "f": smithydocument.Number("0.10000000000000000001"),
	}, got)
}

// Per facts.md §B.0 the body always carries a clientToken. v1.5.2 skips
// the token when its IdempotencyTokenProvider is set to nil after New (an
// optFn); ours still fills a random one.
func TestDifferenceNilTokenProvider(t *testing.T) {
	in := &ours.UpdateBacklogTaskInput{AgentSpaceId: aws.String("s"), TaskId: aws.String("t")}
	op := operations["UpdateBacklogTask"]

	orec, urec := newRecorder(), newRecorder()
	_, err := op.callOfficial(t.Context(),
		newOfficial(orec, func(o *official.Options) { o.IdempotencyTokenProvider = nil }),
		toOfficial(t, op, in))
	require.NoError(t, err)
	_, err = op.callOurs(t.Context(),
		newOurs(urec, func(o *ours.Options) { o.IdempotencyTokenProvider = nil }), in)
	require.NoError(t, err)

	assert.Equal(t, "{}", string(orec.only(t).body), "v1.5.2 sends no token")
	assert.Regexp(t, `^\{"clientToken":"[0-9a-f-]{36}"\}$`, string(urec.only(t).body))
}

// Deliberate: with Options.Credentials nil, ours fails the call before
// sending ("no credentials"); v1.5.2 quietly falls back to no auth and
// sends the request unsigned. Only aws.AnonymousCredentials{} asks for
// unsigned requests in ours.
func TestDifferenceNilCredentials(t *testing.T) {
	tc := optionsCase{"nil credentials",
		func(o *official.Options) { o.Credentials = nil },
		func(o *ours.Options) { o.Credentials = nil }}

	theirs, _, oerr, uerr := tc.sentBy(t)

	require.NoError(t, oerr)
	assert.Empty(t, theirs.req.Header.Get("Authorization"), "v1.5.2 sends it unsigned")
	assert.ErrorContains(t, uerr, "operation error DevOps Agent: GetService, get identity: "+
		"no credentials: set Options.Credentials")
}

// Deliberate: WithSigV4SigningRegion is documented as final, and in ours
// it is; in v1.5.2 the signing region of a legacy endpoint replaces it.
// The signing name override wins in both.
func TestDifferenceSigningRegionOverLegacyEndpoint(t *testing.T) {
	legacy := func(e *aws.Endpoint) { e.SigningName, e.SigningRegion = "other", "eu-west-3" }
	tc := optionsCase{"override and legacy endpoint",
		func(o *official.Options) {
			o.EndpointResolver = official.EndpointResolverFromURL("https://legacy.example", legacy)
			official.WithSigV4SigningRegion("ap-east-1")(o)
			official.WithSigV4SigningName("mine")(o)
		},
		func(o *ours.Options) {
			o.EndpointResolver = ours.EndpointResolverFromURL("https://legacy.example", legacy)
			ours.WithSigV4SigningRegion("ap-east-1")(o)
			ours.WithSigV4SigningName("mine")(o)
		}}

	theirs, mine, oerr, uerr := tc.sentBy(t)
	require.NoError(t, oerr)
	require.NoError(t, uerr)

	assert.Equal(t, "eu-west-3/mine/aws4_request", withoutDate(scope(theirs)))
	assert.Equal(t, "ap-east-1/mine/aws4_request", withoutDate(scope(mine)))
}

// Deliberate: v1.5.2's EndpointResolverFromURL keeps the region of its
// first call as the signing region of every later call; ours uses each
// call's region.
func TestDifferenceEndpointResolverFromURLRegion(t *testing.T) {
	theirs := official.EndpointResolverFromURL("https://x.example")
	mine := ours.EndpointResolverFromURL("https://x.example")

	for _, region := range []string{"us-east-1", "eu-west-1"} {
		got, err := theirs.ResolveEndpoint(region, official.EndpointResolverOptions{})
		require.NoError(t, err)
		assert.Equal(t, "us-east-1", got.SigningRegion, "v1.5.2 keeps the first region")

		got, err = mine.ResolveEndpoint(region, ours.EndpointResolverOptions{})
		require.NoError(t, err)
		assert.Equal(t, region, got.SigningRegion)
	}
}

// Deliberate: DefaultsMode set by New's functional options takes effect
// in ours; v1.5.2 resolves the mode before it runs them, so only a mode
// in the Options value (or from NewFromConfig) counts.
func TestDifferenceDefaultsModeFromOptFns(t *testing.T) {
	inRegion := func(mode *aws.DefaultsMode) { *mode = aws.DefaultsModeInRegion }

	theirs := official.New(official.Options{}, func(o *official.Options) { inRegion(&o.DefaultsMode) })
	mine := ours.New(ours.Options{}, func(o *ours.Options) { inRegion(&o.DefaultsMode) })

	assert.Equal(t, [2]time.Duration{30 * time.Second, 10 * time.Second},
		clientTimeouts(t, theirs.Options().HTTPClient), "v1.5.2 keeps the SDK defaults")
	assert.Equal(t, [2]time.Duration{1100 * time.Millisecond, 1100 * time.Millisecond},
		clientTimeouts(t, mine.Options().HTTPClient))
}

// Deliberate: a call's optFns that replace HTTPSignerV4 take effect in
// ours; v1.5.2's default SigV4 scheme keeps the signer the client was
// made with.
func TestDifferenceSignerPerCall(t *testing.T) {
	theirs, mine := &countingSigner{}, &countingSigner{}
	tc := optionsCase{"signer per call",
		func(o *official.Options) { o.HTTPSignerV4 = theirs },
		func(o *ours.Options) { o.HTTPSignerV4 = mine }}
	ctx := context.Background()

	_, err := newOfficial(newRecorder()).GetService(ctx,
		&official.GetServiceInput{ServiceId: aws.String("svc")}, tc.official)
	require.NoError(t, err)
	_, err = newOurs(newRecorder()).GetService(ctx, &ours.GetServiceInput{ServiceId: aws.String("svc")},
		tc.ours)
	require.NoError(t, err)

	assert.Equal(t, 0, theirs.calls, "v1.5.2 signs with the client's signer")
	assert.Equal(t, 1, mine.calls)
}

// countingSigner is an HTTPSignerV4 for both clients that counts calls
// and signs nothing.
type countingSigner struct{ calls int }

func (s *countingSigner) SignHTTP(context.Context, aws.Credentials, *http.Request, string, string,
	string, time.Time, ...func(*v4.SignerOptions)) error {
	s.calls++
	return nil
}
