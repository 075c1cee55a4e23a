package emulator

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIdempotentCreate(t *testing.T) {
	env := newEnv(t, nil)
	body := map[string]any{"title": "t", "taskType": "INVESTIGATION", "priority": "LOW",
		"clientToken": "same-token"}

	first := env.call(t, http.MethodPost, tasksPath, body)
	requireStatus(t, first, http.StatusCreated)
	env.clock.Advance(time.Second)
	retry := env.call(t, http.MethodPost, tasksPath, body)
	requireStatus(t, retry, http.StatusCreated)
	require.JSONEq(t, string(first.raw), string(retry.raw), "a retry returns the same task")

	body["priority"] = "HIGH"
	changed := env.call(t, http.MethodPost, tasksPath, body)
	requireError(t, changed, http.StatusConflict, codeConflict,
		"clientToken was already used with a different CreateBacklogTask request")

	other := env.call(t, http.MethodPost, listTasksPath, map[string]any{})
	require.Equal(t, []string{"id-1"}, taskIDs(t, other))
}

func TestIdempotentUpdates(t *testing.T) {
	env := newEnv(t, nil)
	requireStatus(t, env.call(t, http.MethodPost, tasksPath, map[string]any{
		"title": "t", "taskType": "INVESTIGATION", "priority": "LOW"}), http.StatusCreated)

	update := map[string]any{"taskStatus": "LINKED", "clientToken": "u-1"}
	first := env.call(t, http.MethodPatch, tasksPath+"/id-1", update)
	retry := env.call(t, http.MethodPatch, tasksPath+"/id-1", update)
	assert.Equal(t, "2", first.num(t, "task", "version"))
	assert.Equal(t, "2", retry.num(t, "task", "version"), "a retry does not bump the version")

	update["taskStatus"] = "FAILED"
	requireError(t, env.call(t, http.MethodPatch, tasksPath+"/id-1", update), http.StatusConflict,
		codeConflict, "clientToken was already used with a different UpdateBacklogTask request")

	asset := map[string]any{"assetType": "a", "clientToken": "a-1",
		"content": map[string]any{"sourceUrl": map[string]any{"url": "https://x"}}}
	a1 := env.call(t, http.MethodPost, assetsPath, asset)
	a2 := env.call(t, http.MethodPost, assetsPath, asset)
	require.JSONEq(t, string(a1.raw), string(a2.raw))

	assetUpdate := map[string]any{"metadata": map[string]any{"k": 1}, "clientToken": "a-2"}
	u1 := env.call(t, http.MethodPatch, assetsPath+"/id-2", assetUpdate)
	u2 := env.call(t, http.MethodPatch, assetsPath+"/id-2", assetUpdate)
	assert.Equal(t, "2", u1.num(t, "asset", "version"))
	assert.Equal(t, "2", u2.num(t, "asset", "version"))
}

func TestSignatureRequired(t *testing.T) {
	env := newEnv(t, nil)

	cases := []struct {
		name    string
		prepare func(*http.Request)
		message string
	}{
		{"no header", func(*http.Request) {}, "missing Authorization header"},
		{"not sigv4", func(r *http.Request) { r.Header.Set("Authorization", "Bearer abc") },
			"authorization header is not a valid AWS4-HMAC-SHA256 signature"},
		{"wrong signing name", func(r *http.Request) {
			r.Header.Set("X-Amz-Date", "20260701T120000Z")
			r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260701/us-east-1/"+
				"execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature="+
				strings.Repeat("a", 64))
		}, `credential scope names service "execute-api"; this service signs as "aidevops"`},
		{"host not signed", func(r *http.Request) {
			r.Header.Set("X-Amz-Date", "20260701T120000Z")
			r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260701/us-east-1/"+
				"aidevops/aws4_request, SignedHeaders=x-amz-date, Signature="+
				strings.Repeat("a", 64))
		}, "SignedHeaders must include host and x-amz-date"},
		{"no date", func(r *http.Request) {
			r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260701/us-east-1/"+
				"aidevops/aws4_request, SignedHeaders=host;x-amz-date, Signature="+
				strings.Repeat("a", 64))
		}, "X-Amz-Date header is missing or not in 20060102T150405Z form"},
		{"scope date differs", func(r *http.Request) {
			r.Header.Set("X-Amz-Date", "20260702T120000Z")
			r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260701/us-east-1/"+
				"aidevops/aws4_request, SignedHeaders=host;x-amz-date, Signature="+
				strings.Repeat("a", 64))
		}, "credential scope date does not match X-Amz-Date"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := env.request(t, http.MethodGet, tasksPath+"/x", nil)
			tc.prepare(req)
			res := env.send(t, req)
			requireError(t, res, http.StatusForbidden, codeAccessDenied, tc.message)
		})
	}

	anyKey := env.request(t, http.MethodGet, "/v1/services/x", nil)
	env.sign(t, anyKey, aws.Credentials{AccessKeyID: "ANY", SecretAccessKey: "any"})
	requireStatus(t, env.send(t, anyKey), http.StatusNotFound)
}

