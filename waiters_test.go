package devopsagent

// Tests of the generated waiters (BacklogTaskFinished, AssociationValid)
// with scripted clients, and of one wait through the real client.

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/aws/smithy-go/middleware"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/types"
)

// scriptedTask answers GetBacklogTask with the next of its statuses (the
// last one repeats) or with err, and records the options of every call.
type scriptedTask struct {
	statuses []types.TaskStatus
	err      error
	onCall   func() // runs before answering, when set
	calls    []Options
}

func (s *scriptedTask) GetBacklogTask(_ context.Context, in *GetBacklogTaskInput,
	optFns ...func(*Options),
) (*GetBacklogTaskOutput, error) {
	var o Options
	for _, fn := range optFns {
		fn(&o)
	}
	s.calls = append(s.calls, o)
	if s.onCall != nil {
		s.onCall()
	}
	if s.err != nil {
		return nil, s.err
	}

	status := s.statuses[min(len(s.calls), len(s.statuses))-1]
	return &GetBacklogTaskOutput{Task: &types.Task{TaskId: in.TaskId, Status: status}}, nil
}

// quick makes a waiter pause a millisecond between attempts.
func quick(o *BacklogTaskFinishedWaiterOptions) {
	o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond
}

var taskParams = &GetBacklogTaskInput{AgentSpaceId: ptr("space"), TaskId: ptr("t-1")}

func TestBacklogTaskFinishedEnds(t *testing.T) {
	tests := []struct {
		name      string
		statuses  []types.TaskStatus
		wantErr   string
		wantCalls int
	}{
		{"completes after polling", []types.TaskStatus{types.TaskStatusPendingStart,
			types.TaskStatusInProgress, types.TaskStatusPendingCustomerApproval,
			types.TaskStatusCompleted}, "", 4},
		{"failed", []types.TaskStatus{types.TaskStatusInProgress, types.TaskStatusFailed},
			"BacklogTaskFinished waiter: failure state reached: task.status is FAILED", 2},
		{"timed out", []types.TaskStatus{types.TaskStatusTimedOut},
			"BacklogTaskFinished waiter: failure state reached: task.status is TIMED_OUT", 1},
		{"canceled", []types.TaskStatus{types.TaskStatusCanceled},
			"BacklogTaskFinished waiter: failure state reached: task.status is CANCELED", 1},
		{"skipped", []types.TaskStatus{types.TaskStatusSkipped},
			"BacklogTaskFinished waiter: failure state reached: task.status is SKIPPED", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client := &scriptedTask{statuses: tt.statuses}
			out, err := NewBacklogTaskFinishedWaiter(client, quick).
				WaitForOutput(context.Background(), taskParams, time.Minute)

			assert.Len(t, client.calls, tt.wantCalls)
			if tt.wantErr != "" {
				require.EqualError(t, err, tt.wantErr)
				assert.Nil(t, out)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, types.TaskStatusCompleted, out.Task.Status)
			assert.Equal(t, ptr("t-1"), out.Task.TaskId)
		})
	}
}

func TestBacklogTaskFinishedGivesUp(t *testing.T) {
	client := &scriptedTask{statuses: []types.TaskStatus{types.TaskStatusInProgress}}
	err := NewBacklogTaskFinishedWaiter(client, quick).
		Wait(context.Background(), taskParams, 20*time.Millisecond)

	require.ErrorContains(t, err, "BacklogTaskFinished waiter: maximum wait duration 20ms exceeded after")
	assert.Greater(t, len(client.calls), 1, "it polled more than once")
}

func TestBacklogTaskFinishedRejectsSettings(t *testing.T) {
	tests := []struct {
		name    string
		maxWait time.Duration
		optFn   func(*BacklogTaskFinishedWaiterOptions)
		want    string
	}{
		{"no maximum wait", 0, quick,
			"BacklogTaskFinished waiter: maximum wait duration must be greater than zero, got 0s"},
		{"min above max", time.Minute, func(o *BacklogTaskFinishedWaiterOptions) { o.MaxDelay = time.Second },
			"BacklogTaskFinished waiter: MinDelay (5s) must not be greater than MaxDelay (1s)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client := &scriptedTask{statuses: []types.TaskStatus{types.TaskStatusCompleted}}
			err := NewBacklogTaskFinishedWaiter(client).Wait(context.Background(), taskParams,
				tt.maxWait, tt.optFn)
			require.EqualError(t, err, tt.want)
			assert.Empty(t, client.calls)
		})
	}
}

