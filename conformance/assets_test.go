package conformance

// CreateAsset and UpdateAsset are newer than the official v1.5.2 client,
// so there is no peer to compare with: their wire form is checked against
// facts.md §B.2 / §B.11 (and §B.0 for the encoding rules) directly.

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithydocument "github.com/aws/smithy-go/document"
	ours "github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/document"
	"github.com/devopsagent-go/devopsagent/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	dataPlaneHost = "dp.aidevops.us-east-1.api.aws"
	jsonType      = "application/json"
)

// callOurs sends one call through our client and returns what happened.
func callOurs(t *testing.T, call func(context.Context, *ours.Client) (any, error),
	script ...reply) exchange {
	t.Helper()

	rec := newRecorder(script...)
	out, err := call(context.Background(), newOurs(rec))
	return exchange{requests: rec.all(), output: out, err: err}
}

// assetCase is one asset call and the exact request facts.md implies.
type assetCase struct {
	name string
	call func(context.Context, *ours.Client) (any, error)
	want wireForm
}

func createAsset(in *ours.CreateAssetInput) func(context.Context, *ours.Client) (any, error) {
	return func(ctx context.Context, c *ours.Client) (any, error) { return c.CreateAsset(ctx, in) }
}

func updateAsset(in *ours.UpdateAssetInput) func(context.Context, *ours.Client) (any, error) {
	return func(ctx context.Context, c *ours.Client) (any, error) { return c.UpdateAsset(ctx, in) }
}

func fileContent(body types.AssetFileBody, meta document.Interface) types.AssetContent {
	return &types.AssetContentMemberFile{Value: types.AssetFileContent{
		Path: aws.String("docs/run book (1).md"), Body: body, Metadata: meta,
	}}
}

