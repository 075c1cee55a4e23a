package conformance

// The official union member types the converter maps our members onto,
// and toOfficial, which states an input once (in our types) for both.

import (
	"testing"

	otypes "github.com/aws/aws-sdk-go-v2/service/devopsagent/types"
	"github.com/devopsagent-go/devopsagent/conformance/internal/mirror"
	"github.com/devopsagent-go/devopsagent/types"
	"github.com/stretchr/testify/require"
)

// officialUnionMembers are the member types of every union the 11 shared
// operations can send or receive, in the official client. A member of
// ours that is missing here is one v1.5.2 does not know (a v1.8.0
// addition); the converter reports it as a gap.
var officialUnionMembers = mirror.NewRegistry(
	&otypes.UnknownUnionMember{},

	&otypes.ServiceConfigurationMemberSourceAws{},
	&otypes.ServiceConfigurationMemberAws{},
	&otypes.ServiceConfigurationMemberGithub{},
	&otypes.ServiceConfigurationMemberSlack{},
	&otypes.ServiceConfigurationMemberDynatrace{},
	&otypes.ServiceConfigurationMemberServicenow{},
	&otypes.ServiceConfigurationMemberMcpservernewrelic{},
	&otypes.ServiceConfigurationMemberMcpserverdatadog{},
	&otypes.ServiceConfigurationMemberMcpserver{},
	&otypes.ServiceConfigurationMemberGitlab{},
	&otypes.ServiceConfigurationMemberMcpserversplunk{},
	&otypes.ServiceConfigurationMemberEventChannel{},
	&otypes.ServiceConfigurationMemberAzure{},
	&otypes.ServiceConfigurationMemberAzuredevops{},
	&otypes.ServiceConfigurationMemberMcpservergrafana{},
	&otypes.ServiceConfigurationMemberPagerduty{},
	&otypes.ServiceConfigurationMemberMcpserversigv4{},

	&otypes.ServiceDetailsMemberDynatrace{},
	&otypes.ServiceDetailsMemberServicenow{},
	&otypes.ServiceDetailsMemberMcpserverdatadog{},
	&otypes.ServiceDetailsMemberMcpserver{},
	&otypes.ServiceDetailsMemberGitlab{},
	&otypes.ServiceDetailsMemberMcpserversplunk{},
	&otypes.ServiceDetailsMemberMcpservernewrelic{},
	&otypes.ServiceDetailsMemberEventChannel{},
	&otypes.ServiceDetailsMemberMcpservergrafana{},
	&otypes.ServiceDetailsMemberPagerduty{},
	&otypes.ServiceDetailsMemberAzureidentity{},
	&otypes.ServiceDetailsMemberMcpserversigv4{},

	&otypes.DatadogAuthorizationConfigMemberAuthorizationDiscovery{},
	&otypes.DynatraceServiceAuthorizationConfigMemberOAuthClientCredentials{},
	&otypes.MCPServerAuthorizationConfigMemberOAuthClientCredentials{},
	&otypes.MCPServerAuthorizationConfigMemberOAuth3LO{},
	&otypes.MCPServerAuthorizationConfigMemberApiKey{},
	&otypes.MCPServerAuthorizationConfigMemberBearerToken{},
	&otypes.MCPServerAuthorizationConfigMemberAuthorizationDiscovery{},
	&otypes.NewRelicServiceAuthorizationConfigMemberApiKey{},
	&otypes.PagerDutyAuthorizationConfigMemberOAuthClientCredentials{},
	&otypes.ServiceNowServiceAuthorizationConfigMemberOAuthClientCredentials{},

	&otypes.AdditionalServiceDetailsMemberGithub{},
	&otypes.AdditionalServiceDetailsMemberSlack{},
	&otypes.AdditionalServiceDetailsMemberMcpserverdatadog{},
	&otypes.AdditionalServiceDetailsMemberMcpserver{},
	&otypes.AdditionalServiceDetailsMemberServicenow{},
	&otypes.AdditionalServiceDetailsMemberGitlab{},
	&otypes.AdditionalServiceDetailsMemberMcpserversplunk{},
	&otypes.AdditionalServiceDetailsMemberMcpservernewrelic{},
	&otypes.AdditionalServiceDetailsMemberAzuredevops{},
	&otypes.AdditionalServiceDetailsMemberAzureidentity{},
	&otypes.AdditionalServiceDetailsMemberMcpservergrafana{},
	&otypes.AdditionalServiceDetailsMemberPagerduty{},
	&otypes.AdditionalServiceDetailsMemberMcpserversigv4{},
	&otypes.AdditionalServiceRegistrationStepMemberOauth{},
)