func TestBacklogTaskFinishedCustomRetryable(t *testing.T) {
	// Approval counts as finished; everything else is left to the model.
	approvalIsEnough := func(o *BacklogTaskFinishedWaiterOptions) {
		modeled := o.Retryable
		o.Retryable = func(ctx context.Context, in *GetBacklogTaskInput, out *GetBacklogTaskOutput,
			err error,
		) (bool, error) {
			if err == nil && out.Task.Status == types.TaskStatusPendingCustomerApproval {
				return false, nil
			}
			return modeled(ctx, in, out, err)
		}
	}
	client := &scriptedTask{statuses: []types.TaskStatus{types.TaskStatusInProgress,
		types.TaskStatusPendingCustomerApproval, types.TaskStatusFailed}}

	out, err := NewBacklogTaskFinishedWaiter(client, quick, approvalIsEnough).
		WaitForOutput(context.Background(), taskParams, time.Minute)

	require.NoError(t, err)
	assert.Equal(t, types.TaskStatusPendingCustomerApproval, out.Task.Status)
	assert.Len(t, client.calls, 2)
}

func TestBacklogTaskFinishedStopsWhenCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	client := &scriptedTask{statuses: []types.TaskStatus{types.TaskStatusInProgress}, onCall: cancel}

	// The pause after the first call would last an hour.
	err := NewBacklogTaskFinishedWaiter(client).Wait(ctx, taskParams, 3*time.Hour,
		func(o *BacklogTaskFinishedWaiterOptions) { o.MinDelay, o.MaxDelay = time.Hour, time.Hour })

	require.EqualError(t, err, "BacklogTaskFinished waiter: stopped after 1 attempt(s): context canceled")
	assert.ErrorIs(t, err, context.Canceled)
	assert.Len(t, client.calls, 1)
}

func TestBacklogTaskFinishedPassesErrorsThrough(t *testing.T) {
	notFound := &types.ResourceNotFoundException{Message: ptr("no task t-1")}
	client := &scriptedTask{err: notFound}

	err := NewBacklogTaskFinishedWaiter(client, quick).Wait(context.Background(), taskParams, time.Minute)

	require.EqualError(t, err, "BacklogTaskFinished waiter: ResourceNotFoundException: no task t-1")
	var got *types.ResourceNotFoundException
	require.ErrorAs(t, err, &got)
	assert.Same(t, notFound, got)
	assert.Len(t, client.calls, 1, "an error no acceptor names is not retried")
}

func TestBacklogTaskFinishedCallOptions(t *testing.T) {
	client := &scriptedTask{statuses: []types.TaskStatus{types.TaskStatusInProgress,
		types.TaskStatusCompleted}}
	noop := func(*middleware.Stack) error { return nil }
	w := NewBacklogTaskFinishedWaiter(client, quick, func(o *BacklogTaskFinishedWaiterOptions) {
		o.APIOptions = []func(*middleware.Stack) error{noop}
		o.ClientOptions = []func(*Options){func(o *Options) { o.Region = "eu-west-1" }}
	})

	require.NoError(t, w.Wait(context.Background(), taskParams, time.Minute,
		func(o *BacklogTaskFinishedWaiterOptions) { o.LogWaitAttempts = true }))

	require.Len(t, client.calls, 2)
	for _, call := range client.calls {
		assert.Equal(t, "eu-west-1", call.Region)
		require.Len(t, call.APIOptions, 3, "the waiter's APIOptions, its mark and the attempt logger")
		stack := middleware.NewStack("test", nil)
		for _, fn := range call.APIOptions {
			require.NoError(t, fn(stack))
		}
		_, logged := stack.Initialize.Get("WaiterLogger")
		assert.True(t, logged)
	}
}

