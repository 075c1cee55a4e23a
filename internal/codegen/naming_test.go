package codegen

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFieldName(t *testing.T) {
	tests := []struct{ member, want string }{
		{"agentSpaceId", "AgentSpaceId"},
		{"oAuth3LO", "OAuth3LO"},
		{"opsSRETarget", "OpsSRETarget"},
		{"oAuthClientCredentials", "OAuthClientCredentials"},
		{"exchangeUrlPrivateConnectionName", "ExchangeUrlPrivateConnectionName"},
		{"type", "Type"},
		{"max_results", "MaxResults"},
		{"Already", "Already"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, fieldName(tt.member), tt.member)
	}
}

func TestUnionMemberType(t *testing.T) {
	tests := []struct{ union, member, want string }{
		{"ServiceConfiguration", "github", "ServiceConfigurationMemberGithub"},
		{"ServiceConfiguration", "remoteagentsigv4", "ServiceConfigurationMemberRemoteagentsigv4"},
		{"ServiceConfiguration", "sourceAws", "ServiceConfigurationMemberSourceAws"},
		{"ServiceDetails", "mcpserversigv4", "ServiceDetailsMemberMcpserversigv4"},
		{"MCPServerAuthorizationConfig", "oAuthClientCredentials",
			"MCPServerAuthorizationConfigMemberOAuthClientCredentials"},
		{"MCPServerAuthorizationConfig", "oAuth3LO", "MCPServerAuthorizationConfigMemberOAuth3LO"},
		{"ServiceConfiguration", "eventChannel", "ServiceConfigurationMemberEventChannel"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, unionMemberType(tt.union, tt.member), tt.member)
	}
}

func TestEnumConstName(t *testing.T) {
	tests := []struct{ enum, member, want string }{
		{"Service", "MCP_SERVER_NEWRELIC", "ServiceMcpServerNewrelic"},
		{"Service", "EVENTCHANNEL", "ServiceEventchannel"},
		{"MCPServerAuthorizationMethod", "OAUTH_3LO", "MCPServerAuthorizationMethodOauth3lo"},
		{"WebhookType", "API_KEY", "WebhookTypeApiKey"},
		{"ValidationStatus", "PENDING_CONFIRMATION", "ValidationStatusPendingConfirmation"},
		{"TaskStatus", "CANCELED", "TaskStatusCanceled"},
		{"Priority", "CRITICAL", "PriorityCritical"},
		{"CapabilityType", "RELEASE_READINESS_REVIEW_AUTOMATED_TESTING",
			"CapabilityTypeReleaseReadinessReviewAutomatedTesting"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, enumConstName(tt.enum, tt.member), tt.member)
	}
}

func TestOperationTypeNames(t *testing.T) {
	assert.Equal(t, "ListBacklogTasksInput", inputTypeName("ListBacklogTasks"))
	assert.Equal(t, "ListBacklogTasksOutput", outputTypeName("ListBacklogTasks"))
}

func TestPackageName(t *testing.T) {
	tests := []struct{ sdkID, want string }{
		{"DevOps Agent", "devopsagent"},
		{"Bedrock AgentCore Control", "bedrockagentcorecontrol"},
		{"S3-Control", "s3control"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, packageName(tt.sdkID), tt.sdkID)
	}
}
