package emulator

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const associationsPath = "/v1/agentspaces/default/associations"

var githubConfig = map[string]any{"github": map[string]any{
	"repoName": "api", "repoId": "1001", "owner": "octo-org", "ownerType": "organization",
}}

var slackConfig = map[string]any{"slack": map[string]any{
	"workspaceId": "T0123ABCD", "workspaceName": "Ops",
	"transmissionTarget": map[string]any{
		"opsOncallTarget": map[string]any{"channelId": "C0123456"},
	},
}}

func TestAssociationLifecycle(t *testing.T) {
	env := newEnv(t, func(o *Options) { o.Seed = testSeed() })

	created := env.call(t, http.MethodPost, associationsPath, map[string]any{
		"serviceId": "github-main", "configuration": githubConfig,
		"capabilities": map[string]any{"RELEASE_READINESS_REVIEW": map[string]any{"enabled": true}},
	})
	requireStatus(t, created, http.StatusCreated)
	require.JSONEq(t, `{"association":{"agentSpaceId":"default","associationId":"id-1",
		"serviceId":"github-main","status":"valid",
		"createdAt":"2026-07-01T12:00:00Z","updatedAt":"2026-07-01T12:00:00Z",
		"configuration":{"github":{"repoName":"api","repoId":"1001","owner":"octo-org",
			"ownerType":"organization"}},
		"capabilities":{"RELEASE_READINESS_REVIEW":{"enabled":true}}}}`, string(created.raw))

	got := env.call(t, http.MethodGet, associationsPath+"/id-1", nil)
	requireStatus(t, got, http.StatusOK)
	require.JSONEq(t, string(created.raw), string(got.raw))

	env.clock.Advance(time.Minute)
	updated := env.call(t, http.MethodPatch, associationsPath+"/id-1", map[string]any{
		"configuration": map[string]any{"github": map[string]any{
			"repoName": "api2", "repoId": "1002", "owner": "octo-org",
			"ownerType": "organization"}},
	})
	requireStatus(t, updated, http.StatusOK)
	require.JSONEq(t, `{"association":{"agentSpaceId":"default","associationId":"id-1",
		"serviceId":"github-main","status":"valid",
		"createdAt":"2026-07-01T12:00:00Z","updatedAt":"2026-07-01T12:01:00Z",
		"configuration":{"github":{"repoName":"api2","repoId":"1002","owner":"octo-org",
			"ownerType":"organization"}},
		"capabilities":{"RELEASE_READINESS_REVIEW":{"enabled":true}}}}`, string(updated.raw),
		"capabilities left out keep their value")

	again := env.call(t, http.MethodPost, associationsPath, map[string]any{
		"serviceId": "github-main", "configuration": githubConfig,
	})
	requireStatus(t, again, http.StatusCreated)
	assert.Equal(t, "id-1", again.str(t, "association", "associationId"),
		"associating a service again overwrites its association")
	assert.NotContains(t, dig(t, again.body, "association"), "capabilities")
}

func TestAssociationWebhook(t *testing.T) {
	env := newEnv(t, nil)
	reg := env.call(t, http.MethodPost, "/v1/register/eventChannel",
		map[string]any{"serviceDetails": map[string]any{
			"eventChannel": map[string]any{"type": "webhook"}}})
	requireStatus(t, reg, http.StatusCreated)

	created := env.call(t, http.MethodPost, associationsPath, map[string]any{
		"serviceId": "id-1", "configuration": map[string]any{"eventChannel": map[string]any{}},
	})
	requireStatus(t, created, http.StatusCreated)
	assert.Equal(t, "id-2", created.str(t, "association", "associationId"))
	assert.Equal(t, "hmac", created.str(t, "webhook", "webhookType"))
	assert.Equal(t, "id-3", created.str(t, "webhook", "webhookId"))
	assert.Equal(t, env.http.URL+"/_emulator/webhooks/id-3",
		created.str(t, "webhook", "webhookUrl"))
	assert.Len(t, created.str(t, "webhook", "webhookSecret"), 64)

	updated := env.call(t, http.MethodPatch, associationsPath+"/id-2", map[string]any{
		"configuration": map[string]any{"eventChannel": map[string]any{}},
	})
	requireStatus(t, updated, http.StatusOK)
	require.JSONEq(t, `{"webhookUrl":"`+env.http.URL+`/_emulator/webhooks/id-3",
		"webhookId":"id-3","webhookType":"hmac"}`, mustJSON(t, updated.body["webhook"]),
		"the secret is shown only once")

	event := env.send(t, mustRequest(t, http.MethodPost, created.str(t, "webhook", "webhookUrl")))
	requireStatus(t, event, http.StatusAccepted)
	unknown := env.send(t, mustRequest(t, http.MethodPost, env.http.URL+"/_emulator/webhooks/nope"))
	requireStatus(t, unknown, http.StatusNotFound)
}

func TestAssociateAWSAccount(t *testing.T) {
	env := newEnv(t, nil)
	source := func(account string) map[string]any {
		return map[string]any{"sourceAws": map[string]any{
			"accountId": account, "accountType": "source",
			"assumableRoleArn": "arn:aws:iam::" + account + ":role/DevOpsAgent",
		}}
	}

	first := env.call(t, http.MethodPost, associationsPath,
		map[string]any{"serviceId": "aws", "configuration": source("111111111111")})
	requireStatus(t, first, http.StatusCreated)
	assert.Equal(t, "pending-confirmation", first.str(t, "association", "status"))
	assert.NotContains(t, first.body, "webhook")

	second := env.call(t, http.MethodPost, associationsPath,
		map[string]any{"serviceId": "aws", "configuration": source("222222222222")})
	assert.Equal(t, "id-2", second.str(t, "association", "associationId"),
		"each AWS account has its own association")

	wrongID := env.call(t, http.MethodPost, associationsPath,
		map[string]any{"serviceId": "github-main", "configuration": source("333333333333")})
	requireFields(t, wrongID, field("/serviceId",
		`Member must be "aws" for an AWS account configuration`))
}

