package conformance

// The official v1.5.2 client drives our emulator (devopsagentlocal)
// through every operation it has: if the emulator speaks the protocol the
// way the real service does, the official client cannot tell them apart.

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/devopsagent"
	otypes "github.com/aws/aws-sdk-go-v2/service/devopsagent/types"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/devopsagent-go/devopsagent/devopsagentlocal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withoutHostPrefix keeps the official client from turning the
// emulator's 127.0.0.1 host into cp.127.0.0.1 / dp.127.0.0.1.
func withoutHostPrefix(stack *middleware.Stack) error {
	return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("ConformanceNoHostPrefix",
		func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
			middleware.InitializeOutput, middleware.Metadata, error,
		) {
			return next.HandleInitialize(smithyhttp.DisableEndpointHostPrefix(ctx, true), in)
		}), middleware.Before)
}

// emulatorClient starts an emulator for the test and returns the official
// client pointed at it, with its own HTTP transport so the test can close
// idle connections (goleak checks for leftovers).
func emulatorClient(t *testing.T) (*official.Client, *devopsagentlocal.Server) {
	t.Helper()

	srv := devopsagentlocal.Start(t)
	transport := &http.Transport{}
	t.Cleanup(transport.CloseIdleConnections)

	creds := srv.Credentials()
	client := official.New(official.Options{
		Region:       devopsagentlocal.Region,
		BaseEndpoint: aws.String(srv.URL()),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return creds, nil
		}),
		HTTPClient: &http.Client{Transport: transport},
		Retryer:    aws.NopRetryer{},
		APIOptions: []func(*middleware.Stack) error{withoutHostPrefix},
	})
	return client, srv
}

// requireAPIError asserts err is the modeled or generic API error code.
func requireAPIError(t *testing.T, err error, code string) {
	t.Helper()

	var apiErr smithy.APIError
	require.True(t, errors.As(err, &apiErr), "API error, got %v", err)
	require.Equal(t, code, apiErr.ErrorCode(), "error code (message %q)", apiErr.ErrorMessage())
}

func TestEmulatorServiceLifecycle(t *testing.T) {
	ctx := context.Background()
	c, srv := emulatorClient(t)

	reg, err := c.RegisterService(ctx, &official.RegisterServiceInput{
		Service: otypes.PostRegisterServiceSupportedServiceMcpServer,
		Name:    aws.String("tools"),
		Tags:    map[string]string{"team": "ops"},
		ServiceDetails: &otypes.ServiceDetailsMemberMcpserver{Value: otypes.MCPServerDetails{
			Name: aws.String("tools"), Endpoint: aws.String("https://mcp.example.com"),
			AuthorizationConfig: &otypes.MCPServerAuthorizationConfigMemberApiKey{
				Value: otypes.MCPServerAPIKeyConfig{ApiKeyName: aws.String("key"),
					ApiKeyValue: aws.String("secret-value"), ApiKeyHeader: aws.String("X-Api-Key")},
			},
		}},
	})
	require.NoError(t, err)
	require.NotEmpty(t, aws.ToString(reg.ServiceId))
	assert.Nil(t, reg.AdditionalStep)
	assert.Equal(t, map[string]string{"team": "ops"}, reg.Tags)

	got, err := c.GetService(ctx, &official.GetServiceInput{ServiceId: reg.ServiceId})
	require.NoError(t, err)
	assert.Equal(t, otypes.ServiceMcpServer, got.Service.ServiceType)
	assert.Equal(t, "tools", aws.ToString(got.Service.Name))
	details, ok := got.Service.AdditionalServiceDetails.(*otypes.AdditionalServiceDetailsMemberMcpserver)
	require.True(t, ok, "details member, got %T", got.Service.AdditionalServiceDetails)
	assert.Equal(t, otypes.MCPServerAuthorizationMethodApiKey, details.Value.AuthorizationMethod)
	assert.Equal(t, "X-Api-Key", aws.ToString(details.Value.ApiKeyHeader))

	oauthID := registerWithOAuth(t, c, srv)
	_, err = c.GetService(ctx, &official.GetServiceInput{ServiceId: aws.String(oauthID)})
	require.NoError(t, err)

	_, err = c.GetService(ctx, &official.GetServiceInput{ServiceId: aws.String("no-such-service")})
	requireAPIError(t, err, "ResourceNotFoundException")

	_, err = c.RegisterService(ctx, &official.RegisterServiceInput{
		Service:        otypes.PostRegisterServiceSupportedServiceGitlab,
		ServiceDetails: &otypes.ServiceDetailsMemberEventChannel{},
	})
	requireAPIError(t, err, "ValidationException")
}

