package devopsagent

// Exact requests of all 13 operations, written by the generated
// serializers through smithy-go's restJson1 protocol: method, escaped
// path, query, Content-Type and body bytes.

import (
	"testing"
	"time"

	smithy "github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"

	"github.com/devopsagent-go/devopsagent/document"
	"github.com/devopsagent-go/devopsagent/types"
)

type wantRequest struct {
	method      string
	path        string // escaped
	query       string
	contentType string
	body        string
}

func TestOperationRequests(t *testing.T) {
	github := &types.ServiceConfigurationMemberGithub{Value: types.GitHubConfiguration{
		RepoName: ptr("repo"), RepoId: ptr("42"), Owner: ptr("octo"),
		OwnerType: types.GithubRepoOwnerTypeUser,
	}}
	capabilities := map[string]types.CapabilityConfiguration{
		"RELEASE_READINESS_REVIEW_AUTOMATED_TESTING": {Enabled: ptr(false)},
		"RELEASE_READINESS_REVIEW":                   {Enabled: ptr(true)},
	}
	zip := &types.AssetContentMemberZip{Value: types.AssetZipContent{ZipFile: []byte("PK\x03\x04")}}
	meta := document.NewLazyDocument(map[string]any{"n": uint64(12345678901234567890), "f": 0.1,
		"s": "<&>"})

	tests := []struct {
		name string
		op   *operation
		in   smithy.Serializable
		want wantRequest
	}{
		{"AssociateService", opAssociateService, &AssociateServiceInput{
			AgentSpaceId: ptr("space-1"), ServiceId: ptr("svc-1"), Configuration: github,
			Capabilities: capabilities,
		}, wantRequest{"POST", "/v1/agentspaces/space-1/associations", "", "application/json",
			`{"capabilities":{"RELEASE_READINESS_REVIEW":{"enabled":true},` +
				`"RELEASE_READINESS_REVIEW_AUTOMATED_TESTING":{"enabled":false}},` +
				`"configuration":{"github":{"owner":"octo","ownerType":"user","repoId":"42",` +
				`"repoName":"repo"}},` +
				`"serviceId":"svc-1"}`}},
		{"CreateAsset", opCreateAsset, &CreateAssetInput{
			AgentSpaceId: ptr("s"), AssetType: ptr("runbook"), ClientToken: ptr("tok"),
			Content: zip, Metadata: meta,
		}, wantRequest{"POST", "/asset/agent-space/s/assets", "", "application/json",
			`{"assetType":"runbook","clientToken":"tok","content":{"zip":{"zipFile":"UEsDBA=="}},` +
				`"metadata":{"f":0.1,"n":12345678901234567890,"s":"<&>"}}`}},
		{"CreateBacklogTask", opCreateBacklogTask, &CreateBacklogTaskInput{
			AgentSpaceId: ptr("s"), ClientToken: ptr("tok"), Description: ptr("d"),
			Priority: types.PriorityHigh,
			Reference: &types.ReferenceInput{
				System: ptr("Jira"), Title: ptr("T"), ReferenceId: ptr("J-1"),
				ReferenceUrl:  ptr("https://j/1"),
				AssociationId: ptr("a-1"),
			},
			TaskType: types.TaskTypeReleaseTesting, Title: ptr("title"),
		}, wantRequest{"POST", "/backlog/agent-space/s/tasks", "", "application/json",
			`{"clientToken":"tok","description":"d","priority":"HIGH",` +
				`"reference":{"associationId":"a-1","referenceId":"J-1",` +
				`"referenceUrl":"https://j/1",` +
				`"system":"Jira","title":"T"},` +
				`"taskType":"RELEASE_TESTING","title":"title"}`}},
		{"GetAssociation", opGetAssociation, &GetAssociationInput{AgentSpaceId: ptr("s"),
			AssociationId: ptr("a")},
			wantRequest{"GET", "/v1/agentspaces/s/associations/a", "", "", ""}},
		{"GetBacklogTask", opGetBacklogTask, &GetBacklogTaskInput{AgentSpaceId: ptr("s"),
			TaskId: ptr("t")},
			wantRequest{"GET", "/backlog/agent-space/s/tasks/t", "", "", ""}},
		{"GetService", opGetService, &GetServiceInput{ServiceId: ptr("svc")},
			wantRequest{"GET", "/v1/services/svc", "", "", ""}},
		{"ListAssociations", opListAssociations, &ListAssociationsInput{
			AgentSpaceId: ptr("s"), MaxResults: ptr(int32(5)), NextToken: ptr("n t+"),
			FilterServiceTypes: ptr("github, slack"),
		}, wantRequest{"POST", "/v1/agentspaces/s/associations/list",
			"filterServiceTypes=github%2C+slack&maxResults=5&nextToken=n+t%2B", "", ""}},
		{"ListAssociations without query", opListAssociations,
			&ListAssociationsInput{AgentSpaceId: ptr("s")},
			wantRequest{"POST", "/v1/agentspaces/s/associations/list", "", "", ""}},
		{"ListBacklogTasks", opListBacklogTasks, &ListBacklogTasksInput{
			AgentSpaceId: ptr("s"), Limit: ptr(int32(100)), NextToken: ptr("n"),
			Order:     types.TaskSortOrderAsc,
			SortField: types.TaskSortFieldCreatedAt,
			Filter: &types.TaskFilter{
				CreatedAfter:  ptr(time.Date(2026, 1, 2, 15, 4, 5, 123_456_789, time.UTC)),
				CreatedBefore: ptr(time.Date(2026, 1, 3, 1, 0, 0, 0, time.FixedZone("", 3600))),
				Priority:      []types.Priority{types.PriorityLow},
				Status:        []types.TaskStatus{types.TaskStatusSkipped},
				TaskType:      []types.TaskType{types.TaskTypeInvestigation},
				PrimaryTaskId: ptr("p"),
			},
		}, wantRequest{"POST", "/backlog/agent-space/s/tasks/list", "", "application/json",
			`{"filter":{"createdAfter":"2026-01-02T15:04:05.123Z",` +
				`"createdBefore":"2026-01-03T00:00:00Z","primaryTaskId":"p","priority":["LOW"],` +
				`"status":["SKIPPED"],"taskType":["INVESTIGATION"]},` +
				`"limit":100,"nextToken":"n","order":"ASC","sortField":"CREATED_AT"}`}},
		{"ListBacklogTasks with nothing set", opListBacklogTasks,
			&ListBacklogTasksInput{AgentSpaceId: ptr("s")},
			wantRequest{"POST", "/backlog/agent-space/s/tasks/list", "", "application/json", `{}`}},
		{"ListServices", opListServices, &ListServicesInput{
			MaxResults: ptr(int32(1)), NextToken: ptr("x"),
			FilterServiceType: types.ServiceRemoteAgentSigv4,
		}, wantRequest{"POST", "/v1/services/list",
			"filterServiceType=remoteagentsigv4&maxResults=1&nextToken=x", "", ""}},
		{"RegisterService", opRegisterService, &RegisterServiceInput{
			Service: types.PostRegisterServiceSupportedServiceEventchannel,
			ServiceDetails: &types.ServiceDetailsMemberEventChannel{
				Value: types.EventChannelDetails{Type: types.EventChannelTypeWebhook},
			},
			ExchangeUrlPrivateConnectionName: ptr("x"), KmsKeyArn: ptr("k"), Name: ptr("n"),
			PrivateConnectionName: ptr("p"), TargetUrlPrivateConnectionName: ptr("t"),
			Tags: map[string]string{"z": "1", "a": "2"},
		}, wantRequest{"POST", "/v1/register/eventChannel", "", "application/json",
			`{"exchangeUrlPrivateConnectionName":"x","kmsKeyArn":"k","name":"n",` +
				`"privateConnectionName":"p",` +
				`"serviceDetails":{"eventChannel":{"type":"webhook"}},"tags":{"a":"2","z":"1"},` +
				`"targetUrlPrivateConnectionName":"t"}`}},
		{"UpdateAsset", opUpdateAsset, &UpdateAssetInput{
			AgentSpaceId: ptr("s"), AssetId: ptr("a.1"), ClientToken: ptr("tok"),
			Content: &types.AssetContentMemberSourceUrl{
				Value: types.AssetSourceUrlContent{Url: ptr("https://x/y")},
			},
			Metadata: document.NewLazyDocument([]any{}),
		}, wantRequest{"PATCH", "/asset/agent-space/s/assets/a.1", "", "application/json",
			`{"clientToken":"tok","content":{"sourceUrl":{"url":"https://x/y"}},"metadata":[]}`}},
		{"UpdateAssociation", opUpdateAssociation, &UpdateAssociationInput{
			AgentSpaceId: ptr("s"), AssociationId: ptr("a"),
			Configuration: &types.ServiceConfigurationMemberRemoteagent{},
		}, wantRequest{"PATCH", "/v1/agentspaces/s/associations/a", "", "application/json",
			`{"configuration":{"remoteagent":{}}}`}},
		{"UpdateBacklogTask", opUpdateBacklogTask, &UpdateBacklogTaskInput{
			AgentSpaceId: ptr("s"), TaskId: ptr("t"), ClientToken: ptr("tok"),
			TaskStatus: types.TaskStatusCanceled,
		}, wantRequest{"PATCH", "/backlog/agent-space/s/tasks/t", "", "application/json",
			`{"clientToken":"tok","taskStatus":"CANCELED"}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := encodeRequest(t, tt.op, tt.in)
			got := wantRequest{
				method:      req.Method,
				path:        req.URL.EscapedPath(),
				query:       req.URL.RawQuery,
				contentType: req.Header.Get("Content-Type"),
				body:        bodyOf(t, req),
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestLabelEscaping(t *testing.T) {
	tests := []struct{ label, path string }{
		{"plain-ID_1.2~", "/v1/services/plain-ID_1.2~"},
		{"a b", "/v1/services/a%20b"},
		{"a/b", "/v1/services/a%2Fb"},
		{"100%", "/v1/services/100%25"},
		{"é€", "/v1/services/%C3%A9%E2%82%AC"},
		{"a+b?c#d", "/v1/services/a%2Bb%3Fc%23d"},
	}
	for _, tt := range tests {
		req := encodeRequest(t, opGetService, &GetServiceInput{ServiceId: ptr(tt.label)})
		assert.Equal(t, tt.path, req.URL.EscapedPath(), tt.label)
	}
}

// TestStringEscaping pins smithy-go's JSON string escaping. It differs from
// the official client in one byte only: DEL (0x7f) is written as \u007f
// rather than raw, which is the same JSON string.
func TestStringEscaping(t *testing.T) {
	in := &UpdateBacklogTaskInput{
		AgentSpaceId: ptr("s"), TaskId: ptr("t"),
		ClientToken: ptr("q\"b\\ n\n r\r t\t <a&b> / \x01 \u2028\u2029 \x7f é \xff"),
	}
	req := encodeRequest(t, opUpdateBacklogTask, in)
	assert.Equal(t,
		`{"clientToken":"q\"b\\ n\n r\r t\t <a&b> / \u0001 \u2028\u2029 \u007f é �"}`,
		bodyOf(t, req))
}

func TestUnsetMembersAreOmitted(t *testing.T) {
	in := &CreateBacklogTaskInput{AgentSpaceId: ptr("s"), Title: ptr("")}
	assert.Equal(t, `{"title":""}`, bodyOf(t, encodeRequest(t, opCreateBacklogTask, in)))
}
