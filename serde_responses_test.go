package devopsagent

// Exact decoded values of responses: every member kind of Task, all
// timestamp forms, documents, enums, nulls, unknown fields and members,
// and modeled errors.

import (
	"math/big"
	"net/http"
	"reflect"
	"testing"
	"time"

	smithy "github.com/aws/smithy-go"
	smithydocument "github.com/aws/smithy-go/document"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/internal/jsonwire"
	"github.com/devopsagent-go/devopsagent/internal/schemas"
	"github.com/devopsagent-go/devopsagent/types"
)

func TestDecodeTaskPage(t *testing.T) {
	body := `{"tasks":[{"agentSpaceId":"s","taskId":"t1","executionId":"e",` +
		`"title":"Title \"q\"\n",` +
		`"description":"d","reference":{"system":"Jira","title":"T","referenceId":"J-1",` +
		`"referenceUrl":"https://j/1","associationId":"a-1","extra":1},` +
		`"taskType":"INVESTIGATION",` +
		`"priority":"HIGH","status":"LINKED","createdAt":"2026-01-02T15:04:05.123Z",` +
		`"updatedAt":"2026-01-02T15:04:06Z","version":3,"supportMetadata":{"caseId":"c"},` +
		`"metadata":{"n":12345678901234567890,"f":0.1},"primaryTaskId":"p","statusReason":"r",` +
		`"hasLinkedTasks":true},null,{"taskId":"t2","title":null,"hasLinkedTasks":false}],` +
		`"nextToken":"next","unknownTopLevel":{"a":[1,2]}}`

	out := &ListBacklogTasksOutput{}
	require.NoError(t, decodeResponse(schemas.OpListBacklogTasks, http.StatusOK, nil, body, out))

	require.Len(t, out.Tasks, 2)
	first := out.Tasks[0]
	assert.JSONEq(t, `{"n":12345678901234567890,"f":0.1}`, marshalDoc(t, first.Metadata))
	assert.JSONEq(t, `{"caseId":"c"}`, marshalDoc(t, first.SupportMetadata))
	first.Metadata, first.SupportMetadata = nil, nil

	assert.Equal(t, types.Task{
		AgentSpaceId: ptr("s"), TaskId: ptr("t1"), ExecutionId: ptr("e"),
		Title:       ptr("Title \"q\"\n"),
		Description: ptr("d"),
		Reference: &types.ReferenceOutput{
			System: ptr("Jira"), Title: ptr("T"), ReferenceId: ptr("J-1"),
			ReferenceUrl:  ptr("https://j/1"),
			AssociationId: ptr("a-1"),
		},
		TaskType: types.TaskTypeInvestigation, Priority: types.PriorityHigh,
		Status:    types.TaskStatusLinked,
		CreatedAt: ptr(time.Date(2026, 1, 2, 15, 4, 5, 123_000_000, time.UTC)),
		UpdatedAt: ptr(time.Date(2026, 1, 2, 15, 4, 6, 0, time.UTC)),
		Version:   ptr(int32(3)), PrimaryTaskId: ptr("p"), StatusReason: ptr("r"),
		HasLinkedTasks: true,
	}, first)
	assert.Equal(t, types.Task{TaskId: ptr("t2")}, out.Tasks[1])
	assert.Equal(t, ptr("next"), out.NextToken)
}

func TestDecodeEmptyAndMissingLists(t *testing.T) {
	out := &ListBacklogTasksOutput{}
	require.NoError(t, decodeResponse(schemas.OpListBacklogTasks, http.StatusOK, nil,
		`{"tasks":[]}`, out))
	assert.NotNil(t, out.Tasks)
	assert.Empty(t, out.Tasks)

	out = &ListBacklogTasksOutput{}
	require.NoError(t, decodeResponse(schemas.OpListBacklogTasks, http.StatusOK, nil, `{}`, out))
	assert.Nil(t, out.Tasks)

	out = &ListBacklogTasksOutput{}
	require.NoError(t, decodeResponse(schemas.OpListBacklogTasks, http.StatusOK, nil, ``, out))
	assert.Nil(t, out.Tasks)
}

