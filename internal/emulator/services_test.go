package emulator

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var mcpAPIKeyDetails = map[string]any{"mcpserver": map[string]any{
	"name": "tools", "endpoint": "https://mcp.example.com/mcp", "description": "Team tools",
	"authorizationConfig": map[string]any{"apiKey": map[string]any{
		"apiKeyName": "main", "apiKeyValue": "s3cr3t-value", "apiKeyHeader": "X-Api-Key",
	}},
}}

func TestRegisterServiceWithoutConsent(t *testing.T) {
	env := newEnv(t, nil)

	reg := env.call(t, http.MethodPost, "/v1/register/mcpserver", map[string]any{
		"serviceDetails": mcpAPIKeyDetails, "name": "Tools",
		"tags": map[string]string{"team": "ops"},
		"kmsKeyArn": "arn:aws:kms:us-east-1:123456789012:key/" +
			"0123abcd-0123-4567-89ab-0123456789ab",
	})
	requireStatus(t, reg, http.StatusCreated)
	require.JSONEq(t, `{"serviceId":"id-1","tags":{"team":"ops"},
		"kmsKeyArn":"arn:aws:kms:us-east-1:123456789012:key/0123abcd-0123-4567-89ab-0123456789ab"}`,
		string(reg.raw))

	got := env.call(t, http.MethodGet, "/v1/services/id-1", nil)
	requireStatus(t, got, http.StatusOK)
	require.JSONEq(t, `{"service":{"serviceId":"id-1","serviceType":"mcpserver","name":"Tools",
		"kmsKeyArn":"arn:aws:kms:us-east-1:123456789012:key/0123abcd-0123-4567-89ab-0123456789ab",
		"additionalServiceDetails":{"mcpserver":{"name":"tools",
			"endpoint":"https://mcp.example.com/mcp","authorizationMethod":"api-key",
			"description":"Team tools","apiKeyHeader":"X-Api-Key"}}},
		"tags":{"team":"ops"}}`, string(got.raw))
	assert.NotContains(t, string(got.raw), "s3cr3t-value", "secrets are never returned")
}

func TestRegisterServiceDetailsFromModel(t *testing.T) {
	cases := []struct {
		service string
		details map[string]any
		want    string
	}{
		{"mcpserversigv4", map[string]any{
			"name": "sig", "endpoint": "https://mcp.example.com",
			"authorizationConfig": map[string]any{"region": "us-east-1", "service": "execute-api"},
		}, `{"mcpserversigv4":{"name":"sig","endpoint":"https://mcp.example.com",
			"region":"us-east-1","service":"execute-api","roleArn":""}}`},
		{"mcpservernewrelic", map[string]any{"authorizationConfig": map[string]any{
			"apiKey": map[string]any{"apiKey": "NRAK-ABC", "accountId": "1234", "region": "EU"}},
		}, `{"mcpservernewrelic":{"accountId":"1234","region":"EU"}}`},
		{"remoteagent", map[string]any{
			"name": "agent", "endpoint": "https://agent.example.com",
			"authorizationConfig": map[string]any{"bearerToken": map[string]any{
				"tokenName": "t", "tokenValue": "abc"}},
		}, `{"remoteagent":{"name":"agent","endpoint":"https://agent.example.com",
			"authorizationMethod":"bearer-token"}}`},
		{"gitlab", map[string]any{
			"targetUrl": "https://gitlab.example.com", "tokenType": "group",
			"tokenValue": "glpat-123", "groupId": "42",
		}, `{"gitlab":{"targetUrl":"https://gitlab.example.com","tokenType":"group",` +
			`"groupId":"42"}}`},
	}
	for _, tc := range cases {
		t.Run(tc.service, func(t *testing.T) {
			env := newEnv(t, nil)
			reg := env.call(t, http.MethodPost, "/v1/register/"+tc.service,
				map[string]any{"serviceDetails": map[string]any{tc.service: tc.details}})
			requireStatus(t, reg, http.StatusCreated)

			got := env.call(t, http.MethodGet, "/v1/services/id-1", nil)
			requireStatus(t, got, http.StatusOK)
			details := dig(t, got.body, "service", "additionalServiceDetails")
			require.JSONEq(t, tc.want, mustJSON(t, details))
		})
	}
}

