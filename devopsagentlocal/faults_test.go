package devopsagentlocal_test

// These tests inject faults and drive the server through the project's
// client, as a user's test of its retry and error handling would.

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/devopsagentlocal"
	"github.com/devopsagent-go/devopsagent/types"
)

// noDelay lets the standard retryer retry at once, so tests do not sleep.
type noDelay struct{}

func (noDelay) BackoffDelay(int, error) (time.Duration, error) { return 0, nil }

// retryAtOnce gives a client the standard retryer without its backoff.
func retryAtOnce(o *devopsagent.Options) {
	o.Retryer = retry.NewStandard(func(so *retry.StandardOptions) { so.Backoff = noDelay{} })
}

// noRetries makes a client try each call once.
func noRetries(o *devopsagent.Options) {
	o.RetryMaxAttempts = 1
}

// calls reads srv.Calls, failing the test on an error.
func calls(t *testing.T, srv *devopsagentlocal.Server, operation string) int {
	t.Helper()
	n, err := srv.Calls(operation)
	require.NoError(t, err)
	return n
}

// startFailing starts a server with fault queued for operation, and a
// client of it changed by optFn.
func startFailing(t *testing.T, operation string, fault devopsagentlocal.Fault,
	optFn func(*devopsagent.Options),
) (*devopsagentlocal.Server, *devopsagent.Client) {
	t.Helper()
	srv, _ := startForClient(t)
	require.NoError(t, srv.FailNext(operation, fault))
	return srv, srv.Client(optFn)
}

// createTask creates a task titled title in the default agent space.
func createTask(ctx context.Context, client *devopsagent.Client, title string,
) (*devopsagent.CreateBacklogTaskOutput, error) {
	return client.CreateBacklogTask(ctx, &devopsagent.CreateBacklogTaskInput{
		AgentSpaceId: aws.String(devopsagentlocal.DefaultAgentSpaceID),
		Title:        aws.String(title), TaskType: types.TaskTypeInvestigation,
		Priority: types.PriorityLow,
	})
}

func TestFaultRetried(t *testing.T) {
	cases := []struct {
		name  string
		fault devopsagentlocal.Fault
	}{
		{"throttling", devopsagentlocal.Fault{Code: "ThrottlingException", Times: 2}},
		{"server error", devopsagentlocal.Fault{Code: "InternalServerException", Times: 2}},
		{"unmodeled 503", devopsagentlocal.Fault{Code: "ServiceUnavailable", Status: 503,
			Times: 2}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, client := startFailing(t, "CreateBacklogTask", tc.fault, retryAtOnce)

			out, err := createTask(context.Background(), client, "after retries")
			require.NoError(t, err)
			assert.Equal(t, "id-1", aws.ToString(out.Task.TaskId),
				"the faulted attempts created nothing")
			assert.Equal(t, 3, calls(t, srv, "CreateBacklogTask"))

			list, err := client.ListBacklogTasks(context.Background(),
				&devopsagent.ListBacklogTasksInput{AgentSpaceId: aws.String("default")})
			require.NoError(t, err)
			require.Len(t, list.Tasks, 1)
			assert.Equal(t, "after retries", aws.ToString(list.Tasks[0].Title))
		})
	}
}

func TestFaultNotRetried(t *testing.T) {
	cases := []struct {
		name  string
		fault devopsagentlocal.Fault
		want  error
	}{
		{"quota", devopsagentlocal.Fault{Code: "ServiceQuotaExceededException",
			Message: "task quota reached"},
			&types.ServiceQuotaExceededException{Message: aws.String("task quota reached")}},
		{"conflict", devopsagentlocal.Fault{Code: "ConflictException",
			Message: "task changed meanwhile"},
			&types.ConflictException{Message: aws.String("task changed meanwhile")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, client := startFailing(t, "CreateBacklogTask", tc.fault, retryAtOnce)

			_, err := createTask(context.Background(), client, "t")
			var apiErr smithy.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.want, apiErr)
			assert.Equal(t, 1, calls(t, srv, "CreateBacklogTask"), "not retried")
		})
	}
}