func TestSignatureVerified(t *testing.T) {
	env := newEnv(t, func(o *Options) {
		o.Credentials = &Credentials{AccessKeyID: testCreds.AccessKeyID,
			SecretAccessKey: testCreds.SecretAccessKey}
	})
	body := map[string]any{"title": "t", "taskType": "INVESTIGATION", "priority": "LOW"}

	good := env.call(t, http.MethodPost, tasksPath, body)
	requireStatus(t, good, http.StatusCreated)
	query := env.call(t, http.MethodPost,
		"/v1/services/list?maxResults=5&filterServiceType=github", nil)
	requireStatus(t, query, http.StatusOK)

	cases := []struct {
		name    string
		creds   aws.Credentials
		tamper  func(*http.Request)
		message string
	}{
		{"wrong secret",
			aws.Credentials{AccessKeyID: testCreds.AccessKeyID, SecretAccessKey: "nope"},
			nil, "the request signature we calculated does not match the signature you provided"},
		{"wrong key", aws.Credentials{AccessKeyID: "AKIDOTHER", SecretAccessKey: "test-secret"},
			nil, "the security token included in the request is invalid"},
		{"body changed after signing", testCreds, func(r *http.Request) {
			r.Body = http.NoBody
			r.ContentLength = 0
		}, "the request signature we calculated does not match the signature you provided"},
		{"signed header changed", testCreds, func(r *http.Request) {
			r.Header.Set("Content-Type", "text/plain")
		}, "the request signature we calculated does not match the signature you provided"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := env.request(t, http.MethodPost, tasksPath, body)
			env.sign(t, req, tc.creds)
			if tc.tamper != nil {
				tc.tamper(req)
			}
			res := env.send(t, req)
			requireError(t, res, http.StatusForbidden, codeAccessDenied, tc.message)
			require.NotContains(t, string(res.raw), "test-secret")
		})
	}

	for _, skew := range []time.Duration{-16 * time.Minute, 16 * time.Minute} {
		t.Run("clock skew "+skew.String(), func(t *testing.T) {
			req := env.request(t, http.MethodGet, tasksPath+"/id-1", nil)
			env.signAt(t, req, testCreds, time.Now().Add(skew))
			requireError(t, env.send(t, req), http.StatusForbidden, codeAccessDenied,
				"signature expired: X-Amz-Date is more than 15m0s from the server's time")
		})
	}

	t.Run("emulated clock does not matter", func(t *testing.T) {
		env.clock.Advance(-24 * time.Hour)
		defer env.clock.Advance(24 * time.Hour)
		requireStatus(t, env.call(t, http.MethodGet, tasksPath+"/id-1", nil), http.StatusOK)
	})
}

func TestBodyTooLarge(t *testing.T) {
	env := newEnv(t, func(o *Options) { o.MaxBodyBytes = 1024 })

	big := map[string]any{"title": strings.Repeat("x", 2000), "taskType": "INVESTIGATION",
		"priority": "LOW"}
	res := env.call(t, http.MethodPost, tasksPath, big)
	requireError(t, res, http.StatusRequestEntityTooLarge, codeContentSize,
		"request body is larger than 1024 bytes")

	chunked := env.request(t, http.MethodPost, tasksPath, big)
	chunked.ContentLength = -1 // sent chunked: the limit is found while reading
	env.sign(t, chunked, testCreds)
	requireError(t, env.send(t, chunked), http.StatusRequestEntityTooLarge, codeContentSize,
		"request body is larger than 1024 bytes")
}