// scriptedAssociation answers GetAssociation with the next of its outputs
// (the last one repeats).
type scriptedAssociation struct {
	outputs []*GetAssociationOutput
	calls   int
}

func (s *scriptedAssociation) GetAssociation(context.Context, *GetAssociationInput,
	...func(*Options),
) (*GetAssociationOutput, error) {
	s.calls++
	return s.outputs[min(s.calls, len(s.outputs))-1], nil
}

func associationIn(status types.ValidationStatus) *GetAssociationOutput {
	return &GetAssociationOutput{Association: &types.Association{Status: status}}
}

func TestAssociationValid(t *testing.T) {
	tests := []struct {
		name      string
		outputs   []*GetAssociationOutput
		wantErr   string
		wantCalls int
	}{
		{"valid after confirmation", []*GetAssociationOutput{
			associationIn(types.ValidationStatusPendingConfirmation), {}, associationIn(""),
			associationIn(types.ValidationStatusValid)}, "", 4},
		{"invalid", []*GetAssociationOutput{associationIn(types.ValidationStatusPendingConfirmation),
			associationIn(types.ValidationStatusInvalid)},
			"AssociationValid waiter: failure state reached: association.status is invalid", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client := &scriptedAssociation{outputs: tt.outputs}
			w := NewAssociationValidWaiter(client, func(o *AssociationValidWaiterOptions) {
				o.MinDelay, o.MaxDelay = time.Millisecond, time.Millisecond
			})

			out, err := w.WaitForOutput(context.Background(), &GetAssociationInput{}, time.Minute)

			assert.Equal(t, tt.wantCalls, client.calls)
			if tt.wantErr != "" {
				require.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, types.ValidationStatusValid, out.Association.Status)
		})
	}
}

// TestWaiterThroughClient waits on a fake service through the real client:
// the waiter's calls carry the client's signing and logging.
func TestWaiterThroughClient(t *testing.T) {
	service := newFakeService(t,
		reply{Status: http.StatusOK, Body: `{"task":{"taskId":"t-1","status":"IN_PROGRESS"}}`},
		reply{Status: http.StatusOK, Body: `{"task":{"taskId":"t-1","status":"COMPLETED"}}`},
	)
	logs := &logRecorder{}
	client := service.apiClient(func(o *Options) { o.Logger = logs })
	w := NewBacklogTaskFinishedWaiter(client, quick, func(o *BacklogTaskFinishedWaiterOptions) {
		o.LogWaitAttempts = true
	})

	out, err := w.WaitForOutput(context.Background(), taskParams, time.Minute)

	require.NoError(t, err)
	assert.Equal(t, types.TaskStatusCompleted, out.Task.Status)
	got := service.received()
	require.Len(t, got, 2)
	for _, req := range got {
		assert.Equal(t, "/backlog/agent-space/space/tasks/t-1", req.Path)
		assert.Contains(t, req.Header.Get("Authorization"), "AWS4-HMAC-SHA256")
		assert.Regexp(t, `m/[A-Za-z0-9,]*B`, req.Header.Get("User-Agent"), "the waiter feature")
	}
	assert.Contains(t, logs.text(), "attempting waiter request, attempt count: 2")
}

func TestWaiterReportsServiceErrors(t *testing.T) {
	service := newFakeService(t, reply{Status: http.StatusNotFound,
		Header: map[string]string{"X-Amzn-Errortype": "ResourceNotFoundException"},
		Body:   `{"message":"no task t-1"}`})
	client := service.apiClient()

	err := NewBacklogTaskFinishedWaiter(client, quick).Wait(context.Background(), taskParams, time.Minute)

	var notFound *types.ResourceNotFoundException
	require.True(t, errors.As(err, &notFound), "got %v", err)
	assert.Equal(t, "no task t-1", notFound.ErrorMessage())
	assert.Len(t, service.received(), 1)
}
