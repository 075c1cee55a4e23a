package conformance

// Request inputs, each stated once in our types; toOfficial converts them
// for the official client. Together they set every member, every union
// member and every enum value both clients know.

import (
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ours "github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/conformance/internal/mirror"
	"github.com/devopsagent-go/devopsagent/types"
)

// labels are path label values that need escaping in different ways.
var labels = map[string]string{
	"plain":     "space-01",
	"space":     "with space",
	"slash":     "a/b/c",
	"percent":   "100%25done",
	"unicode":   "ünï-日本-🙂",
	"reserved":  "a+b=c&d?e#f;g,h",
	"unreserve": "A-Z_a.z~0",
}

// requestCase is one call, stated once in our input type.
type requestCase struct {
	name  string
	op    string
	input any

	// canonical: the body holds a map with more than one entry, so bodies
	// are compared with object keys sorted (facts.md §H.4).
	canonical bool
}

// shared returns the values of an enum of ours that v1.5.2 also declares
// (the others are v1.8.0 additions, tested in additions_test.go).
func shared[T ~string](values []T, official []string) []T {
	var out []T
	for _, v := range values {
		if slices.Contains(official, string(v)) {
			out = append(out, v)
		}
	}
	return out
}

// ourConfigurations holds a fully populated ServiceConfiguration for every
// member both clients know, keyed by a case name.
func ourConfigurations() map[string]types.ServiceConfiguration {
	return map[string]types.ServiceConfiguration{
		"sourceAws": &types.ServiceConfigurationMemberSourceAws{Value: types.SourceAwsConfiguration{
			AccountId: aws.String("123456789012"), AccountType: types.SourceAccountTypeSource,
			AssumableRoleArn: aws.String(roleArn), ExternalId: aws.String("external-1"),
		}},
		"aws": &types.ServiceConfigurationMemberAws{Value: types.AWSConfiguration{
			AccountId: aws.String("210987654321"), AccountType: types.MonitorAccountTypeMonitor,
			AssumableRoleArn: aws.String(roleArn),
		}},
		"github": &types.ServiceConfigurationMemberGithub{Value: types.GitHubConfiguration{
			Owner: aws.String("octo"), OwnerType: types.GithubRepoOwnerTypeOrganization,
			RepoId: aws.String("42"), RepoName: aws.String("repo"),
			InstanceIdentifier: aws.String("ghe-1"),
		}},
		"github-user": &types.ServiceConfigurationMemberGithub{Value: types.GitHubConfiguration{
			Owner: aws.String("me"), OwnerType: types.GithubRepoOwnerTypeUser,
			RepoId: aws.String("43"), RepoName: aws.String(sampleText),
		}},
		"slack": &types.ServiceConfigurationMemberSlack{Value: types.SlackConfiguration{
			WorkspaceId: aws.String("T0123ABC"), WorkspaceName: aws.String("ws"),
			TransmissionTarget: &types.SlackTransmissionTarget{
				OpsOncallTarget: &types.SlackChannel{
					ChannelId: aws.String("C0123456"), ChannelName: aws.String("oncall"),
				},
				OpsSRETarget: &types.SlackChannel{ChannelId: aws.String("G0123456")},
			},
		}},
		"dynatrace": &types.ServiceConfigurationMemberDynatrace{Value: types.DynatraceConfiguration{
			EnvId: aws.String("env-1"), Resources: []string{"r1", "r2"},
		}},
		"servicenow": &types.ServiceConfigurationMemberServicenow{Value: types.ServiceNowConfiguration{
			AuthScopes: []string{"a", "b"}, InstanceId: aws.String("inst"),
		}},
		"mcpservernewrelic": &types.ServiceConfigurationMemberMcpservernewrelic{
			Value: types.MCPServerNewRelicConfiguration{
				AccountId: aws.String("1234"), Endpoint: aws.String("https://nr.example.com/mcp"),
			}},
		"mcpserverdatadog": &types.ServiceConfigurationMemberMcpserverdatadog{},
		"mcpserver": &types.ServiceConfigurationMemberMcpserver{Value: types.MCPServerConfiguration{
			Tools: []string{"t1", "t2"},
		}},
		"mcpserver-empty-tools": &types.ServiceConfigurationMemberMcpserver{
			Value: types.MCPServerConfiguration{Tools: []string{}},
		},
		"gitlab": &types.ServiceConfigurationMemberGitlab{Value: types.GitLabConfiguration{
			ProjectId: aws.String("7"), ProjectPath: aws.String("group/project"),
			InstanceIdentifier: aws.String("gl-1"),
		}},
		"mcpserversplunk": &types.ServiceConfigurationMemberMcpserversplunk{},
		"eventChannel":    &types.ServiceConfigurationMemberEventChannel{},
		"azure": &types.ServiceConfigurationMemberAzure{Value: types.AzureConfiguration{
			SubscriptionId: aws.String("sub-1"),
		}},
		"azuredevops": &types.ServiceConfigurationMemberAzuredevops{Value: types.AzureDevOpsConfiguration{
			OrganizationName: aws.String("org"), ProjectId: aws.String("p-1"),
			ProjectName: aws.String("project"),
		}},
		"mcpservergrafana": &types.ServiceConfigurationMemberMcpservergrafana{
			Value: types.MCPServerGrafanaConfiguration{
				Endpoint: aws.String("https://grafana.example.com"), OrganizationId: aws.String("12"),
				Tools: []string{"query"},
			}},
		"pagerduty": &types.ServiceConfigurationMemberPagerduty{Value: types.PagerDutyConfiguration{
			CustomerEmail: aws.String("ops@example.com"), Services: []string{"PSVC1", "PSVC2"},
		}},
		"mcpserversigv4": &types.ServiceConfigurationMemberMcpserversigv4{
			Value: types.MCPServerSigV4Configuration{Tools: []string{"sig"}},
		},
	}
}