func TestRegisterServiceOAuth3LO(t *testing.T) {
	env := newEnv(t, nil)

	reg := env.call(t, http.MethodPost, "/v1/register/mcpserver", map[string]any{
		"serviceDetails": map[string]any{"mcpserver": map[string]any{
			"name": "oauth-tools", "endpoint": "https://mcp.example.com",
			"authorizationConfig": map[string]any{"oAuth3LO": map[string]any{
				"clientId": "client-1", "scopes": []string{"read", "write"},
				"supportCodeChallenge": true,
				"returnToEndpoint":     "https://us-east-1.console.aws.amazon.com/devops",
				"authorizationUrl":     "https://idp.example.com/authorize?audience=mcp",
				"exchangeUrl":          "https://idp.example.com/token",
			}},
		}},
	})
	requireStatus(t, reg, http.StatusCreated)
	require.NotContains(t, reg.body, "serviceId")

	authURL, err := url.Parse(reg.str(t, "additionalStep", "oauth", "authorizationUrl"))
	require.NoError(t, err)
	q := authURL.Query()
	assert.Equal(t, "idp.example.com", authURL.Host)
	assert.Equal(t, "/authorize", authURL.Path)
	assert.Equal(t, "mcp", q.Get("audience"))
	assert.Equal(t, "code", q.Get("response_type"))
	assert.Equal(t, "client-1", q.Get("client_id"))
	assert.Equal(t, "read write offline_access", q.Get("scope"))
	assert.Equal(t, env.http.URL+"/_emulator/oauth/callback", q.Get("redirect_uri"))
	assert.Equal(t, "S256", q.Get("code_challenge_method"))
	assert.Len(t, q.Get("code_challenge"), 43)
	assert.Len(t, q.Get("state"), 32)

	listed := env.call(t, http.MethodPost, "/v1/services/list", nil)
	require.JSONEq(t, `{"services":[]}`, string(listed.raw), "pending until consent")

	done := env.send(t, mustRequest(t, http.MethodGet,
		q.Get("redirect_uri")+"?code=abc&state="+q.Get("state")))
	requireStatus(t, done, http.StatusSeeOther)
	assert.Equal(t, "https://us-east-1.console.aws.amazon.com/devops", done.header.Get("Location"))
	require.JSONEq(t, `{"serviceId":"id-1"}`, string(done.raw))

	got := env.call(t, http.MethodGet, "/v1/services/id-1", nil)
	requireStatus(t, got, http.StatusOK)
	require.JSONEq(t, `{"service":{"serviceId":"id-1","serviceType":"mcpserver",
		"additionalServiceDetails":{"mcpserver":{"name":"oauth-tools",
			"endpoint":"https://mcp.example.com","authorizationMethod":"oauth-3lo"}}}}`,
		string(got.raw))

	replay := env.send(t, mustRequest(t, http.MethodGet,
		q.Get("redirect_uri")+"?code=abc&state="+q.Get("state")))
	requireError(t, replay, http.StatusNotFound, codeResourceNotFound,
		"no registration is waiting for this OAuth state")
}

func TestRegisterServiceAuthorizationDiscovery(t *testing.T) {
	env := newEnv(t, nil)

	reg := env.call(t, http.MethodPost, "/v1/register/mcpserverdatadog", map[string]any{
		"serviceDetails": map[string]any{"mcpserverdatadog": map[string]any{
			"name": "dd", "endpoint": "https://mcp.datadoghq.com",
			"authorizationConfig": map[string]any{"authorizationDiscovery": map[string]any{
				"returnToEndpoint": "https://eu-west-1.console.aws.amazon.com/devops"}},
		}},
	})
	requireStatus(t, reg, http.StatusCreated)
	authURL := reg.str(t, "additionalStep", "oauth", "authorizationUrl")
	require.True(t, strings.HasPrefix(authURL, env.http.URL+"/_emulator/oauth/authorize?"), authURL)

	consent := env.send(t, mustRequest(t, http.MethodGet, authURL))
	requireStatus(t, consent, http.StatusFound)
	callback := consent.header.Get("Location")

	require.True(t, strings.HasPrefix(callback, env.http.URL+"/_emulator/oauth/callback?"),
		callback)
	done := env.send(t, mustRequest(t, http.MethodGet, callback))
	requireStatus(t, done, http.StatusSeeOther)
	require.JSONEq(t, `{"serviceId":"id-1"}`, string(done.raw))
}

