package emulator

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestValidationOverHTTP drives every rule family of the model-driven
// validator through real requests and checks the exact fieldList.
func TestValidationOverHTTP(t *testing.T) {
	env := newEnv(t, nil)
	task := func(edit func(map[string]any)) map[string]any {
		body := map[string]any{"title": "t", "taskType": "INVESTIGATION", "priority": "LOW"}
		edit(body)
		return body
	}

	cases := []struct {
		name   string
		method string
		path   string
		body   any
		want   []fieldEntry
	}{
		{"required members", http.MethodPost, tasksPath, map[string]any{},
			[]fieldEntry{
				field("/taskType", "Member must not be null"),
				field("/title", "Member must not be null"),
				field("/priority", "Member must not be null"),
			}},
		{"null is unset", http.MethodPost, tasksPath,
			task(func(b map[string]any) { b["title"] = nil }),
			[]fieldEntry{field("/title", "Member must not be null")}},
		{"string length", http.MethodPost, tasksPath,
			task(func(b map[string]any) { b["title"] = strings.Repeat("x", 401) }),
			[]fieldEntry{field("/title", "Member must have length between 1 and 400, inclusive")}},
		{"length counts characters not bytes", http.MethodPost, tasksPath,
			task(func(b map[string]any) { b["description"] = strings.Repeat("é", 10001) }),
			[]fieldEntry{field("/description",
				"Member must have length less than or equal to 10000")}},
		{"string type", http.MethodPost, tasksPath,
			task(func(b map[string]any) { b["title"] = 42 }),
			[]fieldEntry{field("/title", "Member must be a string")}},
		{"enum", http.MethodPost, tasksPath,
			task(func(b map[string]any) { b["priority"] = "URGENT" }),
			[]fieldEntry{field("/priority",
				"Member must satisfy enum value set: [CRITICAL, HIGH, MEDIUM, LOW, MINIMAL]")}},
		{"nested required and pattern", http.MethodPost, tasksPath,
			task(func(b map[string]any) {
				b["reference"] = map[string]any{"system": "", "referenceId": "bad id",
					"referenceUrl": "https://x"}
			}),
			[]fieldEntry{
				field("/reference/system", "Member must have length between 1 and 256, inclusive"),
				field("/reference/referenceId",
					"Member must satisfy regular expression pattern: ^[a-zA-Z0-9_.-]+$"),
				field("/reference/associationId", "Member must not be null"),
			}},
		{"label pattern", http.MethodPost, "/backlog/agent-space/bad_space/tasks",
			task(func(map[string]any) {}),
			[]fieldEntry{field("/agentSpaceId",
				"Member must satisfy regular expression pattern: ^[a-zA-Z0-9-]{1,64}$")}},
		{"unknown members are ignored", http.MethodPost, tasksPath,
			task(func(b map[string]any) { b["color"] = "red"; b["agentSpaceId"] = 1 }), nil},
		{"member names are case-sensitive", http.MethodPost, listTasksPath,
			map[string]any{"filter": map[string]any{"priorItY": ""}, "Limit": "x"}, nil},
		{"client token length", http.MethodPost, assetsPath, map[string]any{
			"assetType": "a", "clientToken": strings.Repeat("k", 129),
			"content": map[string]any{"sourceUrl": map[string]any{"url": "https://x"}}},
			[]fieldEntry{field("/clientToken",
				"Member must have length between 1 and 128, inclusive")}},
		{"union with no member", http.MethodPost, assetsPath,
			map[string]any{"assetType": "a", "content": map[string]any{}},
			[]fieldEntry{field("/content", "Member must have exactly one union member set")}},
		{"union with two members", http.MethodPost, assetsPath, map[string]any{
			"assetType": "a", "content": map[string]any{
				"sourceUrl": map[string]any{"url": "https://x"},
				"zip":       map[string]any{"zipFile": ""}}},
			[]fieldEntry{field("/content", "Member must have exactly one union member set")}},
		{"unknown union member", http.MethodPost, assetsPath, map[string]any{
			"assetType": "a", "content": map[string]any{"tarball": map[string]any{}}},
			[]fieldEntry{field("/content/tarball",
				"Member is not a known member of union AssetContent")}},
		{"nested union", http.MethodPost, assetsPath, map[string]any{
			"assetType": "a", "content": map[string]any{"file": map[string]any{
				"path": "a", "body": map[string]any{"bytes": "not base64!"}}}},
			[]fieldEntry{field("/content/file/body/bytes",
				"Member must be a base64 encoded string")}},
		{"blob length after decoding", http.MethodPost, assetsPath, map[string]any{
			"assetType": "a", "content": map[string]any{"zip": map[string]any{
				"zipFile": strings.Repeat("AAAA", 6291456/3+1)}}},
			[]fieldEntry{field("/content/zip/zipFile",
				"Member must have length less than or equal to 6291456")}},
		{"map value pattern", http.MethodPost, "/v1/register/mcpserver",
			map[string]any{"serviceDetails": mcpAPIKeyDetails, "tags": map[string]any{"ok": "a|b"}},
			[]fieldEntry{field("/tags/ok",
				`Member must satisfy regular expression pattern: ^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$`)}},
		{"translated pattern of a sensitive member", http.MethodPost, "/v1/register/dynatrace",
			map[string]any{"serviceDetails": map[string]any{"dynatrace": map[string]any{
				"accountUrn": "urn:dtaccount:01234567-0123-0123-0123-0123456789ab",
				"authorizationConfig": map[string]any{"oAuthClientCredentials": map[string]any{
					"clientId": "tab\tinside", "clientSecret": "secret"}}}}},
			[]fieldEntry{field("/serviceDetails/dynatrace/authorizationConfig/"+
				"oAuthClientCredentials/clientId",
				`Member must satisfy regular expression pattern: ^[\u0020-\u007E]+$`)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := env.call(t, tc.method, tc.path, tc.body)
			if tc.want == nil {
				require.Less(t, res.status, 300, "body: %s", res.raw)
				return
			}
			requireFields(t, res, tc.want...)
			require.NotContains(t, string(res.raw), "tab\tinside", "values are never echoed")
		})
	}
}

