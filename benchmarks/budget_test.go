// This file holds TestAllocationBudget: the only check on performance that
// runs in CI. It counts allocations, never time, so it is stable on a busy
// machine; the limits live in budget.json beside this file.

package benchmarks

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/stretchr/testify/require"

	ours "github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/benchmarks/clientdecode"
	"github.com/devopsagent-go/devopsagent/benchmarks/fixtures"
)

// budget is the content of budget.json.
type budget struct {
	// Note says where the numbers come from.
	Note string `json:"note"`

	// TargetAllocsPerTask is the goal from the performance issue; it is
	// reported, not enforced, while the measured budget is above it.
	TargetAllocsPerTask float64 `json:"targetAllocsPerTask"`

	// MaxAllocsPerOp maps a check name to the most allocations one run
	// of it may make.
	MaxAllocsPerOp map[string]float64 `json:"maxAllocsPerOp"`
}

// loadBudget reads budget.json.
func loadBudget(t *testing.T) budget {
	t.Helper()

	raw, err := os.ReadFile("budget.json")
	require.NoError(t, err, "read budget.json")

	var b budget
	require.NoError(t, json.Unmarshal(raw, &b), "parse budget.json")
	return b
}

// TestAllocationBudget fails when decoding the 1000-task page, alone or as a
// whole ListBacklogTasks call, or the small AssociateService round trip
// allocates more than budget.json allows.
func TestAllocationBudget(t *testing.T) {
	limits := loadBudget(t)

	// The round trip runs many times: a call that finds the stack pool
	// emptied by a garbage collection builds a stack (about 50
	// allocations), which five runs would average into the count.
	tests := []struct {
		name  string
		tasks int // tasks decoded per run, 0 for none
		runs  int
		run   func(t *testing.T) func()
	}{
		{name: "DecodeTasks1000", tasks: fixtures.PageTasks, runs: 5, run: decodeTasksOnce},
		{name: "ListBacklogTasks1000", tasks: fixtures.PageTasks, runs: 5, run: listTasksOnce},
		{name: "AssociateServiceRoundTrip", runs: 200, run: associateOnce},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			limit, ok := limits.MaxAllocsPerOp[tt.name]
			require.True(t, ok, "budget.json has no maxAllocsPerOp.%s", tt.name)

			got := testing.AllocsPerRun(tt.runs, tt.run(t))
			t.Logf("%s: %.0f allocs/op", tt.name, got)
			if tt.tasks > 0 {
				t.Logf("%s: %.1f allocs/task (target %.0f)",
					tt.name, got/float64(tt.tasks), limits.TargetAllocsPerTask)
			}
			require.LessOrEqual(t, got, limit,
				"%s allocates %.0f per op; budget.json allows %.0f", tt.name, got, limit)
		})
	}
}

// decodeTasksOnce returns one decode of the task page through the protocol.
func decodeTasksOnce(t *testing.T) func() {
	dec := clientdecode.New()
	return func() {
		out, err := dec.ListBacklogTasks(tasksPage)
		require.NoError(t, checkTasks(len(outTasks(out)), err))
	}
}

// listTasksOnce returns one whole ListBacklogTasks call against the stub.
func listTasksOnce(t *testing.T) func() {
	client := newOurs(http.StatusOK, tasksPage)
	in := &ours.ListBacklogTasksInput{AgentSpaceId: aws.String(fixtures.AgentSpaceID)}
	return func() {
		out, err := client.ListBacklogTasks(context.Background(), in)
		require.NoError(t, checkTasks(len(outTasks(out)), err))
	}
}

// associateOnce returns one AssociateService call against the stub.
func associateOnce(t *testing.T) func() {
	client := newOurs(http.StatusCreated, assocBody)
	in := oursAssociateInput()
	return func() {
		out, err := client.AssociateService(context.Background(), in)
		require.NoError(t, err)
		require.NoError(t, checkID(out.Association.AssociationId))
	}
}