// registerWithOAuth registers an OAuth 3LO server, plays the browser
// through the emulator and returns the new service id.
func registerWithOAuth(t *testing.T, c *official.Client, srv *devopsagentlocal.Server) string {
	t.Helper()
	ctx := context.Background()

	reg, err := c.RegisterService(ctx, &official.RegisterServiceInput{
		Service: otypes.PostRegisterServiceSupportedServiceMcpServer,
		ServiceDetails: &otypes.ServiceDetailsMemberMcpserver{Value: otypes.MCPServerDetails{
			Name: aws.String("oauth"), Endpoint: aws.String("https://mcp.example.com"),
			AuthorizationConfig: &otypes.MCPServerAuthorizationConfigMemberOAuth3LO{
				Value: otypes.MCPServerOAuth3LOConfig{
					ClientId:         aws.String("client"),
					AuthorizationUrl: aws.String("https://idp.example.com/authorize"),
					ExchangeUrl:      aws.String("https://idp.example.com/token"),
					ReturnToEndpoint: aws.String("https://x.console.aws.amazon.com/back"),
				},
			},
		}},
	})
	require.NoError(t, err)

	step, ok := reg.AdditionalStep.(*otypes.AdditionalServiceRegistrationStepMemberOauth)
	require.True(t, ok, "oauth step, got %T", reg.AdditionalStep)
	id, err := srv.CompleteOAuth(ctx, aws.ToString(step.Value.AuthorizationUrl))
	require.NoError(t, err)
	return id
}

func TestEmulatorServicePagination(t *testing.T) {
	ctx := context.Background()
	c, srv := emulatorClient(t)

	want := map[string]bool{}
	for _, id := range []string{"gh-1", "gh-2", "gh-3", "slack-1", "gh-4"} {
		kind := strings.TrimRight(id, "-1234")
		details := `{"github":{"owner":"o","ownerType":"user"}}`
		if kind == "slack" {
			details = `{"slack":{"teamId":"T1","teamName":"t"}}`
		}
		require.NoError(t, srv.AddService(devopsagentlocal.SeedService{
			ServiceID: id, ServiceType: map[string]string{"gh": "github", "slack": "slack"}[kind],
			AdditionalServiceDetails: []byte(details),
		}))
		if kind == "gh" {
			want[id] = true
		}
	}

	p := official.NewListServicesPaginator(c,
		&official.ListServicesInput{FilterServiceType: otypes.ServiceGithub},
		func(o *official.ListServicesPaginatorOptions) { o.Limit = 3; o.StopOnDuplicateToken = true })
	got := map[string]bool{}
	pages := 0
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		require.NoError(t, err)
		assert.LessOrEqual(t, len(page.Services), 3)
		for _, s := range page.Services {
			assert.False(t, got[aws.ToString(s.ServiceId)], "service listed twice")
			got[aws.ToString(s.ServiceId)] = true
		}
		pages++
	}
	assert.Equal(t, want, got)
	assert.Equal(t, 2, pages)

	_, err := c.ListServices(ctx, &official.ListServicesInput{NextToken: aws.String("forged")})
	requireAPIError(t, err, "ValidationException")
}

