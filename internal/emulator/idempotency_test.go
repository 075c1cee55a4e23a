package emulator

import (
	"fmt"
	"net/http"
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