// ourMCPAuthorizations holds every MCPServerAuthorizationConfig member.
// The OAuth maps have one entry so bodies can be compared byte for byte.
func ourMCPAuthorizations() map[string]types.MCPServerAuthorizationConfig {
	return map[string]types.MCPServerAuthorizationConfig{
		"oauth-client-credentials": &types.MCPServerAuthorizationConfigMemberOAuthClientCredentials{
			Value: types.MCPServerOAuthClientCredentialsConfig{
				ClientId: aws.String("client"), ClientSecret: aws.String("secret"),
				ExchangeUrl: aws.String("https://idp.example.com/token"), ClientName: aws.String("name"),
				ExchangeParameters: map[string]string{"audience": "api"},
				Scopes:             []string{"read", "write"},
			}},
		"oauth-3lo": &types.MCPServerAuthorizationConfigMemberOAuth3LO{Value: types.MCPServerOAuth3LOConfig{
			AuthorizationUrl: aws.String("https://idp.example.com/authorize"),
			ClientId:         aws.String("client"),
			ExchangeUrl:      aws.String("https://idp.example.com/token"),
			ReturnToEndpoint: aws.String("https://x.console.aws.amazon.com/back"),
			ClientName:       aws.String("name"), ClientSecret: aws.String("secret"),
			ExchangeParameters:   map[string]string{"resource": "r"},
			Scopes:               []string{"openid"},
			SupportCodeChallenge: true,
		}},
		"oauth-3lo-minimal": &types.MCPServerAuthorizationConfigMemberOAuth3LO{Value: types.MCPServerOAuth3LOConfig{
			AuthorizationUrl: aws.String("https://idp.example.com/authorize"),
			ClientId:         aws.String("client"),
			ExchangeUrl:      aws.String("https://idp.example.com/token"),
			ReturnToEndpoint: aws.String("https://x.console.aws.amazon.com/back"),
		}},
		"api-key": &types.MCPServerAuthorizationConfigMemberApiKey{Value: types.MCPServerAPIKeyConfig{
			ApiKeyHeader: aws.String("X-Api-Key"), ApiKeyName: aws.String("key name"),
			ApiKeyValue: aws.String("v a l u e"),
		}},
		"bearer-token": &types.MCPServerAuthorizationConfigMemberBearerToken{Value: types.MCPServerBearerTokenConfig{
			TokenName: aws.String("token"), TokenValue: aws.String("t0k3n"),
			AuthorizationHeader: aws.String("X-Auth"),
		}},
		"bearer-token-default-header": &types.MCPServerAuthorizationConfigMemberBearerToken{
			Value: types.MCPServerBearerTokenConfig{TokenName: aws.String("token"), TokenValue: aws.String("t")},
		},
		"authorization-discovery": &types.MCPServerAuthorizationConfigMemberAuthorizationDiscovery{
			Value: types.MCPServerAuthorizationDiscoveryConfig{
				ReturnToEndpoint: aws.String("https://x.console.aws.amazon.com/back"),
			}},
	}
}