func TestDecodeDateTimeForms(t *testing.T) {
	base := time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)
	tests := []struct {
		text string
		want time.Time
	}{
		{"2026-01-02T15:04:05Z", base},
		{"2026-01-02t15:04:05z", base},
		{"2026-01-02T15:04:05.1Z", base.Add(100 * time.Millisecond)},
		{"2026-01-02T15:04:05.123456789Z", base.Add(123456789)},
		{"2026-01-02T17:04:05+02:00", base},
		{"2026-01-02T14:04:05.5-01:00", base.Add(500 * time.Millisecond)},
	}
	for _, tt := range tests {
		out := &GetBacklogTaskOutput{}
		body := `{"task":{"createdAt":"` + tt.text + `"}}`
		require.NoError(t, decodeResponse(schemas.OpGetBacklogTask, http.StatusOK, nil, body, out),
			tt.text)
		assert.Equal(t, tt.want, *out.Task.CreatedAt, tt.text)
	}

	out := &GetBacklogTaskOutput{}
	err := decodeResponse(schemas.OpGetBacklogTask, http.StatusOK, nil,
		`{"task":{"createdAt":"2026-01-02"}}`, out)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `task: createdAt: serde: invalid date-time "2026-01-02"`)
}

func TestDecodeEpochSecondsForms(t *testing.T) {
	tests := []struct {
		number string
		want   time.Time
	}{
		{"1700000000", time.Unix(1_700_000_000, 0).UTC()},
		{"1.7e9", time.Unix(1_700_000_000, 0).UTC()},
		{"1.7E+9", time.Unix(1_700_000_000, 0).UTC()},
		{"1700000000.123", time.UnixMilli(1_700_000_000_123).UTC()},
		{"0", time.Unix(0, 0).UTC()},
	}
	for _, tt := range tests {
		out := &CreateAssetOutput{}
		body := `{"asset":{"createdAt":` + tt.number + `,"updatedAt":` + tt.number + `}}`
		require.NoError(t, decodeResponse(schemas.OpCreateAsset, http.StatusOK, nil, body, out),
			tt.number)
		assert.Equal(t, tt.want, *out.Asset.CreatedAt, tt.number)
		assert.Equal(t, tt.want, *out.Asset.UpdatedAt, tt.number)
	}
}

func TestDecodeDocuments(t *testing.T) {
	body := `{"asset":{"assetId":"a","metadata":{"big":12345678901234567890,"f":0.1,` +
		`"nested":{"list":[1,"x",null,true]},"labels":["sev1"]},"version":2}}`
	out := &UpdateAssetOutput{}
	require.NoError(t, decodeResponse(schemas.OpUpdateAsset, http.StatusOK, nil, body, out))

	assert.Equal(t,
		`{"big":12345678901234567890,"f":0.1,"labels":["sev1"],`+
			`"nested":{"list":[1,"x",null,true]}}`,
		marshalDoc(t, out.Asset.Metadata))

	var typed struct {
		Big    *big.Int `document:"big"`
		F      float64  `document:"f"`
		Labels []string `document:"labels"`
	}
	require.NoError(t, out.Asset.Metadata.UnmarshalSmithyDocument(&typed))
	assert.Equal(t, "12345678901234567890", typed.Big.String())
	assert.Equal(t, 0.1, typed.F)
	assert.Equal(t, []string{"sev1"}, typed.Labels)

	var generic map[string]any
	require.NoError(t, out.Asset.Metadata.UnmarshalSmithyDocument(&generic))
	assert.Equal(t, smithydocument.Number("12345678901234567890"), generic["big"])
	assert.Equal(t, smithydocument.Number("0.1"), generic["f"])
}

func TestDecodeNulls(t *testing.T) {
	body := `{"service":{"serviceId":null,"serviceType":"github",` +
		`"accessibleResources":[null,{"a":1}],` +
		`"additionalServiceDetails":{"github":null,"slack":{"teamId":"T","teamName":null}}},` +
		`"tags":{"a":"1","b":null}}`
	out := &GetServiceOutput{}
	require.NoError(t, decodeResponse(schemas.OpGetService, http.StatusOK, nil, body, out))

	assert.Nil(t, out.Service.ServiceId)
	assert.Equal(t, types.ServiceGithub, out.Service.ServiceType)
	require.Len(t, out.Service.AccessibleResources, 1)
	assert.Equal(t, `{"a":1}`, marshalDoc(t, out.Service.AccessibleResources[0]))
	assert.Equal(t, &types.AdditionalServiceDetailsMemberSlack{
		Value: types.RegisteredSlackServiceDetails{TeamId: ptr("T")},
	}, out.Service.AdditionalServiceDetails)
	assert.Equal(t, map[string]string{"a": "1"}, out.Tags)
}