func assetCases() []assetCase {
	space := aws.String("space 1/ü")
	const createPath = "/asset/agent-space/space%201%2F%C3%BC/assets"
	create := func(name string, in *ours.CreateAssetInput, body string) assetCase {
		in.AgentSpaceId, in.AssetType = space, aws.String("runbook")
		return assetCase{name: "CreateAsset/" + name, call: createAsset(in), want: wireForm{
			Method: "POST", Host: dataPlaneHost, Path: createPath, ContentType: jsonType, Body: body,
		}}
	}
	update := func(name string, in *ours.UpdateAssetInput, body string) assetCase {
		in.AgentSpaceId, in.AssetId = space, aws.String("asset.1")
		return assetCase{name: "UpdateAsset/" + name, call: updateAsset(in), want: wireForm{
			Method: "PATCH", Host: dataPlaneHost, Path: createPath + "/asset.1",
			ContentType: jsonType, Body: body,
		}}
	}
	text := &types.AssetFileBodyMemberText{Value: "hello\n\"quoted\" <b>"}

	return []assetCase{
		create("file text with metadata", &ours.CreateAssetInput{
			ClientToken: aws.String("tok-1"),
			Metadata:    document.NewLazyDocument(map[string]any{"b": 1, "a": []any{true, nil}}),
			Content:     fileContent(text, document.NewLazyDocument(map[string]string{"k": "v"})),
		}, `{"assetType":"runbook","clientToken":"tok-1","content":{"file":{"body":{"text":`+
			`"hello\n\"quoted\" <b>"},"metadata":{"k":"v"},"path":"docs/run book (1).md"}},`+
			`"metadata":{"a":[true,null],"b":1}}`),
		create("file bytes, generated token", &ours.CreateAssetInput{
			Content: fileContent(&types.AssetFileBodyMemberBytes{Value: []byte("blob")}, nil),
		}, `{"assetType":"runbook","clientToken":"`+fixedToken+`","content":{"file":{"body":`+
			`{"bytes":"YmxvYg=="},"path":"docs/run book (1).md"}}}`),
		create("empty bytes", &ours.CreateAssetInput{
			ClientToken: aws.String("t"),
			Content:     fileContent(&types.AssetFileBodyMemberBytes{Value: []byte{}}, nil),
		}, `{"assetType":"runbook","clientToken":"t","content":{"file":{"body":{"bytes":""},`+
			`"path":"docs/run book (1).md"}}}`),
		create("zip", &ours.CreateAssetInput{
			ClientToken: aws.String("t"),
			Content:     &types.AssetContentMemberZip{Value: types.AssetZipContent{ZipFile: []byte("PK\x03\x04\xff")}},
		}, `{"assetType":"runbook","clientToken":"t","content":{"zip":{"zipFile":"UEsDBP8="}}}`),
		create("source URL", &ours.CreateAssetInput{
			ClientToken: aws.String("t"),
			Content: &types.AssetContentMemberSourceUrl{Value: types.AssetSourceUrlContent{
				Url: aws.String("https://example.com/a.zip?x=1&y=2")}},
		}, `{"assetType":"runbook","clientToken":"t","content":{"sourceUrl":`+
			`{"url":"https://example.com/a.zip?x=1&y=2"}}}`),
		create("exact numbers in metadata", &ours.CreateAssetInput{
			ClientToken: aws.String("t"),
			Content:     &types.AssetContentMemberZip{Value: types.AssetZipContent{ZipFile: []byte{}}},
			Metadata: document.NewLazyDocument(map[string]any{
				"big": json.Number("123456789012345678901234567890"), "tenth": 0.1}),
		}, `{"assetType":"runbook","clientToken":"t","content":{"zip":{"zipFile":""}},`+
			`"metadata":{"big":123456789012345678901234567890,"tenth":0.1}}`),
		update("nothing but the token", &ours.UpdateAssetInput{},
			`{"clientToken":"`+fixedToken+`"}`),
		update("content and metadata", &ours.UpdateAssetInput{
			ClientToken: aws.String("tok-2"),
			Content:     fileContent(text, nil),
			Metadata:    document.NewLazyDocument(map[string]any{"owner": "team"}),
		}, `{"clientToken":"tok-2","content":{"file":{"body":{"text":"hello\n\"quoted\" <b>"},`+
			`"path":"docs/run book (1).md"}},"metadata":{"owner":"team"}}`),
		update("null metadata document", &ours.UpdateAssetInput{
			ClientToken: aws.String("t"), Metadata: document.NewLazyDocument(nil),
		}, `{"clientToken":"t","metadata":null}`),
	}
}

func TestAssetRequestsMatchFacts(t *testing.T) {
	for _, tc := range assetCases() {
		t.Run(tc.name, func(t *testing.T) {
			ex := callOurs(t, tc.call, okJSON(`{"asset":{"assetId":"a"}}`))
			require.NoError(t, ex.err)
			require.Len(t, ex.requests, 1)

			assert.Equal(t, tc.want, factsForm(t, ex.requests[0]))
			assertSigned(t, ex.requests[0])
		})
	}
}

func TestAssetRequiredMembers(t *testing.T) {
	tests := []struct {
		name  string
		call  func(context.Context, *ours.Client) (any, error)
		field string
	}{
		{"CreateAsset without content", createAsset(&ours.CreateAssetInput{
			AgentSpaceId: aws.String("s"), AssetType: aws.String("t")}), "Content"},
		{"CreateAsset without type", createAsset(&ours.CreateAssetInput{
			AgentSpaceId: aws.String("s"),
			Content:      &types.AssetContentMemberZip{Value: types.AssetZipContent{ZipFile: []byte{}}},
		}), "AssetType"},
		{"CreateAsset file without path", createAsset(&ours.CreateAssetInput{
			AgentSpaceId: aws.String("s"), AssetType: aws.String("t"),
			Content: &types.AssetContentMemberFile{Value: types.AssetFileContent{
				Body: &types.AssetFileBodyMemberText{Value: "x"}}},
		}), "Path"},
		{"UpdateAsset without asset id", updateAsset(&ours.UpdateAssetInput{
			AgentSpaceId: aws.String("s")}), "AssetId"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := callOurs(t, tt.call)
			require.Error(t, ex.err)
			assert.Contains(t, ex.err.Error(), tt.field)
			assert.Empty(t, ex.requests, "no request may be sent")
		})
	}
}