// ourServiceDetails holds a fully populated ServiceDetails for every
// member both clients know (mcpserver once per authorization member), with
// the service label each belongs to.
func ourServiceDetails() map[string]registration {
	oauth := func(tag string) *string { return aws.String("client-" + tag) }
	out := map[string]registration{
		"dynatrace": {types.PostRegisterServiceSupportedServiceDynatrace,
			&types.ServiceDetailsMemberDynatrace{Value: types.DynatraceServiceDetails{
				AccountUrn: aws.String("urn:dtaccount:01234567-89ab-cdef-0123-456789abcdef"),
				AuthorizationConfig: &types.DynatraceServiceAuthorizationConfigMemberOAuthClientCredentials{
					Value: types.DynatraceOAuthClientCredentialsConfig{
						ClientId: oauth("dt"), ClientSecret: aws.String("secret"),
						ClientName: aws.String("dt"), ExchangeParameters: map[string]string{"k": "v"},
					}},
			}}},
		"dynatrace-no-auth": {types.PostRegisterServiceSupportedServiceDynatrace,
			&types.ServiceDetailsMemberDynatrace{Value: types.DynatraceServiceDetails{
				AccountUrn: aws.String("urn:dtaccount:01234567-89ab-cdef-0123-456789abcdef"),
			}}},
		"servicenow": {types.PostRegisterServiceSupportedServiceServicenow,
			&types.ServiceDetailsMemberServicenow{Value: types.ServiceNowServiceDetails{
				InstanceUrl: aws.String("https://acme.service-now.com"),
				AuthorizationConfig: &types.ServiceNowServiceAuthorizationConfigMemberOAuthClientCredentials{
					Value: types.ServiceNowOAuthClientCredentialsConfig{
						ClientId: oauth("sn"), ClientSecret: aws.String("secret"),
						ClientName: aws.String("sn"), ExchangeParameters: map[string]string{"a": "b"},
					}},
			}}},
		"mcpserverdatadog": {types.PostRegisterServiceSupportedServiceMcpServerDatadog,
			&types.ServiceDetailsMemberMcpserverdatadog{Value: types.DatadogServiceDetails{
				AuthorizationConfig: &types.DatadogAuthorizationConfigMemberAuthorizationDiscovery{
					Value: types.MCPServerAuthorizationDiscoveryConfig{
						ReturnToEndpoint: aws.String("https://x.console.aws.amazon.com/dd"),
					}},
				Endpoint: aws.String("https://dd.example.com"), Name: aws.String("dd"),
				Description: aws.String("datadog"),
			}}},
		"gitlab": {types.PostRegisterServiceSupportedServiceGitlab,
			&types.ServiceDetailsMemberGitlab{Value: types.GitLabDetails{
				TargetUrl: aws.String("https://gitlab.example.com"), TokenType: types.GitLabTokenTypePersonal,
				TokenValue: aws.String("glpat-1"), GroupId: aws.String("g-1"),
			}}},
		"gitlab-group": {types.PostRegisterServiceSupportedServiceGitlab,
			&types.ServiceDetailsMemberGitlab{Value: types.GitLabDetails{
				TargetUrl: aws.String("https://gitlab.example.com"), TokenType: types.GitLabTokenTypeGroup,
				TokenValue: aws.String("glpat-2"),
			}}},
		"mcpserversplunk": {types.PostRegisterServiceSupportedServiceMcpServerSplunk,
			&types.ServiceDetailsMemberMcpserversplunk{Value: types.MCPServerDetails{
				AuthorizationConfig: ourMCPAuthorizations()["bearer-token"],
				Endpoint:            aws.String("https://splunk.example.com"), Name: aws.String("splunk"),
			}}},
		"mcpservernewrelic": {types.PostRegisterServiceSupportedServiceMcpServerNewrelic,
			&types.ServiceDetailsMemberMcpservernewrelic{Value: types.NewRelicServiceDetails{
				AuthorizationConfig: &types.NewRelicServiceAuthorizationConfigMemberApiKey{
					Value: types.NewRelicApiKeyConfig{
						AccountId: aws.String("1234"), ApiKey: aws.String("NRAK-ABC"),
						Region: types.NewRelicRegionUs, AlertPolicyIds: []string{"1"},
						ApplicationIds: []string{"2", "3"}, EntityGuids: []string{"g.1"},
					}},
			}}},
		"mcpservernewrelic-eu": {types.PostRegisterServiceSupportedServiceMcpServerNewrelic,
			&types.ServiceDetailsMemberMcpservernewrelic{Value: types.NewRelicServiceDetails{
				AuthorizationConfig: &types.NewRelicServiceAuthorizationConfigMemberApiKey{
					Value: types.NewRelicApiKeyConfig{
						AccountId: aws.String("5678"), ApiKey: aws.String("NRAK-DEF"),
						Region: types.NewRelicRegionEu,
					}},
			}}},
		"eventChannel": {types.PostRegisterServiceSupportedServiceEventchannel,
			&types.ServiceDetailsMemberEventChannel{Value: types.EventChannelDetails{
				Type: types.EventChannelTypeWebhook,
			}}},
		"eventChannel-empty": {types.PostRegisterServiceSupportedServiceEventchannel,
			&types.ServiceDetailsMemberEventChannel{}},
		"mcpservergrafana": {types.PostRegisterServiceSupportedServiceMcpServerGrafana,
			&types.ServiceDetailsMemberMcpservergrafana{Value: types.GrafanaServiceDetails{
				AuthorizationConfig: ourMCPAuthorizations()["api-key"],
				Endpoint:            aws.String("https://grafana.example.com"), Name: aws.String("grafana"),
				Description: aws.String("g"),
			}}},
		"pagerduty": {types.PostRegisterServiceSupportedServicePagerduty,
			&types.ServiceDetailsMemberPagerduty{Value: types.PagerDutyDetails{
				AuthorizationConfig: &types.PagerDutyAuthorizationConfigMemberOAuthClientCredentials{
					Value: types.PagerDutyOAuthClientCredentialsConfig{
						ClientId: oauth("pd"), ClientSecret: aws.String("secret"),
						ClientName: aws.String("pd"), ExchangeParameters: map[string]string{"x": "y"},
					}},
				Scopes: []string{"read", "write"},
			}}},
		"azureidentity": {types.PostRegisterServiceSupportedServiceAzureIdentity,
			&types.ServiceDetailsMemberAzureidentity{Value: types.RegisteredAzureIdentityDetails{
				ClientId:                  aws.String("fedcba98-7654-3210-fedc-ba9876543210"),
				TenantId:                  aws.String("01234567-89ab-cdef-0123-456789abcdef"),
				WebIdentityRoleArn:        aws.String(roleArn),
				WebIdentityTokenAudiences: []string{"aud1", "aud2"},
			}}},
		"mcpserversigv4": {types.PostRegisterServiceSupportedServiceMcpServerSigv4,
			&types.ServiceDetailsMemberMcpserversigv4{Value: types.MCPServerSigV4ServiceDetails{
				AuthorizationConfig: &types.MCPServerSigV4AuthorizationConfig{
					//lint:ignore SA1019 v1.5.2 requires the deprecated roleArn
					Region: aws.String("us-west-2"), RoleArn: aws.String(roleArn),
					Service: aws.String("execute-api"), CustomHeaders: map[string]string{"X-One": "1"},
				},
				Endpoint: aws.String("https://sig.example.com"), Name: aws.String("sig"),
				Description: aws.String("sigv4"),
			}}},
	}

	for name, auth := range ourMCPAuthorizations() {
		out["mcpserver/"+name] = registration{types.PostRegisterServiceSupportedServiceMcpServer,
			&types.ServiceDetailsMemberMcpserver{Value: types.MCPServerDetails{
				AuthorizationConfig: auth,
				Endpoint:            aws.String("https://mcp.example.com/v1"), Name: aws.String("mcp"),
				Description: aws.String(sampleText),
			}}}
	}
	return out
}

