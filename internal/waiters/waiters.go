// Package waiters holds the polling loop that every generated waiter
// (NewXxxWaiter in the api_op_*.go files) shares. The generated code
// makes one call and applies the waiter's acceptors; this package repeats
// that until the wait ends, pausing between attempts with smithy-go's
// jittered exponential backoff and keeping within the caller's maximum
// wait.
package waiters

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/aws/smithy-go/middleware"
	smithytime "github.com/aws/smithy-go/time"
	"github.com/aws/smithy-go/waiter"

	"github.com/devopsagent-go/devopsagent/internal/useragent"
)

// Timing bounds one wait.
type Timing struct {
	// Name is the waiter's name; every error starts with it.
	Name string

	// MinDelay and MaxDelay bound the pause between two attempts. Both
	// must be positive and MinDelay must not exceed MaxDelay.
	MinDelay, MaxDelay time.Duration

	// MaxWait bounds the whole wait, calls and pauses included. It must be
	// positive.
	MaxWait time.Duration
}

// Attempt makes attempt n (counting from 1) with ctx and applies the
// acceptors to its result. It returns the output and whether to poll
// again; an error ends the wait, reporting a failure state or an error
// that no acceptor expects.
type Attempt[T any] func(ctx context.Context, n int64) (out T, retry bool, err error)

// Wait makes attempts until one ends the wait or the time runs out. It
// returns the output of the attempt that reached the success state. The
// attempts get a context that expires after t.MaxWait; when ctx is
// canceled during a pause, Wait returns at once with an error wrapping
// ctx.Err().
func Wait[T any](ctx context.Context, t Timing, attempt Attempt[T]) (T, error) {
	var zero T
	if err := t.check(); err != nil {
		return zero, err
	}

	waitCtx, cancel := context.WithTimeout(ctx, t.MaxWait)
	defer cancel()

	remaining := t.MaxWait
	for n := int64(1); ; n++ {
		start := time.Now()
		out, retry, err := attempt(waitCtx, n)
		if err != nil {
			return zero, fmt.Errorf("%s waiter: %w", t.Name, err)
		}
		if !retry {
			return out, nil
		}

		remaining -= time.Since(start)
		if remaining < t.MinDelay {
			return zero, t.exceeded(n)
		}
		delay, err := waiter.ComputeDelay(n, t.MinDelay, t.MaxDelay, remaining)
		if err != nil {
			return zero, fmt.Errorf("%s waiter: compute delay: %w", t.Name, err)
		}

		remaining -= delay
		if err := smithytime.SleepWithContext(waitCtx, delay); err != nil {
			return zero, t.interrupted(ctx, n)
		}
	}
}

// APIOptions returns the stack options of attempt n: the caller's
// apiOptions, then useragent.Waiter, which marks the call as a waiter's in
// the User-Agent header, then, when logAttempt is set, smithy-go's waiter
// logger, which logs the attempt at debug level through the client's
// logger. The caller's slice is not changed.
func APIOptions(apiOptions []func(*middleware.Stack) error, n int64, logAttempt bool,
) []func(*middleware.Stack) error {
	out := append(slices.Clip(apiOptions), useragent.Waiter)
	if logAttempt {
		out = append(out, waiter.Logger{Attempt: n}.AddLogger)
	}
	return out
}

// check rejects timings the loop cannot honour.
func (t Timing) check() error {
	switch {
	case t.MaxWait <= 0:
		return fmt.Errorf("%s waiter: maximum wait duration must be greater than zero, got %v",
			t.Name, t.MaxWait)
	case t.MinDelay <= 0 || t.MaxDelay <= 0:
		return fmt.Errorf("%s waiter: MinDelay (%v) and MaxDelay (%v) must be greater than zero",
			t.Name, t.MinDelay, t.MaxDelay)
	case t.MinDelay > t.MaxDelay:
		return fmt.Errorf("%s waiter: MinDelay (%v) must not be greater than MaxDelay (%v)",
			t.Name, t.MinDelay, t.MaxDelay)
	}
	return nil
}

// exceeded reports a wait that ran out of time after n attempts.
func (t Timing) exceeded(n int64) error {
	return fmt.Errorf("%s waiter: maximum wait duration %v exceeded after %d attempt(s)",
		t.Name, t.MaxWait, n)
}

// interrupted reports a pause cut short after n attempts: by the caller's
// ctx, or by the wait's own deadline.
func (t Timing) interrupted(ctx context.Context, n int64) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s waiter: stopped after %d attempt(s): %w", t.Name, n, err)
	}
	return t.exceeded(n)
}
