package emulator

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const listTasksPath = tasksPath + "/list"

// createTasks creates one task per entry, one second apart, and returns
// their ids in creation order.
func createTasks(t *testing.T, env *testEnv, specs ...[3]string) []string {
	t.Helper()

	var ids []string
	for i, spec := range specs {
		if i > 0 {
			env.clock.Advance(time.Second)
		}
		res := env.call(t, http.MethodPost, tasksPath, map[string]any{
			"title": "task", "taskType": spec[0], "priority": spec[1],
		})
		requireStatus(t, res, http.StatusCreated)
		id := res.str(t, "task", "taskId")
		if spec[2] != "" {
			upd := env.call(t, http.MethodPatch, tasksPath+"/"+id,
				map[string]any{"taskStatus": spec[2]})
			requireStatus(t, upd, http.StatusOK)
		}
		ids = append(ids, id)
	}
	return ids
}

func taskIDs(t *testing.T, res *response) []string {
	t.Helper()
	requireStatus(t, res, http.StatusOK)

	var ids []string
	for i := range dig(t, res.body, "tasks").([]any) {
		ids = append(ids, res.str(t, "tasks", i, "taskId"))
	}
	return ids
}

func TestListBacklogTasksFilterAndSort(t *testing.T) {
	env := newEnv(t, nil)
	ids := createTasks(t, env,
		[3]string{"INVESTIGATION", "LOW", ""},              // id-1 at +0s
		[3]string{"EVALUATION", "CRITICAL", "IN_PROGRESS"}, // id-2 at +1s
		[3]string{"INVESTIGATION", "CRITICAL", ""},         // id-4 at +2s
		[3]string{"INVESTIGATION", "MEDIUM", "CANCELED"},   // id-5 at +3s
	)
	require.Equal(t, []string{"id-1", "id-2", "id-4", "id-5"}, ids)

	cases := []struct {
		name string
		body map[string]any
		want []string
	}{
		{"default is newest first", map[string]any{}, []string{"id-5", "id-4", "id-2", "id-1"}},
		{"ascending", map[string]any{"order": "ASC"}, []string{"id-1", "id-2", "id-4", "id-5"}},
		{"by priority", map[string]any{"sortField": "PRIORITY"},
			[]string{"id-4", "id-2", "id-5", "id-1"}},
		{"by priority ascending", map[string]any{"sortField": "PRIORITY", "order": "ASC"},
			[]string{"id-1", "id-5", "id-2", "id-4"}},
		{"task type",
			map[string]any{"filter": map[string]any{"taskType": []string{"INVESTIGATION"}}},
			[]string{"id-5", "id-4", "id-1"}},
		{"priority", map[string]any{"filter": map[string]any{"priority": []string{"CRITICAL"}}},
			[]string{"id-4", "id-2"}},
		{"status", map[string]any{"filter": map[string]any{"status": []string{"PENDING_START"}}},
			[]string{"id-4", "id-1"}},
		{"type, priority and status", map[string]any{"filter": map[string]any{
			"taskType": []string{"INVESTIGATION"}, "priority": []string{"CRITICAL"},
			"status": []string{"PENDING_START"}}}, []string{"id-4"}},
		{"created after is inclusive", map[string]any{"filter": map[string]any{
			"createdAfter": "2026-07-01T12:00:02Z"}}, []string{"id-5", "id-4"}},
		{"created before is exclusive", map[string]any{"filter": map[string]any{
			"createdBefore": "2026-07-01T12:00:02Z"}}, []string{"id-2", "id-1"}},
		{"type filter sorted by priority", map[string]any{
			"filter":    map[string]any{"taskType": []string{"INVESTIGATION"}},
			"sortField": "PRIORITY"}, []string{"id-4", "id-5", "id-1"}},
		{"primary task", map[string]any{"filter": map[string]any{"primaryTaskId": "id-1"}}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := env.call(t, http.MethodPost, listTasksPath, tc.body)
			assert.Equal(t, tc.want, taskIDs(t, res))
			assert.NotContains(t, res.body, "nextToken")
		})
	}
}