func TestAssociationErrors(t *testing.T) {
	env := newEnv(t, func(o *Options) { o.Seed = testSeed() })
	created := env.call(t, http.MethodPost, associationsPath,
		map[string]any{"serviceId": "github-main", "configuration": githubConfig})
	requireStatus(t, created, http.StatusCreated)

	cases := []struct {
		name   string
		method string
		path   string
		body   map[string]any
		check  func(t *testing.T, res *response)
	}{
		{"configuration of another type", http.MethodPost, associationsPath,
			map[string]any{"serviceId": "github-main", "configuration": slackConfig},
			func(t *testing.T, res *response) {
				requireFields(t, res, field("/configuration",
					"Member must hold the github configuration of service github-main"))
			}},
		{"update changes the type", http.MethodPatch, associationsPath + "/id-1",
			map[string]any{"configuration": slackConfig},
			func(t *testing.T, res *response) {
				requireFields(t, res, field("/configuration",
					"Member must hold the github configuration the association was created with"))
			}},
		{"unknown service", http.MethodPost, associationsPath,
			map[string]any{"serviceId": "nope", "configuration": githubConfig},
			func(t *testing.T, res *response) {
				requireError(t, res, http.StatusNotFound, codeResourceNotFound,
					"service nope is not registered")
			}},
		{"unknown agent space", http.MethodPost, "/v1/agentspaces/ghost/associations",
			map[string]any{"serviceId": "github-main", "configuration": githubConfig},
			func(t *testing.T, res *response) {
				requireError(t, res, http.StatusNotFound, codeResourceNotFound,
					"agent space ghost does not exist")
			}},
		{"unknown association", http.MethodGet, associationsPath + "/nope", nil,
			func(t *testing.T, res *response) {
				requireError(t, res, http.StatusNotFound, codeResourceNotFound,
					"association nope does not exist in agent space default")
			}},
		{"capability enum key", http.MethodPost, associationsPath,
			map[string]any{"serviceId": "github-main", "configuration": githubConfig,
				"capabilities": map[string]any{"DEPLOY": map[string]any{"enabled": true}}},
			func(t *testing.T, res *response) {
				requireFields(t, res, field("/capabilities/DEPLOY", "Member must satisfy enum "+
					"value set: [RELEASE_READINESS_REVIEW, "+
					"RELEASE_READINESS_REVIEW_AUTOMATED_TESTING]"))
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var body any
			if tc.body != nil {
				body = tc.body
			}
			tc.check(t, env.call(t, tc.method, tc.path, body))
		})
	}
}

func TestListAssociations(t *testing.T) {
	env := newEnv(t, func(o *Options) { o.Seed = testSeed() })
	for _, body := range []map[string]any{
		{"serviceId": "github-main", "configuration": githubConfig},
		{"serviceId": "slack-ops", "configuration": slackConfig},
		{"serviceId": "aws", "configuration": map[string]any{"aws": map[string]any{
			"accountId": "111111111111", "accountType": "monitor",
			"assumableRoleArn": "arn:aws:iam::111111111111:role/R"}}},
	} {
		requireStatus(t, env.call(t, http.MethodPost, associationsPath, body), http.StatusCreated)
	}

	cases := []struct {
		query string
		want  []string
	}{
		{"", []string{"id-1", "id-2", "id-3"}},
		{"?filterServiceTypes=slack", []string{"id-2"}},
		{"?filterServiceTypes=github,%20aws", []string{"id-1", "id-3"}},
		{"?filterServiceTypes=azure", nil},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			res := env.call(t, http.MethodPost, associationsPath+"/list"+tc.query, nil)
			assert.Equal(t, tc.want, associationIDs(t, res))
		})
	}

	page1 := env.call(t, http.MethodPost, associationsPath+"/list?maxResults=2", nil)
	assert.Equal(t, []string{"id-1", "id-2"}, associationIDs(t, page1))
	page2 := env.call(t, http.MethodPost, associationsPath+"/list?maxResults=2&nextToken="+
		page1.str(t, "nextToken"), nil)
	assert.Equal(t, []string{"id-3"}, associationIDs(t, page2))

	badFilter := env.call(t, http.MethodPost, associationsPath+"/list?filterServiceTypes=a,,b", nil)
	requireFields(t, badFilter, field("/filterServiceTypes",
		`Member must satisfy regular expression pattern: ^\w+(?:,\s*\w+)*$`))
	badSize := env.call(t, http.MethodPost, associationsPath+"/list?maxResults=101", nil)
	requireFields(t, badSize, field("/maxResults", "Member must be between 1 and 100, inclusive"))
}

func associationIDs(t *testing.T, res *response) []string {
	t.Helper()
	requireStatus(t, res, http.StatusOK)
	var ids []string
	for i := range dig(t, res.body, "associations").([]any) {
		ids = append(ids, res.str(t, "associations", i, "associationId"))
	}
	return ids
}