// ourUnionMembers are every union member type of ours reachable from the
// 13 operations; the surface test checks it against the official list.
var ourUnionMembers = mirror.NewRegistry(
	&types.UnknownUnionMember{},

	&types.ServiceConfigurationMemberSourceAws{},
	&types.ServiceConfigurationMemberAws{},
	&types.ServiceConfigurationMemberGithub{},
	&types.ServiceConfigurationMemberSlack{},
	&types.ServiceConfigurationMemberDynatrace{},
	&types.ServiceConfigurationMemberServicenow{},
	&types.ServiceConfigurationMemberMcpservernewrelic{},
	&types.ServiceConfigurationMemberMcpserverdatadog{},
	&types.ServiceConfigurationMemberMcpserver{},
	&types.ServiceConfigurationMemberGitlab{},
	&types.ServiceConfigurationMemberMcpserversplunk{},
	&types.ServiceConfigurationMemberEventChannel{},
	&types.ServiceConfigurationMemberAzure{},
	&types.ServiceConfigurationMemberAzuredevops{},
	&types.ServiceConfigurationMemberMcpservergrafana{},
	&types.ServiceConfigurationMemberPagerduty{},
	&types.ServiceConfigurationMemberMcpserversigv4{},
	&types.ServiceConfigurationMemberRemoteagent{},
	&types.ServiceConfigurationMemberRemoteagentsigv4{},

	&types.ServiceDetailsMemberDynatrace{},
	&types.ServiceDetailsMemberServicenow{},
	&types.ServiceDetailsMemberMcpserverdatadog{},
	&types.ServiceDetailsMemberMcpserver{},
	&types.ServiceDetailsMemberGitlab{},
	&types.ServiceDetailsMemberMcpserversplunk{},
	&types.ServiceDetailsMemberMcpservernewrelic{},
	&types.ServiceDetailsMemberEventChannel{},
	&types.ServiceDetailsMemberMcpservergrafana{},
	&types.ServiceDetailsMemberPagerduty{},
	&types.ServiceDetailsMemberAzureidentity{},
	&types.ServiceDetailsMemberMcpserversigv4{},
	&types.ServiceDetailsMemberRemoteagent{},
	&types.ServiceDetailsMemberRemoteagentsigv4{},

	&types.DatadogAuthorizationConfigMemberAuthorizationDiscovery{},
	&types.DynatraceServiceAuthorizationConfigMemberOAuthClientCredentials{},
	&types.MCPServerAuthorizationConfigMemberOAuthClientCredentials{},
	&types.MCPServerAuthorizationConfigMemberOAuth3LO{},
	&types.MCPServerAuthorizationConfigMemberApiKey{},
	&types.MCPServerAuthorizationConfigMemberBearerToken{},
	&types.MCPServerAuthorizationConfigMemberAuthorizationDiscovery{},
	&types.NewRelicServiceAuthorizationConfigMemberApiKey{},
	&types.PagerDutyAuthorizationConfigMemberOAuthClientCredentials{},
	&types.ServiceNowServiceAuthorizationConfigMemberOAuthClientCredentials{},
	&types.RemoteAgentAuthorizationConfigMemberApiKey{},
	&types.RemoteAgentAuthorizationConfigMemberOAuthClientCredentials{},
	&types.RemoteAgentAuthorizationConfigMemberBearerToken{},

	&types.AdditionalServiceDetailsMemberGithub{},
	&types.AdditionalServiceDetailsMemberSlack{},
	&types.AdditionalServiceDetailsMemberMcpserverdatadog{},
	&types.AdditionalServiceDetailsMemberMcpserver{},
	&types.AdditionalServiceDetailsMemberServicenow{},
	&types.AdditionalServiceDetailsMemberGitlab{},
	&types.AdditionalServiceDetailsMemberMcpserversplunk{},
	&types.AdditionalServiceDetailsMemberMcpservernewrelic{},
	&types.AdditionalServiceDetailsMemberAzuredevops{},
	&types.AdditionalServiceDetailsMemberAzureidentity{},
	&types.AdditionalServiceDetailsMemberMcpservergrafana{},
	&types.AdditionalServiceDetailsMemberPagerduty{},
	&types.AdditionalServiceDetailsMemberMcpserversigv4{},
	&types.AdditionalServiceDetailsMemberRemoteagent{},
	&types.AdditionalServiceDetailsMemberRemoteagentsigv4{},
	&types.AdditionalServiceRegistrationStepMemberOauth{},

	&types.AssetContentMemberFile{},
	&types.AssetContentMemberZip{},
	&types.AssetContentMemberSourceUrl{},
	&types.AssetFileBodyMemberBytes{},
	&types.AssetFileBodyMemberText{},
)