func TestListBacklogTasksRestrictions(t *testing.T) {
	env := newEnv(t, nil)

	cases := []struct {
		name string
		body map[string]any
		want []fieldEntry
	}{
		{"priority and status need a type",
			map[string]any{"filter": map[string]any{
				"priority": []string{"HIGH"}, "status": []string{"COMPLETED"}}},
			[]fieldEntry{field("/filter",
				"Filtering by priority and status together requires a taskType filter")}},
		{"priority sort with a priority filter alone",
			map[string]any{"sortField": "PRIORITY",
				"filter": map[string]any{"priority": []string{"HIGH"}}},
			[]fieldEntry{field("/sortField", "Only CREATED_AT sorting is supported with a "+
				"priority or status filter and no taskType filter")}},
		{"priority sort with a time filter",
			map[string]any{"sortField": "PRIORITY",
				"filter": map[string]any{"createdAfter": "2026-01-01T00:00:00Z"}},
			[]fieldEntry{field("/sortField",
				"PRIORITY sorting cannot be combined with createdAfter or createdBefore")}},
		{"one value per filter list",
			map[string]any{"filter": map[string]any{
				"taskType": []string{"INVESTIGATION", "EVALUATION"}}},
			[]fieldEntry{field("/filter/taskType",
				"Member must have length between 1 and 1, inclusive")}},
		{"empty filter list",
			map[string]any{"filter": map[string]any{"status": []string{}}},
			[]fieldEntry{field("/filter/status",
				"Member must have length between 1 and 1, inclusive")}},
		{"page size range",
			map[string]any{"limit": 1001},
			[]fieldEntry{field("/limit", "Member must be between 1 and 1000, inclusive")}},
		{"page size zero",
			map[string]any{"limit": 0},
			[]fieldEntry{field("/limit", "Member must be between 1 and 1000, inclusive")}},
		{"sort field enum",
			map[string]any{"sortField": "TITLE"},
			[]fieldEntry{field("/sortField",
				"Member must satisfy enum value set: [CREATED_AT, PRIORITY]")}},
		{"date-time filter",
			map[string]any{"filter": map[string]any{"createdBefore": 1767225600}},
			[]fieldEntry{field("/filter/createdBefore",
				"Member must be a date-time string (RFC 3339)")}},
		{"garbage token",
			map[string]any{"nextToken": "not-a-token"},
			[]fieldEntry{field("/nextToken", "Member must be a token returned by an earlier "+
				"ListBacklogTasks call with the same parameters")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			requireFields(t, env.call(t, http.MethodPost, listTasksPath, tc.body), tc.want...)
		})
	}
}

// TestListBacklogTasksPaginationWithInserts pages through tasks while new
// tasks arrive between pages: every task present at the start is seen
// exactly once, in order.
func TestListBacklogTasksPaginationWithInserts(t *testing.T) {
	for _, order := range []string{"ASC", "DESC"} {
		t.Run(order, func(t *testing.T) {
			env := newEnv(t, nil)
			var initial []string
			for range 7 {
				res := env.call(t, http.MethodPost, tasksPath, map[string]any{
					"title": "t", "taskType": "INVESTIGATION", "priority": "LOW",
				})
				initial = append(initial, res.str(t, "task", "taskId"))
			}

			var seen []string
			body := map[string]any{"limit": 3, "order": order}
			for page := 0; ; page++ {
				res := env.call(t, http.MethodPost, listTasksPath, body)
				seen = append(seen, taskIDs(t, res)...)
				token, more := res.body["nextToken"].(string)
				if !more {
					break
				}
				require.Less(t, page, 5, "pagination must end")

				inserted := env.call(t, http.MethodPost, tasksPath, map[string]any{
					"title": "late", "taskType": "INVESTIGATION", "priority": "LOW",
				})
				requireStatus(t, inserted, http.StatusCreated)
				body["nextToken"] = token
			}

			want := initial
			if order == "DESC" {
				want = reversed(initial)
			}
			require.Equal(t, want, onlyIn(seen, initial))
			require.Equal(t, len(seen), len(unique(seen)), "no task is returned twice")
		})
	}
}

func TestListBacklogTasksTokenBoundToParameters(t *testing.T) {
	env := newEnv(t, nil)
	createTasks(t, env, [3]string{"INVESTIGATION", "LOW", ""},
		[3]string{"INVESTIGATION", "LOW", ""})

	first := env.call(t, http.MethodPost, listTasksPath, map[string]any{"limit": 1})
	token := first.str(t, "nextToken")

	sameParams := env.call(t, http.MethodPost, listTasksPath,
		map[string]any{"limit": 5, "nextToken": token})
	require.Equal(t, []string{"id-1"}, taskIDs(t, sameParams))

	otherOrder := env.call(t, http.MethodPost, listTasksPath,
		map[string]any{"order": "ASC", "nextToken": token})
	requireFields(t, otherOrder, field("/nextToken", "Member must be a token returned by an "+
		"earlier ListBacklogTasks call with the same parameters"))
}

func reversed(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[len(in)-1-i] = s
	}
	return out
}

// onlyIn keeps the items of seen that are in keep, in seen's order.
func onlyIn(seen, keep []string) []string {
	set := map[string]bool{}
	for _, k := range keep {
		set[k] = true
	}
	var out []string
	for _, s := range seen {
		if set[s] {
			out = append(out, s)
		}
	}
	return out
}

func unique(in []string) map[string]bool {
	out := map[string]bool{}
	for _, s := range in {
		out[s] = true
	}
	return out
}