func TestDecodeUnionRules(t *testing.T) {
	// jsonwire keeps an unknown member's JSON as sent; smithy-go's reader
	// re-encodes it with sorted keys, so wantFast differs where that shows.
	tests := []struct {
		name     string
		body     string
		want     types.ServiceConfiguration
		wantFast types.ServiceConfiguration
	}{
		{"unknown member only",
			`{"association":{"configuration":{"newService":{"z":[1,2],"a":0.10}}}}`,
			&types.UnknownUnionMember{Tag: "newService", Value: []byte(`{"a":0.10,"z":[1,2]}`)},
			&types.UnknownUnionMember{Tag: "newService", Value: []byte(`{"z":[1,2],"a":0.10}`)}},
		{"known member wins",
			`{"association":{"configuration":{"newService":{},"azure":{"subscriptionId":"x"}}}}`,
			&types.ServiceConfigurationMemberAzure{
				Value: types.AzureConfiguration{SubscriptionId: ptr("x")},
			}, nil},
		{"empty structure member",
			`{"association":{"configuration":{"remoteagentsigv4":{"future":1}}}}`,
			&types.ServiceConfigurationMemberRemoteagentsigv4{}, nil},
		{"all null", `{"association":{"configuration":{"azure":null}}}`, nil, nil},
		{"first of two known members wins",
			`{"association":{"configuration":{"azure":{"subscriptionId":"x"},"aws":{}}}}`,
			&types.ServiceConfigurationMemberAzure{
				Value: types.AzureConfiguration{SubscriptionId: ptr("x")},
			}, nil},
		{"a repeated key keeps its first value",
			`{"association":{"configuration":{"azure":{"subscriptionId":"x"},` +
				`"azure":{"subscriptionId":"y"}}}}`,
			&types.ServiceConfigurationMemberAzure{
				Value: types.AzureConfiguration{SubscriptionId: ptr("x")},
			}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := &GetAssociationOutput{}
			require.NoError(t, decodeResponse(schemas.OpGetAssociation, http.StatusOK, nil, tt.body,
				out))
			assert.Equal(t, tt.want, out.Association.Configuration)

			if tt.wantFast == nil {
				tt.wantFast = tt.want
			}
			fast := &GetAssociationOutput{}
			require.NoError(t, jsonwire.Unmarshal([]byte(tt.body), fast))
			assert.Equal(t, tt.wantFast, fast.Association.Configuration)
		})
	}
}

// enumCase decodes one enum member of a structure.
type enumCase struct {
	shape  *smithy.Schema
	newOf  func() smithy.Deserializable
	wire   string
	field  string
	values []string
}

func TestDecodeEnums(t *testing.T) {
	cases := []enumCase{
		{schemas.EventChannelDetails,
			func() smithy.Deserializable { return &types.EventChannelDetails{} }, "type",
			"Type", enumStrings(types.EventChannelType("").Values())},
		{schemas.GitLabDetails, func() smithy.Deserializable { return &types.GitLabDetails{} },
			"tokenType",
			"TokenType", enumStrings(types.GitLabTokenType("").Values())},
		{schemas.GitHubConfiguration,
			func() smithy.Deserializable { return &types.GitHubConfiguration{} },
			"ownerType", "OwnerType", enumStrings(types.GithubRepoOwnerType("").Values())},
		{schemas.RegisteredMCPServerDetails,
			func() smithy.Deserializable { return &types.RegisteredMCPServerDetails{} },
			"authorizationMethod", "AuthorizationMethod",
			enumStrings(types.MCPServerAuthorizationMethod("").Values())},
		{schemas.AWSConfiguration,
			func() smithy.Deserializable { return &types.AWSConfiguration{} },
			"accountType", "AccountType", enumStrings(types.MonitorAccountType("").Values())},
		{schemas.NewRelicApiKeyConfig,
			func() smithy.Deserializable { return &types.NewRelicApiKeyConfig{} },
			"region", "Region", enumStrings(types.NewRelicRegion("").Values())},
		{schemas.Task, func() smithy.Deserializable { return &types.Task{} }, "priority",
			"Priority",
			enumStrings(types.Priority("").Values())},
		{schemas.RegisteredRemoteAgentDetails,
			func() smithy.Deserializable { return &types.RegisteredRemoteAgentDetails{} },
			"authorizationMethod", "AuthorizationMethod",
			enumStrings(types.RemoteAgentAuthorizationMethod("").Values())},
		{schemas.RegisteredService,
			func() smithy.Deserializable { return &types.RegisteredService{} },
			"serviceType", "ServiceType", enumStrings(types.Service("").Values())},
		{schemas.SourceAwsConfiguration,
			func() smithy.Deserializable { return &types.SourceAwsConfiguration{} },
			"accountType", "AccountType", enumStrings(types.SourceAccountType("").Values())},
		{schemas.ListBacklogTasksRequest,
			func() smithy.Deserializable { return &ListBacklogTasksInput{} },
			"sortField", "SortField", enumStrings(types.TaskSortField("").Values())},
		{schemas.ListBacklogTasksRequest,
			func() smithy.Deserializable { return &ListBacklogTasksInput{} },
			"order", "Order", enumStrings(types.TaskSortOrder("").Values())},
		{schemas.Task, func() smithy.Deserializable { return &types.Task{} }, "status", "Status",
			enumStrings(types.TaskStatus("").Values())},
		{schemas.Task, func() smithy.Deserializable { return &types.Task{} }, "taskType",
			"TaskType",
			enumStrings(types.TaskType("").Values())},
		{schemas.Association, func() smithy.Deserializable { return &types.Association{} },
			"status", "Status",
			enumStrings(types.ValidationStatus("").Values())},
		{schemas.GenericWebhook, func() smithy.Deserializable { return &types.GenericWebhook{} },
			"webhookType", "WebhookType", enumStrings(types.WebhookType("").Values())},
	}
	for _, c := range cases {
		for _, value := range append(c.values, "VALUE_ADDED_LATER") {
			out := c.newOf()
			require.NoError(t, decodeBody(c.shape, `{"`+c.wire+`":"`+value+`"}`, out), value)
			got := reflect.ValueOf(out).Elem().FieldByName(c.field)
			assert.Equal(t, value, got.String(), "%s.%s", c.shape.ID().Name, c.field)
		}
	}
}

