package devopsagentlocal_test

// These tests drive the emulator through the project's own client, the
// way a user's test would: every one of the 13 operations, paginators,
// and modeled errors decoded into their types.

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	smithydocument "github.com/aws/smithy-go/document"
	"github.com/aws/smithy-go/middleware"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/devopsagentlocal"
	"github.com/devopsagent-go/devopsagent/document"
	"github.com/devopsagent-go/devopsagent/types"
)

var clientTestStart = time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)

// sequentialIDs hands out "id-1", "id-2", ...
func sequentialIDs() func() string {
	var mu sync.Mutex
	n := 0
	return func() string {
		mu.Lock()
		defer mu.Unlock()
		n++
		return fmt.Sprintf("id-%d", n)
	}
}

func startForClient(t *testing.T) (*devopsagentlocal.Server, *devopsagent.Client) {
	t.Helper()
	srv := devopsagentlocal.Start(t,
		devopsagentlocal.WithClock(func() time.Time { return clientTestStart }),
		devopsagentlocal.WithIDs(sequentialIDs()),
		devopsagentlocal.WithSeed(&devopsagentlocal.Seed{Services: []devopsagentlocal.SeedService{{
			ServiceID: "github-main", ServiceType: "github",
			AdditionalServiceDetails: json.RawMessage(
				`{"github":{"owner":"octo-org","ownerType":"organization"}}`),
		}}}),
	)
	return srv, srv.Client()
}

func TestClientBacklogTasks(t *testing.T) {
	_, client := startForClient(t)
	ctx := context.Background()

	created, err := client.CreateBacklogTask(ctx, &devopsagent.CreateBacklogTaskInput{
		AgentSpaceId: aws.String("default"), Title: aws.String("Disk full"),
		TaskType: types.TaskTypeInvestigation, Priority: types.PriorityHigh,
	})
	require.NoError(t, err)
	require.Equal(t, &types.Task{
		AgentSpaceId: aws.String("default"), TaskId: aws.String("id-1"),
		Title: aws.String("Disk full"), TaskType: types.TaskTypeInvestigation,
		Priority: types.PriorityHigh, Status: types.TaskStatusPendingStart,
		CreatedAt: aws.Time(clientTestStart), UpdatedAt: aws.Time(clientTestStart),
		Version: aws.Int32(1),
	}, created.Task)
	assert.NotEmpty(t, requestID(created.ResultMetadata))

	updated, err := client.UpdateBacklogTask(ctx, &devopsagent.UpdateBacklogTaskInput{
		AgentSpaceId: aws.String("default"), TaskId: aws.String("id-1"),
		TaskStatus: types.TaskStatusCanceled,
	})
	require.NoError(t, err)
	assert.Equal(t, types.TaskStatusCanceled, updated.Task.Status)
	assert.Equal(t, int32(2), aws.ToInt32(updated.Task.Version))

	got, err := client.GetBacklogTask(ctx, &devopsagent.GetBacklogTaskInput{
		AgentSpaceId: aws.String("default"), TaskId: aws.String("id-1"),
	})
	require.NoError(t, err)
	assert.Equal(t, updated.Task, got.Task)

	for range 4 {
		_, err := client.CreateBacklogTask(ctx, &devopsagent.CreateBacklogTaskInput{
			AgentSpaceId: aws.String("default"), Title: aws.String("more"),
			TaskType: types.TaskTypeEvaluation, Priority: types.PriorityLow,
		})
		require.NoError(t, err)
	}
	pages := devopsagent.NewListBacklogTasksPaginator(client, &devopsagent.ListBacklogTasksInput{
		AgentSpaceId: aws.String("default"), Order: types.TaskSortOrderAsc,
	}, func(o *devopsagent.ListBacklogTasksPaginatorOptions) { o.Limit = 2 })
	var ids []string
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		require.NoError(t, err)
		assert.LessOrEqual(t, len(page.Tasks), 2)
		for _, task := range page.Tasks {
			ids = append(ids, aws.ToString(task.TaskId))
		}
	}
	assert.Equal(t, []string{"id-1", "id-2", "id-3", "id-4", "id-5"}, ids)
}

