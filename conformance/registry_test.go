package conformance

// The official union member types the converter maps our members onto,
// and toOfficial, which states an input once (in our types) for both.

import (
	"testing"

	otypes "github.com/aws/aws-sdk-go-v2/service/devopsagent/types"
	"github.com/devopsagent-go/devopsagent/conformance/internal/mirror"
	"github.com/stretchr/testify/require"
)

// officialUnionMembers are the member types of every union an input of
// the 11 shared operations can hold, in the official client. A member of
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
// operations, by type name (a zero value of each).
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
