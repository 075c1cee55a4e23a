package devopsagent

// Tests of the generated input validators: required members at several
// depths (the message names the full path, as the official client's does),
// then, as serialization errors, empty path labels, union values that
// cannot be sent and documents that cannot be encoded or read back.

import (
	"errors"
	"math"
	"testing"

	smithy "github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/document"
	"github.com/devopsagent-go/devopsagent/internal/jsonwire"
	"github.com/devopsagent-go/devopsagent/types"
)

func TestValidatorsReportPaths(t *testing.T) {
	slack := &types.ServiceConfigurationMemberSlack{Value: types.SlackConfiguration{
		WorkspaceId: ptr("T1"), WorkspaceName: ptr("w"),
		TransmissionTarget: &types.SlackTransmissionTarget{
			OpsOncallTarget: &types.SlackChannel{ChannelName: ptr("c")},
		},
	}}
	oauth := &types.MCPServerAuthorizationConfigMemberOAuthClientCredentials{
		Value: types.MCPServerOAuthClientCredentialsConfig{ExchangeUrl: ptr("https://x")},
	}
	mcp := &types.ServiceDetailsMemberMcpserver{Value: types.MCPServerDetails{
		Name: ptr("n"), Endpoint: ptr("https://e"), AuthorizationConfig: oauth,
	}}
	const (
		required  = "missing required field, "
		mcpConfig = "RegisterServiceInput.ServiceDetails[mcpserver].AuthorizationConfig"
	)

	tests := []struct {
		name  string
		check func(any) error
		input any
		want  []string
	}{
		{
			name: "top level", check: validateOpGetService, input: &GetServiceInput{},
			want: []string{required + "GetServiceInput.ServiceId."},
		},
		{
			name: "enum and nested structure", check: validateOpCreateBacklogTask,
			input: &CreateBacklogTaskInput{
				AgentSpaceId: ptr("s"), Title: ptr("t"),
				Reference: &types.ReferenceInput{ReferenceId: ptr("r")},
			},
			want: []string{
				required + "CreateBacklogTaskInput.Reference.System.",
				required + "CreateBacklogTaskInput.Reference.ReferenceUrl.",
				required + "CreateBacklogTaskInput.Reference.AssociationId.",
				required + "CreateBacklogTaskInput.TaskType.",
				required + "CreateBacklogTaskInput.Priority.",
			},
		},
		{
			name: "union member structure", check: validateOpAssociateService,
			input: &AssociateServiceInput{
				AgentSpaceId: ptr("s"), ServiceId: ptr("v"),
				Configuration: &types.ServiceConfigurationMemberGithub{Value: types.GitHubConfiguration{
					RepoId: ptr("1"), Owner: ptr("o"), OwnerType: types.GithubRepoOwnerTypeUser,
				}},
			},
			want: []string{required + "AssociateServiceInput.Configuration[github].RepoName."},
		},
		{
			name: "two levels of structures in a union", check: validateOpUpdateAssociation,
			input: &UpdateAssociationInput{
				AgentSpaceId: ptr("s"), AssociationId: ptr("a"), Configuration: slack,
			},
			want: []string{required +
				"UpdateAssociationInput.Configuration[slack].TransmissionTarget.OpsOncallTarget.ChannelId."},
		},
		{
			name: "union in a union", check: validateOpRegisterService,
			input: &RegisterServiceInput{
				Service: types.PostRegisterServiceSupportedServiceMcpServer, ServiceDetails: mcp,
			},
			want: []string{
				required + mcpConfig + "[oAuthClientCredentials].ClientId.",
				required + mcpConfig + "[oAuthClientCredentials].ClientSecret.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.check(tt.input)
			var params smithy.InvalidParamsError
			require.True(t, errors.As(err, &params), "got %v", err)

			var got []string
			for _, e := range params.Errs() {
				got = append(got, e.Error())
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestValidatorsRejectUnsendableValues: a value the serializer cannot
// encode is a *smithy.SerializationError naming the path (and, for an
// unknown union member, its tag but never its value), as the official
// client's serializer reports it.
func TestValidatorsRejectUnsendableValues(t *testing.T) {
	nilBody := &types.AssetContentMemberFile{Value: types.AssetFileContent{
		Path: ptr("p"), Body: (*types.AssetFileBodyMemberText)(nil),
	}}
	const secret = "s3cr3t-value"

	tests := []struct {
		name  string
		check func(any) error
		input any
		want  string
	}{
		{
			name: "unknown union member", check: validateOpAssociateService,
			input: &AssociateServiceInput{
				AgentSpaceId: ptr("s"), ServiceId: ptr("v"),
				Configuration: &types.UnknownUnionMember{Tag: "future", Value: []byte(secret)},
			},
			want: `AssociateServiceInput.Configuration: unknown union member "future" cannot be sent`,
		},
		{
			name: "nil unknown union member", check: validateOpAssociateService,
			input: &AssociateServiceInput{
				AgentSpaceId: ptr("s"), ServiceId: ptr("v"),
				Configuration: (*types.UnknownUnionMember)(nil),
			},
			want: "AssociateServiceInput.Configuration: union member UnknownUnionMember is a nil pointer",
		},
		{
			name: "nil union member", check: validateOpCreateAsset,
			input: &CreateAssetInput{AgentSpaceId: ptr("s"), AssetType: ptr("t"), Content: nilBody},
			want:  "CreateAssetInput.Content[file].Body: union member text is a nil pointer",
		},
		{
			name: "document that cannot be encoded", check: validateOpUpdateAsset,
			input: &UpdateAssetInput{
				AgentSpaceId: ptr("s"), AssetId: ptr("a"),
				Metadata: document.NewLazyDocument(map[string]any{"f": math.NaN()}),
			},
			want: "UpdateAssetInput.Metadata: document cannot be encoded as JSON: document: encode " +
				`map[string]interface {}: ["f"]: NaN is not a JSON number`,
		},
		{
			name: "the first of two, in the model's member order", check: validateOpUpdateAsset,
			input: &UpdateAssetInput{
				AgentSpaceId: ptr("s"), AssetId: ptr("a"),
				Content:  nilBody,
				Metadata: document.NewLazyDocument(map[string]any{"f": math.NaN()}),
			},
			want: "UpdateAssetInput.Metadata: document cannot be encoded as JSON: document: encode " +
				`map[string]interface {}: ["f"]: NaN is not a JSON number`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.check(tt.input)

			var serr *smithy.SerializationError
			require.True(t, errors.As(err, &serr), "got %T %v", err, err)
			assert.EqualError(t, err, "serialization failed: "+tt.want)
			assert.NotContains(t, err.Error(), secret)
		})
	}
}

// TestValidatorsReportMissingMembersFirst: with a required member missing
// too, only the missing member is reported, as a validation error, as the
// official client's validator runs before its serializer.
func TestValidatorsReportMissingMembersFirst(t *testing.T) {
	err := validateOpAssociateService(&AssociateServiceInput{
		AgentSpaceId: ptr("s"), Configuration: &types.UnknownUnionMember{Tag: "future"},
	})

	var params smithy.InvalidParamsError
	require.True(t, errors.As(err, &params), "got %T %v", err, err)
	assert.Equal(t, "1 validation error(s) found.\n"+
		"- missing required field, AssociateServiceInput.ServiceId.\n", err.Error())
}

// TestValidatorsCheckLabelsBeforeValues: an empty label is found before an
// unsendable body value, in the order of the official client's serializer.
func TestValidatorsCheckLabelsBeforeValues(t *testing.T) {
	err := validateOpAssociateService(&AssociateServiceInput{
		AgentSpaceId: ptr(""), ServiceId: ptr("v"),
		Configuration: &types.UnknownUnionMember{Tag: "future"},
	})
	assert.EqualError(t, err, "serialization failed: input member agentSpaceId must not be empty")
}

func TestValidatorsAcceptCompleteInputs(t *testing.T) {
	tests := []struct {
		check func(any) error
		input any
	}{
		{validateOpGetService, &GetServiceInput{ServiceId: ptr("s")}},
		{validateOpListBacklogTasks, &ListBacklogTasksInput{AgentSpaceId: ptr("s")}},
		{validateOpAssociateService, &AssociateServiceInput{
			AgentSpaceId: ptr("s"), ServiceId: ptr("v"),
			Configuration: &types.ServiceConfigurationMemberRemoteagent{},
		}},
		{validateOpCreateAsset, &CreateAssetInput{
			AgentSpaceId: ptr("s"), AssetType: ptr("t"),
			Metadata: document.NewLazyDocument(map[string]int{"a": 1}),
			Content: &types.AssetContentMemberFile{Value: types.AssetFileContent{
				Path: ptr("p"), Body: &types.AssetFileBodyMemberBytes{},
			}},
		}},
	}
	for _, tt := range tests {
		assert.NoError(t, tt.check(tt.input))
	}
}

// nestedSlices returns a value that encodes as levels nested arrays.
func nestedSlices(levels int) any {
	var v any = 1
	for range levels {
		v = []any{v}
	}
	return v
}

// TestValidatorsLimitDocumentDepth: a document nested maxDocumentDepth
// levels deep can be sent and read back in the deepest place a response
// holds one; one level more is refused before sending, as it could not be
// read back.
func TestValidatorsLimitDocumentDepth(t *testing.T) {
	input := func(levels int) *CreateAssetInput {
		return &CreateAssetInput{
			AgentSpaceId: ptr("s"), AssetType: ptr("t"),
			Metadata: document.NewLazyDocument(nestedSlices(levels)),
			Content: &types.AssetContentMemberSourceUrl{
				Value: types.AssetSourceUrlContent{Url: ptr("u")},
			},
		}
	}
	page := func(levels int) []byte {
		return []byte(`{"services":[{"accessibleResources":[` + nestedArrays(levels) + `]}]}`)
	}

	require.NoError(t, validateOpCreateAsset(input(maxDocumentDepth)))
	require.NoError(t, jsonwire.Unmarshal(page(maxDocumentDepth), &ListServicesOutput{}))

	err := validateOpCreateAsset(input(maxDocumentDepth + 1))
	var serr *smithy.SerializationError
	require.True(t, errors.As(err, &serr), "got %T %v", err, err)
	assert.EqualError(t, err, "serialization failed: CreateAssetInput.Metadata: document is "+
		"nested deeper than 996 levels, more than a response can hold")
	require.Error(t, jsonwire.Unmarshal(page(maxDocumentDepth+1), &ListServicesOutput{}))
}

func TestValidatorsRejectEmptyLabels(t *testing.T) {
	err := validateOpGetBacklogTask(&GetBacklogTaskInput{AgentSpaceId: ptr("s"), TaskId: ptr("")})
	var serr *smithy.SerializationError
	require.True(t, errors.As(err, &serr))
	assert.EqualError(t, err, "serialization failed: input member taskId must not be empty")
}

func TestValidatorsRejectWrongInputType(t *testing.T) {
	err := validateOpGetService(&GetBacklogTaskInput{})
	assert.EqualError(t, err, "GetService: unexpected input type *devopsagent.GetBacklogTaskInput")
}

func TestOperationDescriptors(t *testing.T) {
	tests := []struct {
		op         *operation
		hostPrefix string
		validates  bool
		token      bool
	}{
		{opAssociateService, "cp.", true, false},
		{opCreateAsset, "dp.", true, true},
		{opCreateBacklogTask, "dp.", true, true},
		{opGetAssociation, "cp.", true, false},
		{opGetBacklogTask, "dp.", true, false},
		{opGetService, "cp.", true, false},
		{opListAssociations, "cp.", true, false},
		{opListBacklogTasks, "dp.", true, false},
		{opListServices, "cp.", false, false},
		{opRegisterService, "cp.", true, false},
		{opUpdateAsset, "dp.", true, true},
		{opUpdateAssociation, "cp.", true, false},
		{opUpdateBacklogTask, "dp.", true, true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.hostPrefix, tt.op.hostPrefix, tt.op.name)
		assert.Equal(t, tt.validates, tt.op.validate != nil, "%s validate", tt.op.name)
		assert.Equal(t, tt.token, tt.op.withIdempotencyToken != nil, "%s token", tt.op.name)
		assert.Equal(t, tt.op.name, tt.op.schema.ID().Name)
	}
}

func TestIdempotencyTokenFill(t *testing.T) {
	in := &CreateAssetInput{AgentSpaceId: ptr("s")}
	out, err := opCreateAsset.withIdempotencyToken(in, func() (string, error) {
		return "uuid-1",
			nil
	})
	require.NoError(t, err)
	assert.Equal(t, ptr("uuid-1"), out.(*CreateAssetInput).ClientToken)
	assert.Nil(t, in.ClientToken, "the caller's input is not changed")

	set := &CreateAssetInput{ClientToken: ptr("mine")}
	out, err = opCreateAsset.withIdempotencyToken(set, func() (string, error) {
		return "",
			errors.New("unused")
	})
	require.NoError(t, err)
	assert.Same(t, set, out)

	_, err = opCreateAsset.withIdempotencyToken(in, func() (string, error) {
		return "",
			errors.New("no entropy")
	})
	assert.EqualError(t, err, "CreateAsset: generate idempotency token: no entropy")
}
