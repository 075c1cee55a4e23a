package emulator

// This file implements ListBacklogTasks: filtering, sorting, paging, and
// the filter and sort combinations the service documents as unsupported:
//
//   - filtering by priority and status together needs a taskType filter;
//   - with a priority or status filter but no taskType filter, only
//     CREATED_AT sorting is supported;
//   - PRIORITY sorting cannot be combined with createdAfter/createdBefore.
//
// The one-value limit of each filter list is the model's @length trait and
// is checked by the validator.

import (
	"time"

	"github.com/devopsagent-go/devopsagent/internal/emulator/validate"
)

type taskFilter struct {
	CreatedAfter  *time.Time `json:"createdAfter"`
	CreatedBefore *time.Time `json:"createdBefore"`
	Priority      []string   `json:"priority"`
	Status        []string   `json:"status"`
	TaskType      []string   `json:"taskType"`
	PrimaryTaskID string     `json:"primaryTaskId"`
}

type listTasksInput struct {
	AgentSpaceID string      `json:"agentSpaceId"`
	Filter       *taskFilter `json:"filter"`
	SortField    string      `json:"sortField"`
}

type listTasksOutput struct {
	Tasks     []task `json:"tasks"`
	NextToken string `json:"nextToken,omitempty"`
}

const (
	sortByCreatedAt = "CREATED_AT"
	sortByPriority  = "PRIORITY"
)

// listBacklogTasks implements ListBacklogTasks.
func (s *Server) listBacklogTasks(c *call) (any, error) {
	var in listTasksInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	if in.Filter == nil {
		in.Filter = &taskFilter{}
	}
	if in.SortField == "" {
		in.SortField = sortByCreatedAt
	}
	if vs := checkTaskQuery(in); len(vs) > 0 {
		return nil, errInvalid(vs...)
	}

	order := c.stringOrDefault("order")
	params := paramsFingerprint([]any{in.AgentSpaceID, c.doc["filter"], in.SortField, order})
	after, err := c.resumeKey(params)
	if err != nil {
		return nil, err
	}

	out := listTasksOutput{Tasks: []task{}}
	err = s.store.view(func(st *state) error {
		if err := st.requireAgentSpace(in.AgentSpaceID); err != nil {
			return err
		}
		items := s.matchingTasks(st, in)
		page, next := pageOf(items, order == "DESC", after, c.pageSize())
		out.Tasks = append(out.Tasks, page...)
		out.NextToken = c.nextToken(params, next)
		return nil
	})
	return out, err
}

// checkTaskQuery applies the documented filter and sort restrictions.
func checkTaskQuery(in listTasksInput) []validate.Violation {
	f := in.Filter
	byPriority, byStatus := len(f.Priority) > 0, len(f.Status) > 0
	byType := len(f.TaskType) > 0
	byTime := f.CreatedAfter != nil || f.CreatedBefore != nil

	var vs []validate.Violation
	if byPriority && byStatus && !byType {
		vs = append(vs, validate.Violation{Path: "/filter",
			Message: "Filtering by priority and status together requires a taskType filter"})
	}
	if in.SortField == sortByPriority && (byPriority || byStatus) && !byType {
		vs = append(vs, validate.Violation{Path: "/sortField",
			Message: "Only CREATED_AT sorting is supported with a priority or status filter " +
				"and no taskType filter"})
	}
	if in.SortField == sortByPriority && byTime {
		vs = append(vs, validate.Violation{Path: "/sortField",
			Message: "PRIORITY sorting cannot be combined with createdAfter or createdBefore"})
	}
	return vs
}

// matchingTasks returns the agent space's tasks that pass the filter,
// keyed for the requested sort.
func (s *Server) matchingTasks(st *state, in listTasksInput) []keyed[task] {
	ranks := s.priorityRanks()
	var items []keyed[task]
	for _, rec := range st.Tasks {
		if rec.AgentSpaceID != in.AgentSpaceID || !in.Filter.matches(rec) {
			continue
		}

		key := sortKey{rec.CreatedAt.UnixMilli(), rec.Seq}
		if in.SortField == sortByPriority {
			key = append(sortKey{ranks[rec.Priority]}, key...)
		}
		items = append(items, keyed[task]{key: key, item: rec.wire()})
	}
	return items
}

// matches reports whether a task passes every criterion of the filter.
func (f *taskFilter) matches(rec *taskRecord) bool {
	switch {
	case f.CreatedAfter != nil && rec.CreatedAt.Before(*f.CreatedAfter):
		return false
	case f.CreatedBefore != nil && !rec.CreatedAt.Before(*f.CreatedBefore):
		return false
	case len(f.Priority) > 0 && rec.Priority != f.Priority[0]:
		return false
	case len(f.Status) > 0 && rec.Status != f.Status[0]:
		return false
	case len(f.TaskType) > 0 && rec.TaskType != f.TaskType[0]:
		return false
	case f.PrimaryTaskID != "" && rec.PrimaryTaskID != f.PrimaryTaskID:
		return false
	}
	return true
}

// priorityRanks ranks the Priority enum values: the model lists them most
// urgent first, and the most urgent gets the highest rank, so a DESC sort
// puts it first.
func (s *Server) priorityRanks() map[string]int64 {
	values := validate.EnumValues(s.model.Shape(s.shapeID("Priority")))
	ranks := make(map[string]int64, len(values))
	for i, v := range values {
		ranks[v] = int64(len(values) - i)
	}
	return ranks
}