func TestFaultTimesThenExhausted(t *testing.T) {
	srv, client := startFailing(t, "GetService", devopsagentlocal.Fault{
		Code: "ThrottlingException", Message: "Rate exceeded", Times: 3,
	}, noRetries)
	ctx := context.Background()
	input := &devopsagent.GetServiceInput{ServiceId: aws.String("github-main")}

	for i := range 3 {
		_, err := client.GetService(ctx, input)
		var throttled *types.ThrottlingException
		require.ErrorAs(t, err, &throttled, "call %d", i+1)
		assert.Equal(t, "Rate exceeded", aws.ToString(throttled.Message))
	}
	for range 2 {
		out, err := client.GetService(ctx, input)
		require.NoError(t, err, "the exhausted fault no longer applies")
		assert.Equal(t, "github-main", aws.ToString(out.Service.ServiceId))
	}
	assert.Equal(t, 5, calls(t, srv, "GetService"))
}

func TestFaultLeavesOtherOperations(t *testing.T) {
	srv, client := startFailing(t, "GetService",
		devopsagentlocal.Fault{Code: "InternalServerException"}, noRetries)
	ctx := context.Background()

	list, err := client.ListServices(ctx, &devopsagent.ListServicesInput{})
	require.NoError(t, err)
	assert.Len(t, list.Services, 1)
	_, err = createTask(ctx, client, "t")
	require.NoError(t, err)

	_, err = client.GetService(ctx, &devopsagent.GetServiceInput{ServiceId: aws.String("x")})
	var internal *types.InternalServerException
	require.ErrorAs(t, err, &internal, "the fault waited for its operation")
	assert.Equal(t, 1, calls(t, srv, "ListServices"))
	assert.Equal(t, 1, calls(t, srv, "CreateBacklogTask"))
	assert.Equal(t, 1, calls(t, srv, "GetService"))
}

func TestFailNextRejectsUnknownNames(t *testing.T) {
	srv, _ := startForClient(t)

	err := srv.FailNext("GetServices", devopsagentlocal.Fault{Code: "ThrottlingException"})
	require.EqualError(t, err, `emulator: no operation named "GetServices"`)
	err = srv.FailNext("GetService", devopsagentlocal.Fault{Code: "Throttled"})
	require.EqualError(t, err, `emulator: fault for GetService: code "Throttled" is not a `+
		`modeled error of the service; set Status to send it anyway`)
	_, err = srv.Calls("GetServices")
	require.EqualError(t, err, `emulator: no operation named "GetServices"`)
}

// TestFaultsConcurrently queues faults while calls are in flight; run it
// with -race. Every queued fault answers exactly one call.
func TestFaultsConcurrently(t *testing.T) {
	srv, _ := startForClient(t)
	client := srv.Client(noRetries)
	input := &devopsagent.GetServiceInput{ServiceId: aws.String("github-main")}
	const faults, callers, perCaller = 20, 4, 10

	var mu sync.Mutex
	throttled := 0
	getService := func() error {
		_, err := client.GetService(context.Background(), input)
		var te *types.ThrottlingException
		if errors.As(err, &te) {
			mu.Lock()
			throttled++
			mu.Unlock()
			return nil
		}
		return err
	}

	var wg sync.WaitGroup
	wg.Add(faults + callers)
	for range faults {
		go func() {
			defer wg.Done()
			err := srv.FailNext("GetService", devopsagentlocal.Fault{Code: "ThrottlingException"})
			assert.NoError(t, err)
		}()
	}
	for range callers {
		go func() {
			defer wg.Done()
			for range perCaller {
				assert.NoError(t, getService())
			}
		}()
	}
	wg.Wait()

	for range faults {
		require.NoError(t, getService(), "drain the faults still queued")
	}
	assert.Equal(t, faults, throttled)
	assert.Equal(t, callers*perCaller+faults, calls(t, srv, "GetService"))
}
