package waiters

import (
	"context"
	"errors"
	"testing"
	"time"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// script is an Attempt that answers from a list of (output, retry, error)
// steps and records how often it was called.
type script struct {
	steps []step
	calls int64
	odd   bool // an attempt had no deadline or an unexpected number
}

type step struct {
	out   string
	retry bool
	err   error
}

func (s *script) attempt(ctx context.Context, n int64) (string, bool, error) {
	s.calls++
	if _, ok := ctx.Deadline(); !ok || n != s.calls {
		s.odd = true
	}
	st := s.steps[min(int(n), len(s.steps))-1]
	return st.out, st.retry, st.err
}

// fast is a timing whose pauses last a millisecond.
var fast = Timing{Name: "Done", MinDelay: time.Millisecond, MaxDelay: time.Millisecond,
	MaxWait: time.Minute}

func TestWaitEnds(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name      string
		steps     []step
		wantOut   string
		wantErr   string
		wantCalls int64
	}{
		{"success at once", []step{{out: "a"}}, "a", "", 1},
		{"success after retries", []step{{retry: true}, {retry: true}, {out: "c"}}, "c", "", 3},
		{"failure state", []step{{retry: true}, {err: boom}}, "", "Done waiter: boom", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &script{steps: tt.steps}
			out, err := Wait(context.Background(), fast, s.attempt)

			assert.Equal(t, tt.wantOut, out)
			assert.Equal(t, tt.wantCalls, s.calls)
			assert.False(t, s.odd, "attempts are numbered from 1 and get the wait's deadline")
			if tt.wantErr == "" {
				require.NoError(t, err)
				return
			}
			require.EqualError(t, err, tt.wantErr)
			assert.ErrorIs(t, err, boom)
		})
	}
}

func TestWaitRejectsTimings(t *testing.T) {
	tests := []struct {
		name   string
		timing Timing
		want   string
	}{
		{"no maximum wait", Timing{Name: "W", MinDelay: 1, MaxDelay: 1},
			"W waiter: maximum wait duration must be greater than zero, got 0s"},
		{"zero delay", Timing{Name: "W", MaxDelay: time.Second, MaxWait: time.Second},
			"W waiter: MinDelay (0s) and MaxDelay (1s) must be greater than zero"},
		{"min above max", Timing{Name: "W", MinDelay: 2 * time.Second, MaxDelay: time.Second,
			MaxWait: time.Minute},
			"W waiter: MinDelay (2s) must not be greater than MaxDelay (1s)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &script{steps: []step{{out: "never"}}}
			_, err := Wait(context.Background(), tt.timing, s.attempt)
			require.EqualError(t, err, tt.want)
			assert.Zero(t, s.calls, "nothing is called")
		})
	}
}

func TestWaitGivesUp(t *testing.T) {
	t.Run("no time left for a pause", func(t *testing.T) {
		s := &script{steps: []step{{retry: true}}}
		timing := Timing{Name: "W", MinDelay: time.Hour, MaxDelay: time.Hour, MaxWait: time.Millisecond}
		_, err := Wait(context.Background(), timing, s.attempt)
		require.EqualError(t, err, "W waiter: maximum wait duration 1ms exceeded after 1 attempt(s)")
	})

	t.Run("after several attempts", func(t *testing.T) {
		s := &script{steps: []step{{retry: true}}}
		timing := fast
		timing.MaxWait = 20 * time.Millisecond
		_, err := Wait(context.Background(), timing, s.attempt)
		require.ErrorContains(t, err, "Done waiter: maximum wait duration 20ms exceeded after")
		assert.Greater(t, s.calls, int64(1))
	})
}

func TestWaitStopsWhenCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	attempt := func(context.Context, int64) (string, bool, error) {
		calls++
		cancel() // the pause that follows would last an hour
		return "", true, nil
	}
	timing := Timing{Name: "W", MinDelay: time.Hour, MaxDelay: time.Hour, MaxWait: 3 * time.Hour}

	_, err := Wait(ctx, timing, attempt)

	require.EqualError(t, err, "W waiter: stopped after 1 attempt(s): context canceled")
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 1, calls)
}

func TestInterruptedByOwnDeadlineIsExceeded(t *testing.T) {
	err := fast.interrupted(context.Background(), 4)
	assert.EqualError(t, err, "Done waiter: maximum wait duration 1m0s exceeded after 4 attempt(s)")
}

func TestAPIOptions(t *testing.T) {
	noop := func(*middleware.Stack) error { return nil }
	tests := []struct {
		name       string
		logAttempt bool
		wantLen    int
		wantLogger bool
	}{
		{"without logging", false, 2, false},
		{"with logging", true, 3, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			callers := make([]func(*middleware.Stack) error, 1, 4)
			callers[0] = noop

			got := APIOptions(callers, 3, tt.logAttempt)

			require.Len(t, got, tt.wantLen)
			assert.Nil(t, callers[:2][1], "the caller's backing array is not written")
			stack := middleware.NewStack("test", smithyhttp.NewStackRequest)
			ua := awsmiddleware.NewRequestUserAgent()
			require.NoError(t, stack.Build.Add(ua, middleware.After))
			for _, fn := range got {
				require.NoError(t, fn(stack))
			}
			_, logged := stack.Initialize.Get("WaiterLogger")
			assert.Equal(t, tt.wantLogger, logged)
			assert.Regexp(t, `m/[A-Za-z0-9,]*B`, userAgent(t, ua), "the waiter feature")
		})
	}
}

// userAgent returns the User-Agent header that ua writes.
func userAgent(t *testing.T, ua *awsmiddleware.RequestUserAgent) string {
	t.Helper()
	req := smithyhttp.NewStackRequest().(*smithyhttp.Request)
	next := middleware.BuildHandlerFunc(func(context.Context, middleware.BuildInput) (
		middleware.BuildOutput, middleware.Metadata, error,
	) {
		return middleware.BuildOutput{}, middleware.Metadata{}, nil
	})
	_, _, err := ua.HandleBuild(context.Background(), middleware.BuildInput{Request: req}, next)
	require.NoError(t, err)
	return req.Header.Get("User-Agent")
}