func TestRegisterServiceConsentRefused(t *testing.T) {
	env := newEnv(t, nil)
	reg := env.call(t, http.MethodPost, "/v1/register/mcpserverdatadog", map[string]any{
		"serviceDetails": map[string]any{"mcpserverdatadog": map[string]any{
			"name": "dd", "endpoint": "https://mcp.datadoghq.com",
			"authorizationConfig": map[string]any{"authorizationDiscovery": map[string]any{
				"returnToEndpoint": "https://eu-west-1.console.aws.amazon.com/devops"}},
		}},
	})
	authURL, err := url.Parse(reg.str(t, "additionalStep", "oauth", "authorizationUrl"))
	require.NoError(t, err)

	refused := env.send(t, mustRequest(t, http.MethodGet, env.http.URL+
		"/_emulator/oauth/callback?error=access_denied&state="+authURL.Query().Get("state")))
	requireError(t, refused, http.StatusForbidden, codeAccessDenied,
		"authorization was not granted; the registration was dropped")

	listed := env.call(t, http.MethodPost, "/v1/services/list", nil)
	require.JSONEq(t, `{"services":[]}`, string(listed.raw))
}

func TestRegisterServiceRules(t *testing.T) {
	env := newEnv(t, nil)

	cases := []struct {
		name string
		path string
		body map[string]any
		want fieldEntry
	}{
		{"details must match the path", "/v1/register/gitlab",
			map[string]any{"serviceDetails": mcpAPIKeyDetails},
			field("/serviceDetails",
				"Member must hold the gitlab details, the service named in the request path")},
		{"private connections exclude each other", "/v1/register/mcpserver",
			map[string]any{"serviceDetails": mcpAPIKeyDetails, "privateConnectionName": "pc-one",
				"exchangeUrlPrivateConnectionName": "pc-two"},
			field("/exchangeUrlPrivateConnectionName",
				"Member must not be set together with privateConnectionName")},
		{"service label enum", "/v1/register/github",
			map[string]any{"serviceDetails": mcpAPIKeyDetails},
			field("/service", "Member must satisfy enum value set: [dynatrace, servicenow, "+
				"pagerduty, gitlab, eventChannel, mcpservernewrelic, mcpservergrafana, "+
				"mcpserverdatadog, mcpserver, mcpserversplunk, azureidentity, mcpserversigv4, "+
				"remoteagent, remoteagentsigv4]")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			requireFields(t, env.call(t, http.MethodPost, tc.path, tc.body), tc.want)
		})
	}
}

func TestGetServiceNotFound(t *testing.T) {
	env := newEnv(t, nil)
	res := env.call(t, http.MethodGet, "/v1/services/missing", nil)
	requireError(t, res, http.StatusNotFound, codeResourceNotFound,
		"service missing is not registered")
}

func TestListServicesFilterAndPages(t *testing.T) {
	env := newEnv(t, func(o *Options) { o.Seed = testSeed() })
	for range 3 {
		reg := env.call(t, http.MethodPost, "/v1/register/eventChannel",
			map[string]any{"serviceDetails": map[string]any{"eventChannel": map[string]any{}}})
		requireStatus(t, reg, http.StatusCreated)
	}

	all := env.call(t, http.MethodPost, "/v1/services/list", nil)
	assert.Equal(t, []string{"github-main", "slack-ops", "id-1", "id-2", "id-3"},
		serviceIDs(t, all))

	github := env.call(t, http.MethodPost, "/v1/services/list?filterServiceType=github", nil)
	assert.Equal(t, []string{"github-main"}, serviceIDs(t, github))

	const events = "/v1/services/list?filterServiceType=eventChannel"
	first := env.call(t, http.MethodPost, events+"&maxResults=2", nil)
	assert.Equal(t, []string{"id-1", "id-2"}, serviceIDs(t, first))
	second := env.call(t, http.MethodPost, events+"&nextToken="+
		url.QueryEscape(first.str(t, "nextToken")), nil)
	assert.Equal(t, []string{"id-3"}, serviceIDs(t, second))
	assert.NotContains(t, second.body, "nextToken")

	bad := env.call(t, http.MethodPost, "/v1/services/list?maxResults=abc", nil)
	requireFields(t, bad, field("/maxResults", "Member must be an integer"))
}

func serviceIDs(t *testing.T, res *response) []string {
	t.Helper()
	requireStatus(t, res, http.StatusOK)
	var ids []string
	for i := range dig(t, res.body, "services").([]any) {
		ids = append(ids, res.str(t, "services", i, "serviceId"))
	}
	return ids
}