// registration pairs a RegisterService label with matching details.
type registration struct {
	service types.PostRegisterServiceSupportedService
	details types.ServiceDetails
}

// requestCases returns every request case of the 11 shared operations.
func requestCases(officialEnums enumValues) []requestCase {
	var cases []requestCase
	for _, build := range []func(enumValues) []requestCase{
		associationCases, backlogCases, listCases, registerCases, labelCases,
	} {
		cases = append(cases, build(officialEnums)...)
	}
	return cases
}

// enumValues are the official enums' value lists, by our enum type name.
type enumValues map[string][]string

func associationCases(enumValues) []requestCase {
	var cases []requestCase
	configs := ourConfigurations()
	for _, name := range sortedNames(configs) {
		cases = append(cases,
			requestCase{name: "config/" + name, op: "AssociateService",
				input: &ours.AssociateServiceInput{
					AgentSpaceId: aws.String(labels["plain"]), ServiceId: aws.String("svc-1"),
					Configuration: configs[name],
				}},
			requestCase{name: "config/" + name, op: "UpdateAssociation",
				input: &ours.UpdateAssociationInput{
					AgentSpaceId: aws.String(labels["plain"]), AssociationId: aws.String("assoc-1"),
					Configuration: configs[name],
				}},
		)
	}
	return cases
}