func TestEmulatorAssociationLifecycle(t *testing.T) {
	ctx := context.Background()
	c, srv := emulatorClient(t)
	space := aws.String(devopsagentlocal.DefaultAgentSpaceID)

	require.NoError(t, srv.AddService(devopsagentlocal.SeedService{
		ServiceID: "gh-main", ServiceType: "github",
		AdditionalServiceDetails: []byte(`{"github":{"owner":"octo","ownerType":"organization"}}`),
	}))
	github := func(repo string) otypes.ServiceConfiguration {
		return &otypes.ServiceConfigurationMemberGithub{Value: otypes.GitHubConfiguration{
			Owner: aws.String("octo"), OwnerType: otypes.GithubRepoOwnerTypeOrganization,
			RepoId: aws.String("1"), RepoName: aws.String(repo),
		}}
	}

	created, err := c.AssociateService(ctx, &official.AssociateServiceInput{
		AgentSpaceId: space, ServiceId: aws.String("gh-main"), Configuration: github("one"),
	})
	require.NoError(t, err)
	a := created.Association
	require.NotNil(t, a)
	assert.Equal(t, "gh-main", aws.ToString(a.ServiceId))
	assert.Equal(t, otypes.ValidationStatusValid, a.Status)
	require.NotNil(t, a.CreatedAt)
	require.NotNil(t, a.UpdatedAt)

	updated, err := c.UpdateAssociation(ctx, &official.UpdateAssociationInput{
		AgentSpaceId: space, AssociationId: a.AssociationId, Configuration: github("two"),
	})
	require.NoError(t, err)
	gh, ok := updated.Association.Configuration.(*otypes.ServiceConfigurationMemberGithub)
	require.True(t, ok, "configuration member, got %T", updated.Association.Configuration)
	assert.Equal(t, "two", aws.ToString(gh.Value.RepoName))

	read, err := c.GetAssociation(ctx, &official.GetAssociationInput{
		AgentSpaceId: space, AssociationId: a.AssociationId})
	require.NoError(t, err)
	assert.Equal(t, updated.Association.Configuration, read.Association.Configuration)

	acct, err := c.AssociateService(ctx, &official.AssociateServiceInput{
		AgentSpaceId: space, ServiceId: aws.String("aws"),
		Configuration: &otypes.ServiceConfigurationMemberAws{Value: otypes.AWSConfiguration{
			AccountId: aws.String("123456789012"), AccountType: otypes.MonitorAccountTypeMonitor,
			AssumableRoleArn: aws.String(roleArn),
		}},
	})
	require.NoError(t, err)
	assert.Equal(t, otypes.ValidationStatusPendingConfirmation, acct.Association.Status)

	ids := listAllAssociations(t, c, space)
	assert.ElementsMatch(t, []string{aws.ToString(a.AssociationId), aws.ToString(acct.Association.AssociationId)}, ids)

	_, err = c.GetAssociation(ctx, &official.GetAssociationInput{
		AgentSpaceId: space, AssociationId: aws.String("missing")})
	requireAPIError(t, err, "ResourceNotFoundException")

	_, err = c.AssociateService(ctx, &official.AssociateServiceInput{
		AgentSpaceId: space, ServiceId: aws.String("gh-main"),
		Configuration: &otypes.ServiceConfigurationMemberAzure{
			Value: otypes.AzureConfiguration{SubscriptionId: aws.String("s")}},
	})
	requireAPIError(t, err, "ValidationException")
}

// listAllAssociations walks ListAssociations one item per page.
func listAllAssociations(t *testing.T, c *official.Client, space *string) []string {
	t.Helper()

	var ids []string
	p := official.NewListAssociationsPaginator(c, &official.ListAssociationsInput{AgentSpaceId: space},
		func(o *official.ListAssociationsPaginatorOptions) { o.Limit = 1 })
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		require.NoError(t, err)
		require.LessOrEqual(t, len(page.Associations), 1)
		for _, a := range page.Associations {
			ids = append(ids, aws.ToString(a.AssociationId))
		}
	}
	return ids
}

