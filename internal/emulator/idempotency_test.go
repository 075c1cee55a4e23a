package emulator

// Tests of how long client tokens are remembered: forgotten after their
// lifetime, swept from the state, and dated at load when a state file
// saved them undated or in the future.

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClientTokenForgottenAfterLifetime(t *testing.T) {
	env := newEnv(t, func(o *Options) { o.TokenLifetime = time.Hour })
	body := map[string]any{"title": "t", "taskType": "INVESTIGATION", "priority": "LOW",
		"clientToken": "tok"}

	first := env.call(t, http.MethodPost, tasksPath, body)
	requireStatus(t, first, http.StatusCreated)
	env.clock.Advance(time.Hour - time.Millisecond)
	retry := env.call(t, http.MethodPost, tasksPath, body)
	require.JSONEq(t, string(first.raw), string(retry.raw), "remembered within the lifetime")

	env.clock.Advance(time.Millisecond)
	body["priority"] = "HIGH"
	later := env.call(t, http.MethodPost, tasksPath, body)
	requireStatus(t, later, http.StatusCreated)
	assert.Equal(t, "id-2", later.str(t, "task", "taskId"), "a forgotten token starts anew")

	again := env.call(t, http.MethodPost, tasksPath, body)
	assert.Equal(t, "id-2", again.str(t, "task", "taskId"), "the new use is remembered")
}

func TestForgottenTokensAreSwept(t *testing.T) {
	st := newState()
	start := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	scope := func(i int) tokenScope {
		return tokenScope{op: "CreateBacklogTask", agentSpaceID: "default",
			token: fmt.Sprintf("tok-%d", i), fp: "fp",
			at: start.Add(time.Duration(i) * time.Second), lifetime: 100 * time.Second}
	}

	for i := range minTokenSweep - 1 {
		st.remember(scope(i), "task")
	}
	require.Len(t, st.Tokens, minTokenSweep-1, "no sweep below the threshold")

	st.remember(scope(minTokenSweep-1), "task")

	assert.Len(t, st.Tokens, 100, "only the tokens of the last 100 seconds remain")
	assert.Contains(t, st.Tokens, tokenKey("CreateBacklogTask", "default", "tok-1023"))
	assert.NotContains(t, st.Tokens, tokenKey("CreateBacklogTask", "default", "tok-923"))
	assert.Equal(t, 200, st.tokenSweepAt)
}

// TestTokenDatesFixedAtLoad loads state files whose tokens have no time
// of first use (as written before tokens expired) or one in the future:
// such tokens count from the first load, and keep that date across
// restarts.
func TestTokenDatesFixedAtLoad(t *testing.T) {
	for _, firstUsed := range []any{nil, "2030-01-01T00:00:00Z"} {
		t.Run(fmt.Sprint(firstUsed), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.json")
			clock := &fakeClock{t: testStart}
			ids := &seqIDs{}
			open := func() *testEnv {
				return newEnv(t, func(o *Options) {
					o.StatePath, o.Now, o.NewID = path, clock.Now, ids.Next
				})
			}
			body := map[string]any{"title": "t", "taskType": "INVESTIGATION",
				"priority": "LOW", "clientToken": "c"}

			task := open().call(t, http.MethodPost, tasksPath, body)
			requireStatus(t, task, http.StatusCreated)
			setTokenDates(t, path, firstUsed)

			clock.Advance(7 * time.Hour)
			open()
			clock.Advance(7 * time.Hour)
			retry := open().call(t, http.MethodPost, tasksPath, body)
			require.JSONEq(t, string(task.raw), string(retry.raw),
				"remembered for a lifetime from the first load")

			clock.Advance(time.Hour)
			later := open().call(t, http.MethodPost, tasksPath, body)
			assert.Equal(t, "id-2", later.str(t, "task", "taskId"),
				"forgotten a lifetime after the first load")
		})
	}
}

// setTokenDates rewrites the firstUsed of every token in the state file
// at path; nil removes it.
func setTokenDates(t *testing.T, path string, firstUsed any) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var st map[string]any
	require.NoError(t, json.Unmarshal(data, &st))

	tokens := st["idempotencyTokens"].(map[string]any)
	require.Len(t, tokens, 1)
	for _, rec := range tokens {
		if firstUsed == nil {
			delete(rec.(map[string]any), "firstUsed")
		} else {
			rec.(map[string]any)["firstUsed"] = firstUsed
		}
	}

	data, err = json.Marshal(st)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, data, 0o600))
}