func backlogCases(official enumValues) []requestCase {
	newTask := func() *ours.CreateBacklogTaskInput {
		return &ours.CreateBacklogTaskInput{
			AgentSpaceId: aws.String(labels["plain"]), Title: aws.String(sampleText),
			TaskType: types.TaskTypeInvestigation, Priority: types.PriorityHigh,
			Description: aws.String("description"), ClientToken: aws.String("caller-token"),
			Reference: &types.ReferenceInput{
				AssociationId: aws.String("assoc-1"), ReferenceId: aws.String("ref-1"),
				ReferenceUrl: aws.String("https://jira.example.com/ref-1"),
				System:       aws.String("jira"), Title: aws.String("ticket"),
			},
		}
	}

	minimal := newTask()
	minimal.Description, minimal.ClientToken, minimal.Reference = nil, nil, nil
	emptyDescription := newTask()
	emptyDescription.Description = aws.String("")
	withTitle := func(title string) *ours.CreateBacklogTaskInput {
		in := newTask()
		in.Title = aws.String(title)
		return in
	}
	cases := []requestCase{
		{name: "full", op: "CreateBacklogTask", input: newTask()},
		{name: "minimal, generated token", op: "CreateBacklogTask", input: minimal},
		{name: "empty description", op: "CreateBacklogTask", input: emptyDescription},
		{name: "control bytes", op: "CreateBacklogTask",
			input: withTitle("ctl\x00\x01\x1f\b\f\r \u2028\u2029 \U0001F642")},
		// 0x7F and invalid UTF-8 are spelled differently on purpose; see
		// TestDifferenceStringEscaping.
		{name: "no status, generated token", op: "UpdateBacklogTask", input: &ours.UpdateBacklogTaskInput{
			AgentSpaceId: aws.String(labels["plain"]), TaskId: aws.String("task-1"),
		}},
	}

	for _, v := range shared(types.TaskType("").Values(), official["TaskType"]) {
		in := newTask()
		in.TaskType = v
		cases = append(cases, requestCase{name: "taskType/" + string(v), op: "CreateBacklogTask", input: in})
	}
	for _, v := range shared(types.Priority("").Values(), official["Priority"]) {
		in := newTask()
		in.Priority = v
		cases = append(cases, requestCase{name: "priority/" + string(v), op: "CreateBacklogTask", input: in})
	}
	for _, v := range shared(types.TaskStatus("").Values(), official["TaskStatus"]) {
		cases = append(cases, requestCase{name: "status/" + string(v), op: "UpdateBacklogTask",
			input: &ours.UpdateBacklogTaskInput{
				AgentSpaceId: aws.String(labels["plain"]), TaskId: aws.String("task-1"),
				TaskStatus: v, ClientToken: aws.String("caller-token"),
			}})
	}
	return cases
}