func TestUnknownOperation(t *testing.T) {
	env := newEnv(t, nil)
	cases := []struct{ method, path string }{
		{http.MethodGet, "/v1/nothing"},
		{http.MethodDelete, "/v1/services/x"},
		{http.MethodGet, "/v1/services/"},
	}
	for _, tc := range cases {
		t.Run(tc.method+tc.path, func(t *testing.T) {
			res := env.call(t, tc.method, tc.path, nil)
			requireError(t, res, http.StatusNotFound, codeUnknownOperation,
				"no operation matches "+tc.method+" "+tc.path)
		})
	}
}

// TestHostPrefixIgnored sends a request whose Host carries the "dp."
// prefix the SDK adds by default, signed for that host.
func TestHostPrefixIgnored(t *testing.T) {
	env := newEnv(t, nil)
	req := env.request(t, http.MethodPost, tasksPath, map[string]any{
		"title": "t", "taskType": "INVESTIGATION", "priority": "LOW"})
	req.Host = "dp." + req.URL.Host
	env.sign(t, req, testCreds)
	requireStatus(t, env.send(t, req), http.StatusCreated)
}

func TestEscapedLabels(t *testing.T) {
	env := newEnv(t, nil)
	res := env.call(t, http.MethodGet, "/v1/services/a%2Fb", nil)
	requireFields(t, res, field("/serviceId",
		"Member must satisfy regular expression pattern: ^[a-zA-Z0-9_-]+$"))
}

func TestRestartKeepsState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	clock := &fakeClock{t: testStart}
	ids := &seqIDs{}
	open := func() *testEnv {
		return newEnv(t, func(o *Options) {
			o.StatePath, o.Now, o.NewID = path, clock.Now, ids.Next
			o.Seed = testSeed()
		})
	}

	first := open()
	task := first.call(t, http.MethodPost, tasksPath, map[string]any{
		"title": "t", "taskType": "INVESTIGATION", "priority": "LOW", "clientToken": "c"})
	requireStatus(t, task, http.StatusCreated)
	assoc := first.call(t, http.MethodPost, associationsPath,
		map[string]any{"serviceId": "github-main", "configuration": githubConfig})
	requireStatus(t, assoc, http.StatusCreated)
	page := first.call(t, http.MethodPost, "/v1/services/list?maxResults=1", nil)
	first.http.Close()

	info, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "the state holds secrets")
	leftovers, err := filepath.Glob(path + ".tmp-*")
	require.NoError(t, err)
	assert.Empty(t, leftovers)

	second := open()
	got := second.call(t, http.MethodGet, tasksPath+"/id-1", nil)
	require.JSONEq(t, string(task.raw), string(got.raw))
	gotAssoc := second.call(t, http.MethodGet, associationsPath+"/id-2", nil)
	require.JSONEq(t, mustJSON(t, assoc.body["association"]),
		mustJSON(t, gotAssoc.body["association"]))

	retry := second.call(t, http.MethodPost, tasksPath, map[string]any{
		"title": "t", "taskType": "INVESTIGATION", "priority": "LOW", "clientToken": "c"})
	require.JSONEq(t, string(task.raw), string(retry.raw), "client tokens survive a restart")

	next := second.call(t, http.MethodPost, "/v1/services/list?maxResults=1&nextToken="+
		page.str(t, "nextToken"), nil)
	assert.Equal(t, []string{"slack-ops"}, serviceIDs(t, next), "page tokens survive a restart")
}

// TestEmptyStateFile starts from a file made by `touch` (or holding only
// white space) as from no file, and saves into it.
func TestEmptyStateFile(t *testing.T) {
	for _, content := range []string{"", " \n\t"} {
		t.Run(fmt.Sprintf("%q", content), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.json")
			require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
			env := newEnv(t, func(o *Options) { o.StatePath = path })

			requireStatus(t, env.call(t, http.MethodPost, tasksPath, map[string]any{
				"title": "t", "taskType": "INVESTIGATION", "priority": "LOW"}), http.StatusCreated)
			saved, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Contains(t, string(saved), `"taskId":"id-1"`)
		})
	}
}

func TestBrokenStateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	require.NoError(t, os.WriteFile(path, []byte("{"), 0o600))
	_, err := New(Options{StatePath: path})
	require.EqualError(t, err, "emulator: parse state "+path+": unexpected end of JSON input")

	require.NoError(t, os.WriteFile(path, []byte(`{"version":9}`), 0o600))
	_, err = New(Options{StatePath: path})
	require.EqualError(t, err, "emulator: state "+path+" has format version 9, want 1")

	require.NoError(t, os.WriteFile(path, []byte(`{"version":1,"tasks":{"t-1":null}}`), 0o600))
	_, err = New(Options{StatePath: path})
	require.EqualError(t, err, "emulator: state "+path+`: tasks "t-1" is null`)
}

func TestSeed(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o600))
		return p
	}

	seed, err := LoadSeed(write("ok.json", `{"agentSpaces":[{"agentSpaceId":"prod"}],
		"services":[{"serviceId":"gh","serviceType":"github",
		"additionalServiceDetails":{"github":{"owner":"o","ownerType":"user"}}}]}`))
	require.NoError(t, err)
	env := newEnv(t, func(o *Options) { o.Seed = seed; o.AgentSpaceID = "main" })
	requireStatus(t, env.call(t, http.MethodGet, "/v1/services/gh", nil), http.StatusOK)
	for _, space := range []string{"main", "prod"} {
		res := env.call(t, http.MethodPost, "/backlog/agent-space/"+space+"/tasks/list",
			map[string]any{})
		requireStatus(t, res, http.StatusOK)
	}
	res := env.call(t, http.MethodPost, "/backlog/agent-space/default/tasks/list", map[string]any{})
	requireStatus(t, res, http.StatusNotFound)

	_, err = LoadSeed(write("typo.json", `{"service":[]}`))
	require.ErrorContains(t, err, `json: unknown field "service"`)

	bad, err := LoadSeed(write("bad.json",
		`{"services":[{"serviceId":"gh","serviceType":"gitbucket"}]}`))
	require.NoError(t, err)
	_, err = New(Options{Seed: bad})
	require.EqualError(t, err, `emulator: service "gh": 1 validation error detected: `+
		`Value at '/serviceType' failed to satisfy constraint: `+
		`Member must satisfy enum value set: [github, slack, azure, azuredevops, dynatrace, `+
		`servicenow, pagerduty, gitlab, eventChannel, mcpservernewrelic, mcpservergrafana, `+
		`mcpserverdatadog, mcpserver, mcpserversplunk, azureidentity, mcpserversigv4, `+
		`remoteagent, remoteagentsigv4]`)

	_, err = New(Options{AgentSpaceID: "no spaces allowed"})
	require.ErrorContains(t, err, `emulator: agent space "no spaces allowed": 1 validation error`)
}

// TestConcurrentRequests runs creates, updates and lists in parallel;
// run it with -race.
func TestConcurrentRequests(t *testing.T) {
	env := newEnv(t, func(o *Options) {
		o.StatePath = filepath.Join(t.TempDir(), "state.json")
	})

	const workers, perWorker = 8, 10
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWorker {
				if err := concurrentStep(env, w, i); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()

	all := taskIDs(t, env.call(t, http.MethodPost, listTasksPath, map[string]any{"limit": 1000}))
	assert.Len(t, all, workers*5, "one task per distinct client token")
	assert.Len(t, unique(all), workers*5)
}

// concurrentStep creates a task (reusing each client token twice with a
// different title, so half the calls conflict), updates it and lists.
func concurrentStep(env *testEnv, w, i int) error {
	status, body, err := env.tryCall(http.MethodPost, tasksPath, map[string]any{
		"title": fmt.Sprintf("w%d-%d", w, i), "taskType": "INVESTIGATION",
		"priority": "LOW", "clientToken": fmt.Sprintf("w%d-%d", w, i%5),
	})
	switch {
	case err != nil:
		return err
	case status == http.StatusConflict:
		return nil
	case status != http.StatusCreated:
		return fmt.Errorf("create answered %d: %v", status, body)
	}

	id := body["task"].(map[string]any)["taskId"].(string)
	status, body, err = env.tryCall(http.MethodPatch, tasksPath+"/"+id,
		map[string]any{"taskStatus": "LINKED"})
	if err != nil || status != http.StatusOK {
		return fmt.Errorf("update answered %d: %v (%v)", status, body, err)
	}

	status, body, err = env.tryCall(http.MethodPost, listTasksPath, map[string]any{"limit": 7})
	if err != nil || status != http.StatusOK {
		return fmt.Errorf("list answered %d: %v (%v)", status, body, err)
	}
	return nil
}
