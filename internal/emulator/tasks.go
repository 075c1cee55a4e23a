package emulator

// This file implements the backlog task operations: CreateBacklogTask,
// GetBacklogTask and UpdateBacklogTask. ListBacklogTasks, with its filter
// and sort rules, is in tasklist.go.

import "fmt"

// initialTaskStatus is the status of a task created through the API.
const initialTaskStatus = "PENDING_START"

// terminalTaskStatuses can no longer change: an update to another status
// is a ConflictException.
var terminalTaskStatuses = map[string]bool{
	"COMPLETED": true, "FAILED": true, "TIMED_OUT": true, "CANCELED": true, "SKIPPED": true,
}

type createTaskInput struct {
	AgentSpaceID string         `json:"agentSpaceId"`
	Reference    *taskReference `json:"reference"`
	TaskType     string         `json:"taskType"`
	Title        string         `json:"title"`
	Description  string         `json:"description"`
	Priority     string         `json:"priority"`
	ClientToken  string         `json:"clientToken"`
}

type taskOutput struct {
	Task task `json:"task"`
}

// createBacklogTask implements CreateBacklogTask: a new task starts in
// status initialTaskStatus at version 1.
func (s *Server) createBacklogTask(c *call) (any, error) {
	var in createTaskInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}

	var out taskOutput
	err := s.store.update(func(st *state) error {
		id, err := st.createOnce(s.tokenScope(c, in.AgentSpaceID, in.ClientToken), func() string {
			rec := s.newTask(st, in)
			st.Tasks[rec.TaskID] = rec
			return rec.TaskID
		})
		if err != nil {
			return err
		}
		out.Task = st.Tasks[id].wire()
		return nil
	})
	return out, err
}

// newTask builds the record of a new task.
func (s *Server) newTask(st *state, in createTaskInput) *taskRecord {
	now := s.now()
	return &taskRecord{
		Seq: st.nextSeq(), AgentSpaceID: in.AgentSpaceID, TaskID: s.newID(),
		Title: in.Title, Description: in.Description, Reference: in.Reference,
		TaskType: in.TaskType, Priority: in.Priority, Status: initialTaskStatus,
		Version: 1, CreatedAt: now, UpdatedAt: now,
	}
}

type taskIDInput struct {
	AgentSpaceID string `json:"agentSpaceId"`
	TaskID       string `json:"taskId"`
}

// getBacklogTask implements GetBacklogTask.
func (s *Server) getBacklogTask(c *call) (any, error) {
	var in taskIDInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}

	var out taskOutput
	err := s.store.view(func(st *state) error {
		rec, err := st.task(in.AgentSpaceID, in.TaskID)
		if err != nil {
			return err
		}
		out.Task = rec.wire()
		return nil
	})
	return out, err
}

type updateTaskInput struct {
	AgentSpaceID string `json:"agentSpaceId"`
	TaskID       string `json:"taskId"`
	TaskStatus   string `json:"taskStatus"`
	ClientToken  string `json:"clientToken"`
}

// updateBacklogTask changes a task's status. Every update, even one that
// leaves the status as it was, bumps the version; a replayed client token
// does not.
func (s *Server) updateBacklogTask(c *call) (any, error) {
	var in updateTaskInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}

	var out taskOutput
	err := s.store.update(func(st *state) error {
		rec, err := st.task(in.AgentSpaceID, in.TaskID)
		if err != nil {
			return err
		}
		err = st.updateOnce(s.tokenScope(c, in.AgentSpaceID, in.ClientToken), rec.TaskID,
			func() error { return s.applyTaskUpdate(rec, in) })
		if err != nil {
			return err
		}
		out.Task = rec.wire()
		return nil
	})
	return out, err
}

// applyTaskUpdate sets a new status, refusing to move a task out of a
// terminal status, and bumps the version. A task gets an execution id
// when it first goes IN_PROGRESS.
func (s *Server) applyTaskUpdate(rec *taskRecord, in updateTaskInput) error {
	if in.TaskStatus != "" && in.TaskStatus != rec.Status {
		if terminalTaskStatuses[rec.Status] {
			return errConflict("task %s is %s and its status can no longer change",
				rec.TaskID, rec.Status)
		}
		rec.Status = in.TaskStatus
		rec.StatusReason = fmt.Sprintf("Status set to %s by UpdateBacklogTask", in.TaskStatus)
		if rec.Status == "IN_PROGRESS" && rec.ExecutionID == "" {
			rec.ExecutionID = s.newID()
		}
	}

	rec.Version++
	rec.UpdatedAt = s.now()
	return nil
}

// requireAgentSpace answers ResourceNotFoundException for an unknown
// agent space.
func (st *state) requireAgentSpace(id string) error {
	if _, ok := st.AgentSpaces[id]; !ok {
		return errNotFound("agent space %s does not exist", id)
	}
	return nil
}

// task finds a task of an agent space.
func (st *state) task(agentSpaceID, taskID string) (*taskRecord, error) {
	if err := st.requireAgentSpace(agentSpaceID); err != nil {
		return nil, err
	}
	rec, ok := st.Tasks[taskID]
	if !ok || rec.AgentSpaceID != agentSpaceID {
		return nil, errNotFound("task %s does not exist in agent space %s", taskID, agentSpaceID)
	}
	return rec, nil
}