func listCases(official enumValues) []requestCase {
	east := time.FixedZone("UTC+5:30", 5*3600+1800)
	fullFilter := &types.TaskFilter{
		CreatedAfter:  aws.Time(time.Date(2026, 1, 2, 8, 34, 5, 123456789, east)),
		CreatedBefore: aws.Time(time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)),
		PrimaryTaskId: aws.String("task-0"),
		Priority:      []types.Priority{types.PriorityCritical},
		Status:        []types.TaskStatus{types.TaskStatusInProgress},
		TaskType:      []types.TaskType{types.TaskTypeEvaluation},
	}
	listTasks := func(f *types.TaskFilter) *ours.ListBacklogTasksInput {
		return &ours.ListBacklogTasksInput{AgentSpaceId: aws.String(labels["plain"]), Filter: f}
	}

	full := listTasks(fullFilter)
	full.Limit, full.NextToken = aws.Int32(1000), aws.String("token/with+chars=")
	full.Order, full.SortField = types.TaskSortOrderAsc, types.TaskSortFieldPriority
	zeroLimit := listTasks(nil)
	zeroLimit.Limit = aws.Int32(0)
	cases := []requestCase{
		{name: "empty", op: "ListBacklogTasks", input: listTasks(nil)},
		{name: "empty filter", op: "ListBacklogTasks", input: listTasks(&types.TaskFilter{})},
		{name: "empty lists", op: "ListBacklogTasks", input: listTasks(&types.TaskFilter{
			Priority: []types.Priority{}, Status: []types.TaskStatus{}, TaskType: []types.TaskType{},
		})},
		{name: "zero limit", op: "ListBacklogTasks", input: zeroLimit},
		{name: "full", op: "ListBacklogTasks", input: full},
		{name: "none", op: "ListAssociations", input: &ours.ListAssociationsInput{
			AgentSpaceId: aws.String(labels["plain"]),
		}},
		{name: "all", op: "ListAssociations", input: &ours.ListAssociationsInput{
			AgentSpaceId: aws.String(labels["plain"]), MaxResults: aws.Int32(100),
			NextToken: aws.String("a b/c+d=e&f%g"), FilterServiceTypes: aws.String("github, slack"),
		}},
		{name: "zero maxResults", op: "ListAssociations", input: &ours.ListAssociationsInput{
			AgentSpaceId: aws.String(labels["plain"]), MaxResults: aws.Int32(0),
		}},
		{name: "none", op: "ListServices", input: &ours.ListServicesInput{}},
		{name: "all", op: "ListServices", input: &ours.ListServicesInput{
			FilterServiceType: types.ServiceGithub, MaxResults: aws.Int32(1),
			NextToken: aws.String("ü ~*'()"),
		}},
	}

	cases = append(cases, filterCases(official, listTasks)...)
	for _, v := range shared(types.Service("").Values(), official["Service"]) {
		cases = append(cases, requestCase{name: "filterServiceType/" + string(v), op: "ListServices",
			input: &ours.ListServicesInput{FilterServiceType: v}})
	}
	return cases
}

// filterCases puts every enum value of a ListBacklogTasks body on the wire.
func filterCases(official enumValues, listTasks func(*types.TaskFilter) *ours.ListBacklogTasksInput) []requestCase {
	var cases []requestCase
	add := func(name string, in *ours.ListBacklogTasksInput) {
		cases = append(cases, requestCase{name: name, op: "ListBacklogTasks", input: in})
	}

	for _, v := range shared(types.TaskStatus("").Values(), official["TaskStatus"]) {
		add("filter.status/"+string(v), listTasks(&types.TaskFilter{Status: []types.TaskStatus{v}}))
	}
	for _, v := range shared(types.Priority("").Values(), official["Priority"]) {
		add("filter.priority/"+string(v), listTasks(&types.TaskFilter{Priority: []types.Priority{v}}))
	}
	for _, v := range shared(types.TaskType("").Values(), official["TaskType"]) {
		add("filter.taskType/"+string(v), listTasks(&types.TaskFilter{TaskType: []types.TaskType{v}}))
	}
	for _, v := range shared(types.TaskSortField("").Values(), official["TaskSortField"]) {
		in := listTasks(nil)
		in.SortField = v
		add("sortField/"+string(v), in)
	}
	for _, v := range shared(types.TaskSortOrder("").Values(), official["TaskSortOrder"]) {
		in := listTasks(nil)
		in.Order = v
		add("order/"+string(v), in)
	}
	return cases
}