// toOfficial converts our input for op into the official input type and
// fails the test on any gap: shared-operation inputs must only use what
// v1.5.2 knows (newer members are tested in additions_test.go).
func toOfficial(t *testing.T, op operation, in any) any {
	t.Helper()

	out, gaps := convertInput(t, op, in)
	require.Empty(t, gaps, "input members v1.5.2 does not know")
	return out
}

// convertInput converts our input for op and returns the gaps too.
func convertInput(t *testing.T, op operation, in any) (any, []mirror.Gap) {
	t.Helper()

	out := op.newOfficialInput()
	gaps, err := mirror.Convert(officialUnionMembers, in, out)
	require.NoError(t, err, "convert %s input", op.name)
	return out, gaps
}

// officialEnums are the official enum types reachable from the 11 shared
// operations, by type name (a zero value of each). ourEnums below must
// have each of them.
var officialEnums = map[string]any{
	"EventChannelType":                    otypes.EventChannelType(""),
	"GitLabTokenType":                     otypes.GitLabTokenType(""),
	"GithubRepoOwnerType":                 otypes.GithubRepoOwnerType(""),
	"MCPServerAuthorizationMethod":        otypes.MCPServerAuthorizationMethod(""),
	"MonitorAccountType":                  otypes.MonitorAccountType(""),
	"NewRelicRegion":                      otypes.NewRelicRegion(""),
	"PostRegisterServiceSupportedService": otypes.PostRegisterServiceSupportedService(""),
	"Priority":                            otypes.Priority(""),
	"Service":                             otypes.Service(""),
	"SourceAccountType":                   otypes.SourceAccountType(""),
	"TaskSortField":                       otypes.TaskSortField(""),
	"TaskSortOrder":                       otypes.TaskSortOrder(""),
	"TaskStatus":                          otypes.TaskStatus(""),
	"TaskType":                            otypes.TaskType(""),
	"ValidationStatus":                    otypes.ValidationStatus(""),
	"WebhookType":                         otypes.WebhookType(""),
}

// ourEnums are our enum types reachable from the 13 operations.
var ourEnums = map[string]any{
	"CapabilityType":                      types.CapabilityType(""),
	"EventChannelType":                    types.EventChannelType(""),
	"GitLabTokenType":                     types.GitLabTokenType(""),
	"GithubRepoOwnerType":                 types.GithubRepoOwnerType(""),
	"MCPServerAuthorizationMethod":        types.MCPServerAuthorizationMethod(""),
	"MonitorAccountType":                  types.MonitorAccountType(""),
	"NewRelicRegion":                      types.NewRelicRegion(""),
	"PostRegisterServiceSupportedService": types.PostRegisterServiceSupportedService(""),
	"Priority":                            types.Priority(""),
	"RemoteAgentAuthorizationMethod":      types.RemoteAgentAuthorizationMethod(""),
	"Service":                             types.Service(""),
	"SourceAccountType":                   types.SourceAccountType(""),
	"TaskSortField":                       types.TaskSortField(""),
	"TaskSortOrder":                       types.TaskSortOrder(""),
	"TaskStatus":                          types.TaskStatus(""),
	"TaskType":                            types.TaskType(""),
	"ValidationStatus":                    types.ValidationStatus(""),
	"WebhookType":                         types.WebhookType(""),
}