func TestRegisterServiceLabelForEveryService(t *testing.T) {
	for _, s := range types.PostRegisterServiceSupportedService("").Values() {
		in := &RegisterServiceInput{Service: s}
		req := encodeRequest(t, opRegisterService, in)
		assert.Equal(t, "/v1/register/"+string(s), req.URL.EscapedPath())
	}
}

func TestDecodeModeledErrors(t *testing.T) {
	tests := []struct {
		name   string
		header string
		body   string
		want   error
	}{
		{"header code", "ThrottlingException", `{"message":"slow down"}`,
			&types.ThrottlingException{Message: ptr("slow down")}},
		{"body type with namespace", "",
			`{"__type":"com.amazonaws.devopsagent#ConflictException","Message":"busy"}`,
			&types.ConflictException{Message: ptr("busy")}},
		{"validation with fields", "ValidationException:http://x", `{"message":"bad",` +
			`"fieldList":[{"path":"title","message":"too long"},null]}`,
			&types.ValidationException{Message: ptr("bad"),
				FieldList: []types.ValidationExceptionField{
					{Path: ptr("title"), Message: ptr("too long")},
				}}},
		{"quota", "ServiceQuotaExceededException", `{}`, &types.ServiceQuotaExceededException{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header := http.Header{}
			if tt.header != "" {
				header.Set("X-Amzn-ErrorType", tt.header)
			}
			err := decodeResponse(schemas.OpGetService, http.StatusBadRequest, header, tt.body,
				&GetServiceOutput{})
			assert.Equal(t, tt.want, err)
		})
	}
}

func TestErrorTypesDescribeThemselves(t *testing.T) {
	throttling := &types.ThrottlingException{Message: ptr("slow")}
	assert.Equal(t, "ThrottlingException: slow", throttling.Error())
	assert.Equal(t, smithy.FaultClient, throttling.ErrorFault())
	assert.Equal(t, smithy.FaultServer, (&types.InternalServerException{}).ErrorFault())

	throttling.ErrorCodeOverride = ptr("Throttled")
	assert.Equal(t, "Throttled", throttling.ErrorCode())
	assert.Equal(t, "", (&types.AccessDeniedException{}).ErrorMessage())

	var apiErr smithy.APIError = throttling
	assert.Equal(t, "slow", apiErr.ErrorMessage())
}

func marshalDoc(t *testing.T, doc interface{ MarshalSmithyDocument() ([]byte, error) }) string {
	t.Helper()
	raw, err := doc.MarshalSmithyDocument()
	require.NoError(t, err)
	return string(raw)
}

// enumStrings converts enum values to strings.
func enumStrings[E ~string](values []E) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}