func registerCases(official enumValues) []requestCase {
	var cases []requestCase
	details := ourServiceDetails()
	for _, name := range sortedNames(details) {
		cases = append(cases, requestCase{name: "details/" + name, op: "RegisterService",
			input: &ours.RegisterServiceInput{
				Service: details[name].service, ServiceDetails: details[name].details,
				KmsKeyArn: aws.String(kmsKeyArn), Name: aws.String("service name"),
				PrivateConnectionName: aws.String("pc-1"), Tags: map[string]string{"team": "ops"},
			}})
	}

	for _, v := range shared(types.PostRegisterServiceSupportedService("").Values(),
		official["PostRegisterServiceSupportedService"]) {
		cases = append(cases, requestCase{name: "service/" + string(v), op: "RegisterService",
			input: &ours.RegisterServiceInput{Service: v, ServiceDetails: details["eventChannel"].details}})
	}

	multi := ourServiceDetails()["mcpserver/oauth-client-credentials"]
	oauth := multi.details.(*types.ServiceDetailsMemberMcpserver).Value.AuthorizationConfig.(*types.MCPServerAuthorizationConfigMemberOAuthClientCredentials)
	oauth.Value.ExchangeParameters = map[string]string{"a": "1", "b": "2", "c": "3"}
	sig := ourServiceDetails()["mcpserversigv4"]
	sig.details.(*types.ServiceDetailsMemberMcpserversigv4).Value.AuthorizationConfig.CustomHeaders =
		map[string]string{"X-A": "1", "X-B": "2"}
	return append(cases,
		requestCase{name: "multi-entry maps", op: "RegisterService", canonical: true,
			input: &ours.RegisterServiceInput{Service: multi.service, ServiceDetails: multi.details,
				Tags: map[string]string{"a": "1", "b": "2", "empty": ""}}},
		requestCase{name: "multi-entry custom headers", op: "RegisterService", canonical: true,
			input: &ours.RegisterServiceInput{Service: sig.service, ServiceDetails: sig.details}},
		requestCase{name: "empty tags", op: "RegisterService",
			input: &ours.RegisterServiceInput{Service: details["mcpserversigv4"].service,
				ServiceDetails: details["mcpserversigv4"].details, Tags: map[string]string{}}},
	)
}

// labelCases sends every label value through every labelled operation.
func labelCases(enumValues) []requestCase {
	var cases []requestCase
	for _, name := range sortedNames(labels) {
		l := aws.String(labels[name])
		config := ourConfigurations()["azure"]
		cases = append(cases,
			requestCase{name: "label/" + name, op: "AssociateService", input: &ours.AssociateServiceInput{
				AgentSpaceId: l, ServiceId: aws.String("svc"), Configuration: config}},
			requestCase{name: "label/" + name, op: "CreateBacklogTask", input: &ours.CreateBacklogTaskInput{
				AgentSpaceId: l, Title: aws.String("t"), TaskType: types.TaskTypeInvestigation,
				Priority: types.PriorityLow}},
			requestCase{name: "label/" + name, op: "GetAssociation", input: &ours.GetAssociationInput{
				AgentSpaceId: l, AssociationId: l}},
			requestCase{name: "label/" + name, op: "GetBacklogTask", input: &ours.GetBacklogTaskInput{
				AgentSpaceId: l, TaskId: l}},
			requestCase{name: "label/" + name, op: "GetService", input: &ours.GetServiceInput{ServiceId: l}},
			requestCase{name: "label/" + name, op: "ListAssociations", input: &ours.ListAssociationsInput{
				AgentSpaceId: l, NextToken: l}},
			requestCase{name: "label/" + name, op: "ListBacklogTasks", input: &ours.ListBacklogTasksInput{
				AgentSpaceId: l, NextToken: l}},
			requestCase{name: "label/" + name, op: "UpdateAssociation", input: &ours.UpdateAssociationInput{
				AgentSpaceId: l, AssociationId: l, Configuration: config}},
			requestCase{name: "label/" + name, op: "UpdateBacklogTask", input: &ours.UpdateBacklogTaskInput{
				AgentSpaceId: l, TaskId: l, TaskStatus: types.TaskStatusCompleted}},
		)
	}
	return cases
}

// sortedNames returns the keys of m in ascending order.
func sortedNames[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

// officialEnumValues collects the official enums' values for shared().
func officialEnumValues() enumValues {
	out := enumValues{}
	for name, sample := range officialEnums {
		out[name] = mirror.EnumValues(sample)
	}
	return out
}
