package emulator

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const tasksPath = "/backlog/agent-space/default/tasks"

func TestBacklogTaskLifecycle(t *testing.T) {
	env := newEnv(t, nil)

	created := env.call(t, http.MethodPost, tasksPath, map[string]any{
		"title": "Disk full on db-1", "description": "Alarm fired at 03:00",
		"taskType": "INVESTIGATION", "priority": "HIGH", "clientToken": "tok-1",
		"reference": map[string]any{
			"system": "pagerduty", "referenceId": "PD-1", "referenceUrl": "https://pd.example/1",
			"associationId": "assoc-1", "title": "Incident 1",
		},
	})
	requireStatus(t, created, http.StatusCreated)
	require.JSONEq(t, `{"task":{
		"agentSpaceId":"default","taskId":"id-1","title":"Disk full on db-1",
		"description":"Alarm fired at 03:00","taskType":"INVESTIGATION","priority":"HIGH",
		"status":"PENDING_START","createdAt":"2026-07-01T12:00:00Z",
		"updatedAt":"2026-07-01T12:00:00Z","version":1,"hasLinkedTasks":false,
		"reference":{"system":"pagerduty","referenceId":"PD-1",
			"referenceUrl":"https://pd.example/1","associationId":"assoc-1",
			"title":"Incident 1"}}}`, string(created.raw))

	got := env.call(t, http.MethodGet, tasksPath+"/id-1", nil)
	requireStatus(t, got, http.StatusOK)
	require.JSONEq(t, string(created.raw), string(got.raw))

	env.clock.Advance(1500 * time.Millisecond)
	started := env.call(t, http.MethodPatch, tasksPath+"/id-1",
		map[string]any{"taskStatus": "IN_PROGRESS", "clientToken": "tok-2"})
	requireStatus(t, started, http.StatusOK)
	require.JSONEq(t, `{"task":{
		"agentSpaceId":"default","taskId":"id-1","executionId":"id-2",
		"title":"Disk full on db-1","description":"Alarm fired at 03:00",
		"taskType":"INVESTIGATION","priority":"HIGH","status":"IN_PROGRESS",
		"statusReason":"Status set to IN_PROGRESS by UpdateBacklogTask",
		"createdAt":"2026-07-01T12:00:00Z","updatedAt":"2026-07-01T12:00:01.5Z",
		"version":2,"hasLinkedTasks":false,
		"reference":{"system":"pagerduty","referenceId":"PD-1",
			"referenceUrl":"https://pd.example/1","associationId":"assoc-1",
			"title":"Incident 1"}}}`, string(started.raw))

	same := env.call(t, http.MethodPatch, tasksPath+"/id-1", map[string]any{"clientToken": "tok-3"})
	requireStatus(t, same, http.StatusOK)
	require.Equal(t, "3", same.num(t, "task", "version"))
	require.Equal(t, "IN_PROGRESS", same.str(t, "task", "status"))

	done := env.call(t, http.MethodPatch, tasksPath+"/id-1",
		map[string]any{"taskStatus": "COMPLETED", "clientToken": "tok-4"})
	requireStatus(t, done, http.StatusOK)
	require.Equal(t, "COMPLETED", done.str(t, "task", "status"))

	reopened := env.call(t, http.MethodPatch, tasksPath+"/id-1",
		map[string]any{"taskStatus": "IN_PROGRESS", "clientToken": "tok-5"})
	requireError(t, reopened, http.StatusConflict, codeConflict,
		"task id-1 is COMPLETED and its status can no longer change")
}

func TestBacklogTaskNotFound(t *testing.T) {
	env := newEnv(t, func(o *Options) {
		o.Seed = &Seed{AgentSpaces: []SeedAgentSpace{{AgentSpaceID: "other"}}}
	})
	created := env.call(t, http.MethodPost, tasksPath,
		map[string]any{"title": "t", "taskType": "EVALUATION", "priority": "LOW"})
	requireStatus(t, created, http.StatusCreated)

	cases := []struct {
		name, method, path, message string
		body                        any
	}{
		{"unknown task", http.MethodGet, tasksPath + "/nope",
			"task nope does not exist in agent space default", nil},
		{"task of another space", http.MethodGet, "/backlog/agent-space/other/tasks/id-1",
			"task id-1 does not exist in agent space other", nil},
		{"unknown space get", http.MethodGet, "/backlog/agent-space/ghost/tasks/id-1",
			"agent space ghost does not exist", nil},
		{"unknown space create", http.MethodPost, "/backlog/agent-space/ghost/tasks",
			"agent space ghost does not exist",
			map[string]any{"title": "t", "taskType": "EVALUATION", "priority": "LOW"}},
		{"unknown space list", http.MethodPost, "/backlog/agent-space/ghost/tasks/list",
			"agent space ghost does not exist", map[string]any{}},
		{"update unknown task", http.MethodPatch, tasksPath + "/nope",
			"task nope does not exist in agent space default", map[string]any{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := env.call(t, tc.method, tc.path, tc.body)
			requireError(t, res, http.StatusNotFound, codeResourceNotFound, tc.message)
		})
	}
}