func TestValidationMessage(t *testing.T) {
	env := newEnv(t, nil)
	res := env.call(t, http.MethodPost, tasksPath, map[string]any{"taskType": "INVESTIGATION"})
	requireError(t, res, http.StatusBadRequest, codeValidation,
		"2 validation errors detected: "+
			"Value at '/title' failed to satisfy constraint: Member must not be null; "+
			"Value at '/priority' failed to satisfy constraint: Member must not be null")
}

func TestMalformedBody(t *testing.T) {
	env := newEnv(t, nil)
	cases := []struct{ name, body, message string }{
		{"not JSON", `{"title":`, "request body is not valid JSON"},
		{"not an object", `["title"]`, "request body must be a JSON object"},
		{"trailing data", `{} {}`, "request body has data after the JSON value"},
		{"repeated key", `{"title":"a","title":"b"}`, "request body repeats the key /title"},
		{"repeated nested key", `{"title":"t","reference":{"system":"a","referenceId":"r",` +
			`"system":"b"}}`, "request body repeats the key /reference/system"},
		{"repeated key in a list element", `{"x":[{"a":1},{"b":1,"b":2}]}`,
			"request body repeats the key /x/1/b"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := env.call(t, http.MethodPost, tasksPath, tc.body)
			requireError(t, res, http.StatusBadRequest, codeSerialization, tc.message)
		})
	}
}

// TestNumbersBeyondFloat64 accepts valid JSON whose numbers float64 cannot
// hold, as documents with big numbers carry them.
func TestNumbersBeyondFloat64(t *testing.T) {
	env := newEnv(t, nil)
	res := env.call(t, http.MethodPost, tasksPath, `{"title":"t","taskType":"INVESTIGATION",`+
		`"priority":"LOW","x":{"n":1e400,"m":-123456789012345678901234567890}}`)
	requireStatus(t, res, http.StatusCreated)
}

// TestSameKeyInSiblingObjects accepts a key repeated only across objects.
func TestSameKeyInSiblingObjects(t *testing.T) {
	env := newEnv(t, nil)
	res := env.call(t, http.MethodPost, tasksPath, `{"title":"t","taskType":"INVESTIGATION",`+
		`"priority":"LOW","x":[{"k":1},{"k":2}],"y":{"k":{"k":[]}}}`)
	requireStatus(t, res, http.StatusCreated)
}

// TestContentType requires application/json on bodies, as restJson1
// services do, and answers them with a 415 UnsupportedMediaTypeException.
func TestContentType(t *testing.T) {
	env := newEnv(t, nil)
	body := `{"title":"t","taskType":"INVESTIGATION","priority":"LOW"}`
	cases := []struct {
		name, method, path, contentType, body string
		status                                int
		message                               string
	}{
		{"json", http.MethodPost, tasksPath, "application/json", body, http.StatusCreated, ""},
		{"charset parameter", http.MethodPost, tasksPath, "application/json; charset=utf-8",
			body, http.StatusCreated, ""},
		{"upper case", http.MethodPost, tasksPath, "Application/JSON", body,
			http.StatusCreated, ""},
		{"empty body needs none", http.MethodPost, listTasksPath, "", "", http.StatusOK, ""},
		{"no body member reads no body", http.MethodPost, "/v1/services/list", "", "{}",
			http.StatusOK, ""},
		{"missing", http.MethodPost, tasksPath, "", body, http.StatusUnsupportedMediaType,
			"a request body needs Content-Type application/json; none was given"},
		{"other JSON type", http.MethodPatch, tasksPath + "/x", "application/hal+json", "{}",
			http.StatusUnsupportedMediaType,
			`Content-Type must be application/json, not "application/hal+json"`},
		{"text", http.MethodPost, tasksPath, "text/plain", body, http.StatusUnsupportedMediaType,
			`Content-Type must be application/json, not "text/plain"`},
		{"malformed", http.MethodPost, tasksPath, "application/json; charset", body,
			http.StatusUnsupportedMediaType,
			`Content-Type must be application/json, not "application/json; charset"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := env.request(t, tc.method, tc.path, tc.body)
			req.Header.Del("Content-Type")
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			env.sign(t, req, testCreds)

			res := env.send(t, req)
			if tc.message == "" {
				requireStatus(t, res, tc.status)
				return
			}
			requireError(t, res, tc.status, codeUnsupportedMediaType, tc.message)
		})
	}
}

// TestRepeatedQueryParameter names each repeated parameter; parameters
// no member binds are ignored, repeated or not.
func TestRepeatedQueryParameter(t *testing.T) {
	env := newEnv(t, func(o *Options) { o.Seed = testSeed() })

	res := env.call(t, http.MethodPost,
		"/v1/services/list?maxResults=1&maxResults=2&filterServiceType=github"+
			"&filterServiceType=slack&nextToken=x", nil)
	requireFields(t, res,
		field("/filterServiceType",
			"Member must be given once, but query parameter filterServiceType appears 2 times"),
		field("/maxResults",
			"Member must be given once, but query parameter maxResults appears 2 times"))

	res = env.call(t, http.MethodPost, "/v1/services/list?maxResults=1&other=a&other=b", nil)
	requireStatus(t, res, http.StatusOK)
	assert.Equal(t, []string{"github-main"}, serviceIDs(t, res))
}
