package types

// The enum values this client knows, exactly as the service model
// (v1.8.0 surface) defines them.

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEnumValues(t *testing.T) {
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"CapabilityType", CapabilityType("").Values(), []CapabilityType{
			"RELEASE_READINESS_REVIEW", "RELEASE_READINESS_REVIEW_AUTOMATED_TESTING"}},
		{"EventChannelType", EventChannelType("").Values(), []EventChannelType{"webhook"}},
		{"GitLabTokenType", GitLabTokenType("").Values(), []GitLabTokenType{"personal", "group"}},
		{"GithubRepoOwnerType", GithubRepoOwnerType("").Values(),
			[]GithubRepoOwnerType{"organization", "user"}},
		{"MCPServerAuthorizationMethod", MCPServerAuthorizationMethod("").Values(),
			[]MCPServerAuthorizationMethod{
				"oauth-client-credentials", "oauth-3lo", "api-key", "bearer-token"}},
		{"MonitorAccountType", MonitorAccountType("").Values(), []MonitorAccountType{"monitor"}},
		{"NewRelicRegion", NewRelicRegion("").Values(), []NewRelicRegion{"US", "EU"}},
		{"PostRegisterServiceSupportedService", PostRegisterServiceSupportedService("").Values(),
			[]PostRegisterServiceSupportedService{"dynatrace", "servicenow", "pagerduty", "gitlab",
				"eventChannel",
				"mcpservernewrelic", "mcpservergrafana", "mcpserverdatadog", "mcpserver",
				"mcpserversplunk",
				"azureidentity", "mcpserversigv4", "remoteagent", "remoteagentsigv4"}},
		{"Priority", Priority("").Values(), []Priority{"CRITICAL", "HIGH", "MEDIUM", "LOW",
			"MINIMAL"}},
		{"RemoteAgentAuthorizationMethod", RemoteAgentAuthorizationMethod("").Values(),
			[]RemoteAgentAuthorizationMethod{"oauth-client-credentials", "api-key",
				"bearer-token"}},
		{"Service", Service("").Values(), []Service{"github", "slack", "azure", "azuredevops",
			"dynatrace",
			"servicenow", "pagerduty", "gitlab", "eventChannel", "mcpservernewrelic",
			"mcpservergrafana",
			"mcpserverdatadog", "mcpserver", "mcpserversplunk", "azureidentity", "mcpserversigv4",
			"remoteagent", "remoteagentsigv4"}},
		{"SourceAccountType", SourceAccountType("").Values(), []SourceAccountType{"source"}},
		{"TaskSortField", TaskSortField("").Values(), []TaskSortField{"CREATED_AT", "PRIORITY"}},
		{"TaskSortOrder", TaskSortOrder("").Values(), []TaskSortOrder{"ASC", "DESC"}},
		{"TaskStatus", TaskStatus("").Values(), []TaskStatus{"PENDING_TRIAGE", "LINKED",
			"PENDING_START",
			"IN_PROGRESS", "PENDING_CUSTOMER_APPROVAL", "COMPLETED", "FAILED", "TIMED_OUT",
			"CANCELED", "SKIPPED"}},
		{"TaskType", TaskType("").Values(), []TaskType{
			"INVESTIGATION", "EVALUATION", "RELEASE_READINESS_REVIEW", "RELEASE_TESTING"}},
		{"ValidationStatus", ValidationStatus("").Values(), []ValidationStatus{"valid", "invalid",
			"pending-confirmation"}},
		{"WebhookType", WebhookType("").Values(), []WebhookType{"hmac", "apikey", "gitlab",
			"pagerduty"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.got, tt.name)
	}
}

func TestEnumConstantNames(t *testing.T) {
	assert.Equal(t, Service("mcpservernewrelic"), ServiceMcpServerNewrelic)
	assert.Equal(t, Service("eventChannel"), ServiceEventchannel)
	assert.Equal(t, MCPServerAuthorizationMethod("oauth-3lo"), MCPServerAuthorizationMethodOauth3lo)
	assert.Equal(t, WebhookType("apikey"), WebhookTypeApiKey)
	assert.Equal(t, ValidationStatus("pending-confirmation"), ValidationStatusPendingConfirmation)
	assert.Equal(t, PostRegisterServiceSupportedService("remoteagentsigv4"),
		PostRegisterServiceSupportedServiceRemoteAgentSigv4)
}