func TestEmulatorTaskLifecycle(t *testing.T) {
	ctx := context.Background()
	c, _ := emulatorClient(t)
	space := aws.String(devopsagentlocal.DefaultAgentSpaceID)

	in := &official.CreateBacklogTaskInput{
		AgentSpaceId: space, Title: aws.String("disk full"), Description: aws.String("on db-1"),
		TaskType: otypes.TaskTypeInvestigation, Priority: otypes.PriorityHigh,
		ClientToken: aws.String("token-1"),
	}
	first, err := c.CreateBacklogTask(ctx, in)
	require.NoError(t, err)
	tk := first.Task
	assert.Equal(t, otypes.TaskStatusPendingStart, tk.Status)
	assert.Equal(t, "disk full", aws.ToString(tk.Title))

	again, err := c.CreateBacklogTask(ctx, in)
	require.NoError(t, err, "same token, same input: replay")
	assert.Equal(t, aws.ToString(tk.TaskId), aws.ToString(again.Task.TaskId))

	changed := *in
	changed.Title = aws.String("disk very full")
	_, err = c.CreateBacklogTask(ctx, &changed)
	requireAPIError(t, err, "ConflictException")

	for _, status := range []otypes.TaskStatus{otypes.TaskStatusInProgress, otypes.TaskStatusCompleted} {
		out, err := c.UpdateBacklogTask(ctx, &official.UpdateBacklogTaskInput{
			AgentSpaceId: space, TaskId: tk.TaskId, TaskStatus: status})
		require.NoError(t, err)
		assert.Equal(t, status, out.Task.Status)
	}
	_, err = c.UpdateBacklogTask(ctx, &official.UpdateBacklogTaskInput{
		AgentSpaceId: space, TaskId: tk.TaskId, TaskStatus: otypes.TaskStatusInProgress})
	requireAPIError(t, err, "ConflictException")

	read, err := c.GetBacklogTask(ctx, &official.GetBacklogTaskInput{AgentSpaceId: space, TaskId: tk.TaskId})
	require.NoError(t, err)
	assert.Equal(t, otypes.TaskStatusCompleted, read.Task.Status)

	_, err = c.GetBacklogTask(ctx, &official.GetBacklogTaskInput{
		AgentSpaceId: aws.String("no-such-space"), TaskId: tk.TaskId})
	requireAPIError(t, err, "ResourceNotFoundException")

	_, err = c.CreateBacklogTask(ctx, &official.CreateBacklogTaskInput{
		AgentSpaceId: space, Title: aws.String(strings.Repeat("x", 401)),
		TaskType: otypes.TaskTypeEvaluation, Priority: otypes.PriorityLow,
	})
	var invalid *otypes.ValidationException
	require.True(t, errors.As(err, &invalid), "ValidationException, got %v", err)
	require.NotEmpty(t, invalid.FieldList)
	assert.Contains(t, aws.ToString(invalid.FieldList[0].Path), "title")
}

func TestEmulatorTaskPagination(t *testing.T) {
	ctx := context.Background()
	c, _ := emulatorClient(t)
	space := aws.String(devopsagentlocal.DefaultAgentSpaceID)

	created := map[string]bool{}
	for i, p := range []otypes.Priority{"LOW", "HIGH", "LOW", "CRITICAL", "LOW"} {
		out, err := c.CreateBacklogTask(ctx, &official.CreateBacklogTaskInput{
			AgentSpaceId: space, Title: aws.String(strings.Repeat("t", i+1)),
			TaskType: otypes.TaskTypeInvestigation, Priority: p,
		})
		require.NoError(t, err)
		if p == "LOW" {
			created[aws.ToString(out.Task.TaskId)] = true
		}
	}

	p := official.NewListBacklogTasksPaginator(c, &official.ListBacklogTasksInput{
		AgentSpaceId: space,
		Filter:       &otypes.TaskFilter{Priority: []otypes.Priority{otypes.PriorityLow}},
		SortField:    otypes.TaskSortFieldCreatedAt, Order: otypes.TaskSortOrderAsc,
	}, func(o *official.ListBacklogTasksPaginatorOptions) { o.Limit = 2 })

	seen := map[string]bool{}
	var titles []string
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		require.NoError(t, err)
		require.LessOrEqual(t, len(page.Tasks), 2)
		for _, tk := range page.Tasks {
			seen[aws.ToString(tk.TaskId)] = true
			titles = append(titles, aws.ToString(tk.Title))
		}
	}
	assert.Equal(t, created, seen)
	assert.Equal(t, []string{"t", "ttt", "ttttt"}, titles, "ascending by creation")
}

func TestEmulatorRejectsBadSignature(t *testing.T) {
	c, _ := emulatorClient(t)

	_, err := c.GetService(context.Background(), &official.GetServiceInput{ServiceId: aws.String("x")},
		func(o *official.Options) {
			o.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
				return aws.Credentials{AccessKeyID: devopsagentlocal.DefaultAccessKeyID,
					SecretAccessKey: "wrong"}, nil
			})
		})
	var apiErr smithy.APIError
	require.True(t, errors.As(err, &apiErr), "API error, got %v", err)
	assert.NotEqual(t, "ResourceNotFoundException", apiErr.ErrorCode(), "request must not reach the handler")
}