func TestClientServicesAndAssociations(t *testing.T) {
	srv, client := startForClient(t)
	ctx := context.Background()

	reg, err := client.RegisterService(ctx, &devopsagent.RegisterServiceInput{
		Service: types.PostRegisterServiceSupportedServiceMcpServer,
		ServiceDetails: &types.ServiceDetailsMemberMcpserver{Value: types.MCPServerDetails{
			Name: aws.String("tools"), Endpoint: aws.String("https://mcp.example.com"),
			AuthorizationConfig: &types.MCPServerAuthorizationConfigMemberApiKey{
				Value: types.MCPServerAPIKeyConfig{
					ApiKeyName: aws.String("main"), ApiKeyValue: aws.String("secret"),
					ApiKeyHeader: aws.String("X-Api-Key"),
				}},
		}},
		Tags: map[string]string{"team": "ops"},
	})
	require.NoError(t, err)
	assert.Equal(t, "id-1", aws.ToString(reg.ServiceId))
	assert.Nil(t, reg.AdditionalStep)

	svc, err := client.GetService(ctx, &devopsagent.GetServiceInput{ServiceId: reg.ServiceId})
	require.NoError(t, err)
	assert.Equal(t, types.ServiceMcpServer, svc.Service.ServiceType)
	assert.Equal(t, map[string]string{"team": "ops"}, svc.Tags)
	assert.Equal(t, &types.AdditionalServiceDetailsMemberMcpserver{
		Value: types.RegisteredMCPServerDetails{
			Name: aws.String("tools"), Endpoint: aws.String("https://mcp.example.com"),
			AuthorizationMethod: types.MCPServerAuthorizationMethodApiKey,
			ApiKeyHeader:        aws.String("X-Api-Key"),
		}}, svc.Service.AdditionalServiceDetails)

	oauth, err := client.RegisterService(ctx, &devopsagent.RegisterServiceInput{
		Service: types.PostRegisterServiceSupportedServiceMcpServerDatadog,
		ServiceDetails: &types.ServiceDetailsMemberMcpserverdatadog{
			Value: types.DatadogServiceDetails{
				Name: aws.String("dd"), Endpoint: aws.String("https://mcp.datadoghq.com"),
				AuthorizationConfig: &types.DatadogAuthorizationConfigMemberAuthorizationDiscovery{
					Value: types.MCPServerAuthorizationDiscoveryConfig{
						ReturnToEndpoint: aws.String("https://eu-west-1.console.aws.amazon.com/x"),
					}},
			}},
	})
	require.NoError(t, err)
	step, ok := oauth.AdditionalStep.(*types.AdditionalServiceRegistrationStepMemberOauth)
	require.True(t, ok, "%T", oauth.AdditionalStep)
	datadogID, err := srv.CompleteOAuth(ctx, aws.ToString(step.Value.AuthorizationUrl))
	require.NoError(t, err)
	assert.Equal(t, "id-2", datadogID)

	services := devopsagent.NewListServicesPaginator(client, &devopsagent.ListServicesInput{},
		func(o *devopsagent.ListServicesPaginatorOptions) { o.Limit = 1 })
	var serviceIDs []string
	for services.HasMorePages() {
		page, err := services.NextPage(ctx)
		require.NoError(t, err)
		for _, s := range page.Services {
			serviceIDs = append(serviceIDs, aws.ToString(s.ServiceId))
		}
	}
	assert.Equal(t, []string{"github-main", "id-1", "id-2"}, serviceIDs)

	assoc, err := client.AssociateService(ctx, &devopsagent.AssociateServiceInput{
		AgentSpaceId: aws.String("default"), ServiceId: aws.String("github-main"),
		Configuration: &types.ServiceConfigurationMemberGithub{Value: types.GitHubConfiguration{
			RepoName: aws.String("api"), RepoId: aws.String("1"), Owner: aws.String("octo-org"),
			OwnerType: types.GithubRepoOwnerTypeOrganization,
		}},
		Capabilities: map[string]types.CapabilityConfiguration{
			string(types.CapabilityTypeReleaseReadinessReview): {Enabled: aws.Bool(true)},
		},
	})
	require.NoError(t, err)
	assert.Equal(t, "id-3", aws.ToString(assoc.Association.AssociationId))
	assert.Equal(t, types.ValidationStatusValid, assoc.Association.Status)
	assert.Equal(t, clientTestStart, aws.ToTime(assoc.Association.CreatedAt))

	updated, err := client.UpdateAssociation(ctx, &devopsagent.UpdateAssociationInput{
		AgentSpaceId: aws.String("default"), AssociationId: aws.String("id-3"),
		Configuration: &types.ServiceConfigurationMemberGithub{Value: types.GitHubConfiguration{
			RepoName: aws.String("api2"), RepoId: aws.String("2"), Owner: aws.String("octo-org"),
			OwnerType: types.GithubRepoOwnerTypeOrganization,
		}},
	})
	require.NoError(t, err)
	assert.Equal(t, map[string]types.CapabilityConfiguration{
		"RELEASE_READINESS_REVIEW": {Enabled: aws.Bool(true)},
	}, updated.Association.Capabilities)

	got, err := client.GetAssociation(ctx, &devopsagent.GetAssociationInput{
		AgentSpaceId: aws.String("default"), AssociationId: aws.String("id-3"),
	})
	require.NoError(t, err)
	assert.Equal(t, updated.Association, got.Association)

	list, err := client.ListAssociations(ctx, &devopsagent.ListAssociationsInput{
		AgentSpaceId: aws.String("default"), FilterServiceTypes: aws.String("github"),
	})
	require.NoError(t, err)
	require.Len(t, list.Associations, 1)
	assert.Equal(t, got.Association, &list.Associations[0])
}

