package devopsagentlocal

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// signedCall sends a request signed with the server's credentials and
// decodes the JSON answer.
func signedCall(t *testing.T, s *Server, method, path string, body any) (int, map[string]any) {
	t.Helper()

	var data []byte
	if body != nil {
		var err error
		data, err = json.Marshal(body)
		require.NoError(t, err)
	}
	req, err := http.NewRequest(method, s.URL()+path, bytes.NewReader(data))
	require.NoError(t, err)
	if data != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	sum := sha256.Sum256(data)
	err = v4.NewSigner().SignHTTP(context.Background(), s.Credentials(), req,
		hex.EncodeToString(sum[:]), "aidevops", Region, time.Now())
	require.NoError(t, err)

	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	var out map[string]any
	require.NoError(t, json.NewDecoder(res.Body).Decode(&out))
	return res.StatusCode, out
}

func TestStartServesOnLoopback(t *testing.T) {
	s := Start(t, WithAgentSpace("team"))
	assert.True(t, strings.HasPrefix(s.URL(), "http://127.0.0.1:"), s.URL())

	status, out := signedCall(t, s, http.MethodPost, "/backlog/agent-space/team/tasks",
		map[string]any{"title": "t", "taskType": "INVESTIGATION", "priority": "LOW"})
	require.Equal(t, http.StatusCreated, status, "%v", out)

	status, _ = signedCall(t, s, http.MethodPost, "/backlog/agent-space/default/tasks/list",
		map[string]any{})
	assert.Equal(t, http.StatusNotFound, status, "only the named agent space exists")
}

func TestSeedingHelpers(t *testing.T) {
	s := Start(t, WithSeed(&Seed{AgentSpaces: []SeedAgentSpace{{AgentSpaceID: "seeded"}}}))
	require.NoError(t, s.AddAgentSpace("extra"))
	require.NoError(t, s.AddService(SeedService{
		ServiceID: "gh", ServiceType: "github",
		AdditionalServiceDetails: json.RawMessage(`{"github":{"owner":"o","ownerType":"user"}}`),
	}))

	status, out := signedCall(t, s, http.MethodGet, "/v1/services/gh", nil)
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, "github", out["service"].(map[string]any)["serviceType"])
	for _, space := range []string{"default", "seeded", "extra"} {
		status, _ := signedCall(t, s, http.MethodPost, "/backlog/agent-space/"+space+"/tasks/list",
			map[string]any{})
		assert.Equal(t, http.StatusOK, status, space)
	}

	err := s.AddService(SeedService{ServiceID: "x", ServiceType: "nope"})
	require.ErrorContains(t, err, `emulator: service "x": 1 validation error detected`)
}

func TestCompleteOAuth(t *testing.T) {
	s := Start(t)
	status, out := signedCall(t, s, http.MethodPost, "/v1/register/mcpservergrafana",
		map[string]any{
			"serviceDetails": map[string]any{"mcpservergrafana": map[string]any{
				"name": "grafana", "endpoint": "https://grafana.example.com",
				"authorizationConfig": map[string]any{"oAuth3LO": map[string]any{
					"clientId": "cid", "returnToEndpoint": "https://x.console.aws.amazon.com/",
					"authorizationUrl": "https://grafana.example.com/oauth/authorize",
					"exchangeUrl":      "https://grafana.example.com/oauth/token",
				}},
			}},
		})
	require.Equal(t, http.StatusCreated, status, "%v", out)
	step := out["additionalStep"].(map[string]any)["oauth"].(map[string]any)
	authURL := step["authorizationUrl"].(string)

	id, err := s.CompleteOAuth(context.Background(), authURL)
	require.NoError(t, err)
	status, got := signedCall(t, s, http.MethodGet, "/v1/services/"+id, nil)
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, "mcpservergrafana", got["service"].(map[string]any)["serviceType"])

	_, err = s.CompleteOAuth(context.Background(), authURL)
	require.EqualError(t, err, "devopsagentlocal: OAuth callback answered 404: "+
		"no registration is waiting for this OAuth state")

	_, err = s.CompleteOAuth(context.Background(),
		"https://idp.example.com/authorize?state=s&redirect_uri=https://elsewhere.example.com/cb")
	require.EqualError(t, err, "devopsagentlocal: redirect_uri https://elsewhere.example.com/cb "+
		"does not point at this server")
}

func TestWrongCredentialsRejected(t *testing.T) {
	s := Start(t, WithCredentials("AKIDTEST", "right"))
	other := Start(t, WithCredentials("AKIDTEST", "wrong"))

	req, err := http.NewRequest(http.MethodGet, s.URL()+"/v1/services/x", nil)
	require.NoError(t, err)
	sum := sha256.Sum256(nil)
	require.NoError(t, v4.NewSigner().SignHTTP(context.Background(), other.Credentials(), req,
		hex.EncodeToString(sum[:]), "aidevops", Region, time.Now()))
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusForbidden, res.StatusCode)
}

// fakeTB records Fatalf instead of stopping.
type fakeTB struct {
	fatal    string
	cleanups []func()
}

func (f *fakeTB) Helper()                           {}
func (f *fakeTB) Cleanup(fn func())                 { f.cleanups = append(f.cleanups, fn) }
func (f *fakeTB) Fatalf(format string, args ...any) { f.fatal = fmt.Sprintf(format, args...) }

func TestStartReportsFailure(t *testing.T) {
	tb := &fakeTB{}
	s := Start(tb, WithAgentSpace("not valid"))
	assert.Nil(t, s)
	assert.Empty(t, tb.cleanups)
	assert.True(t, strings.HasPrefix(tb.fatal,
		`devopsagentlocal: emulator: agent space "not valid": 1 validation error detected`),
		tb.fatal)
}