func TestAssetResponsesMatchFacts(t *testing.T) {
	body := `{"asset":{"assetId":"asset.1","assetType":"runbook","version":3,` +
		`"metadata":{"big":123456789012345678901234567890,"list":[1,"a",null]},` +
		`"createdAt":1767323045.123,"updatedAt":1767323046,"future":true}}`
	want := &types.Asset{
		AssetId: aws.String("asset.1"), AssetType: aws.String("runbook"), Version: aws.Int32(3),
		CreatedAt: aws.Time(time.Date(2026, 1, 2, 3, 4, 5, 123000000, time.UTC)),
		UpdatedAt: aws.Time(time.Date(2026, 1, 2, 3, 4, 6, 0, time.UTC)),
	}
	wantMeta := map[string]any{
		"big":  smithydocument.Number("123456789012345678901234567890"),
		"list": []any{smithydocument.Number("1"), "a", nil},
	}

	for _, call := range []func(context.Context, *ours.Client) (any, error){
		createAsset(&ours.CreateAssetInput{AgentSpaceId: aws.String("s"), AssetType: aws.String("t"),
			Content: &types.AssetContentMemberZip{Value: types.AssetZipContent{ZipFile: []byte{}}}}),
		updateAsset(&ours.UpdateAssetInput{AgentSpaceId: aws.String("s"), AssetId: aws.String("a")}),
	} {
		ex := callOurs(t, call, reply{status: 201, body: body})
		require.NoError(t, ex.err)

		asset := assetOf(t, ex.output)
		var meta any
		require.NoError(t, asset.Metadata.UnmarshalSmithyDocument(&meta))
		assert.Equal(t, wantMeta, meta)

		asset.Metadata = nil
		assert.Equal(t, want, asset)
		assert.Equal(t, time.UTC, asset.CreatedAt.Location())
	}
}

// assetOf returns the Asset of a CreateAsset or UpdateAsset output.
func assetOf(t *testing.T, out any) *types.Asset {
	t.Helper()
	switch o := out.(type) {
	case *ours.CreateAssetOutput:
		return o.Asset
	case *ours.UpdateAssetOutput:
		return o.Asset
	}
	t.Fatalf("not an asset output: %T", out)
	return nil
}

func TestAssetErrors(t *testing.T) {
	call := updateAsset(&ours.UpdateAssetInput{AgentSpaceId: aws.String("s"), AssetId: aws.String("a")})
	for _, ec := range modeledErrorCases() {
		t.Run(ec.name, func(t *testing.T) {
			ex := callOurs(t, call, ec.reply())
			require.Error(t, ex.err)

			v := viewOf(t, ex.err)
			assert.Equal(t, "*types."+ec.name, v.Type)
			assert.Equal(t, ec.name, v.Code)
			assert.Equal(t, "UpdateAsset", v.Operation)
			assert.Equal(t, modeledErrors[ec.name], v.Status)
		})
	}

	ex := callOurs(t, call, errorCase{"", 400, map[string]string{"X-Amzn-ErrorType": "ValidationException"},
		`{"message":"bad","fieldList":[{"path":"/metadata","message":"too big"}]}`}.reply())
	var invalid *types.ValidationException
	require.True(t, errors.As(ex.err, &invalid), "got %v", ex.err)
	assert.Equal(t, "bad", aws.ToString(invalid.Message))
	assert.Equal(t, []types.ValidationExceptionField{{Path: aws.String("/metadata"),
		Message: aws.String("too big")}}, invalid.FieldList)
}