func TestClientAssets(t *testing.T) {
	_, client := startForClient(t)
	ctx := context.Background()

	created, err := client.CreateAsset(ctx, &devopsagent.CreateAssetInput{
		AgentSpaceId: aws.String("default"), AssetType: aws.String("runbook"),
		Metadata: document.NewLazyDocument(map[string]any{"owner": "ops"}),
		Content: &types.AssetContentMemberFile{Value: types.AssetFileContent{
			Path: aws.String("restart.md"),
			Body: &types.AssetFileBodyMemberText{Value: "# Restart"},
		}},
	})
	require.NoError(t, err)
	assert.Equal(t, "id-1", aws.ToString(created.Asset.AssetId))
	assert.Equal(t, int32(1), aws.ToInt32(created.Asset.Version))
	assert.Equal(t, clientTestStart, aws.ToTime(created.Asset.CreatedAt))

	updated, err := client.UpdateAsset(ctx, &devopsagent.UpdateAssetInput{
		AgentSpaceId: aws.String("default"), AssetId: aws.String("id-1"),
		Metadata: document.NewLazyDocument(map[string]any{"tier": 2}),
		Content: &types.AssetContentMemberFile{Value: types.AssetFileContent{
			Path: aws.String("tool.bin"),
			Body: &types.AssetFileBodyMemberBytes{Value: []byte{1, 2}},
		}},
	})
	require.NoError(t, err)
	assert.Equal(t, int32(2), aws.ToInt32(updated.Asset.Version))
	var metadata map[string]any
	require.NoError(t, updated.Asset.Metadata.UnmarshalSmithyDocument(&metadata))
	assert.Equal(t, map[string]any{"owner": "ops", "tier": smithydocument.Number("2")}, metadata)
}

func TestClientErrors(t *testing.T) {
	_, client := startForClient(t)
	ctx := context.Background()

	_, err := client.ListBacklogTasks(ctx, &devopsagent.ListBacklogTasksInput{
		AgentSpaceId: aws.String("default"), Limit: aws.Int32(5000),
	})
	var invalid *types.ValidationException
	require.ErrorAs(t, err, &invalid)
	assert.Equal(t, []types.ValidationExceptionField{{
		Path: aws.String("/limit"),
		Message: aws.String("Value at '/limit' failed to satisfy constraint: " +
			"Member must be between 1 and 1000, inclusive"),
	}}, invalid.FieldList)

	_, err = client.GetBacklogTask(ctx, &devopsagent.GetBacklogTaskInput{
		AgentSpaceId: aws.String("default"), TaskId: aws.String("missing"),
	})
	var notFound *types.ResourceNotFoundException
	require.ErrorAs(t, err, &notFound)
	assert.Equal(t, "task missing does not exist in agent space default",
		aws.ToString(notFound.Message))

	input := &devopsagent.CreateBacklogTaskInput{
		AgentSpaceId: aws.String("default"), Title: aws.String("t"), ClientToken: aws.String("tok"),
		TaskType: types.TaskTypeInvestigation, Priority: types.PriorityLow,
	}
	first, err := client.CreateBacklogTask(ctx, input)
	require.NoError(t, err)
	again, err := client.CreateBacklogTask(ctx, input)
	require.NoError(t, err)
	assert.Equal(t, first.Task, again.Task, "the same client token returns the same task")

	input.Priority = types.PriorityHigh
	_, err = client.CreateBacklogTask(ctx, input)
	var conflict *types.ConflictException
	require.ErrorAs(t, err, &conflict)

	wrongKey := devopsagentlocal.Start(t, devopsagentlocal.WithCredentials("AKIDOTHER", "x"))
	stranger := wrongKey.Client(func(o *devopsagent.Options) {
		o.BaseEndpoint = client.Options().BaseEndpoint
	})
	_, err = stranger.GetService(ctx, &devopsagent.GetServiceInput{ServiceId: aws.String("x")})
	var denied *types.AccessDeniedException
	require.ErrorAs(t, err, &denied)
}

func requestID(md middleware.Metadata) string {
	id, _ := awsmiddleware.GetRequestIDMetadata(md)
	return id
}

func TestClientTokenLifetime(t *testing.T) {
	var elapsed atomic.Int64
	clock := func() time.Time { return clientTestStart.Add(time.Duration(elapsed.Load())) }
	srv := devopsagentlocal.Start(t,
		devopsagentlocal.WithClock(clock),
		devopsagentlocal.WithIDs(sequentialIDs()),
		devopsagentlocal.WithTokenLifetime(time.Minute))
	client := srv.Client()
	create := func() string {
		out, err := client.CreateBacklogTask(context.Background(),
			&devopsagent.CreateBacklogTaskInput{
				AgentSpaceId: aws.String("default"), Title: aws.String("t"),
				TaskType: types.TaskTypeEvaluation, Priority: types.PriorityLow,
				ClientToken: aws.String("same-token"),
			})
		require.NoError(t, err)
		return aws.ToString(out.Task.TaskId)
	}

	assert.Equal(t, "id-1", create())
	assert.Equal(t, "id-1", create(), "a retry within the lifetime gets the same task")
	elapsed.Add(int64(time.Minute))
	assert.Equal(t, "id-2", create(), "a forgotten token creates a new task")
}
