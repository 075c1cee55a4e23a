package devopsagent

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hookRecorder implements every interceptor interface and notes each
// call, with the response status after transmission and the output type
// after deserialization.
type hookRecorder struct {
	mu    sync.Mutex
	calls []string

	// failAt names a hook that returns an error.
	failAt string
}

var errHook = errors.New("hook failed")

func (h *hookRecorder) note(hook string, ic *smithyhttp.InterceptorContext) error {
	line := hook
	switch hook {
	case "AfterTransmit":
		line += fmt.Sprintf(" status=%d", ic.Response.StatusCode)
	case "AfterDeserialization", "AfterExecution":
		line += fmt.Sprintf(" output=%T", ic.Output)
	}

	h.mu.Lock()
	defer h.mu.Unlock()
	h.calls = append(h.calls, line)
	if hook == h.failAt {
		return errHook
	}
	return nil
}

type ictx = smithyhttp.InterceptorContext

func (h *hookRecorder) BeforeExecution(_ context.Context, c *ictx) error {
	return h.note("BeforeExecution", c)
}
func (h *hookRecorder) BeforeSerialization(_ context.Context, c *ictx) error {
	return h.note("BeforeSerialization", c)
}
func (h *hookRecorder) AfterSerialization(_ context.Context, c *ictx) error {
	return h.note("AfterSerialization", c)
}
func (h *hookRecorder) BeforeRetryLoop(_ context.Context, c *ictx) error {
	return h.note("BeforeRetryLoop", c)
}
func (h *hookRecorder) BeforeAttempt(_ context.Context, c *ictx) error {
	return h.note("BeforeAttempt", c)
}
func (h *hookRecorder) BeforeSigning(_ context.Context, c *ictx) error {
	return h.note("BeforeSigning", c)
}
func (h *hookRecorder) AfterSigning(_ context.Context, c *ictx) error {
	return h.note("AfterSigning", c)
}
func (h *hookRecorder) BeforeTransmit(_ context.Context, c *ictx) error {
	return h.note("BeforeTransmit", c)
}
func (h *hookRecorder) AfterTransmit(_ context.Context, c *ictx) error {
	return h.note("AfterTransmit", c)
}
func (h *hookRecorder) BeforeDeserialization(_ context.Context, c *ictx) error {
	return h.note("BeforeDeserialization", c)
}
func (h *hookRecorder) AfterDeserialization(_ context.Context, c *ictx) error {
	return h.note("AfterDeserialization", c)
}
func (h *hookRecorder) AfterAttempt(_ context.Context, c *ictx) error {
	return h.note("AfterAttempt", c)
}
func (h *hookRecorder) AfterExecution(_ context.Context, c *ictx) error {
	return h.note("AfterExecution", c)
}

// register adds h for every hook of r.
func (h *hookRecorder) register(r *smithyhttp.InterceptorRegistry) {
	r.AddBeforeExecution(h)
	r.AddBeforeSerialization(h)
	r.AddAfterSerialization(h)
	r.AddBeforeRetryLoop(h)
	r.AddBeforeAttempt(h)
	r.AddBeforeSigning(h)
	r.AddAfterSigning(h)
	r.AddBeforeTransmit(h)
	r.AddAfterTransmit(h)
	r.AddBeforeDeserialization(h)
	r.AddAfterDeserialization(h)
	r.AddAfterAttempt(h)
	r.AddAfterExecution(h)
}

func TestInterceptorsCalledInOrder(t *testing.T) {
	f := newFakeService(t,
		reply{Status: http.StatusServiceUnavailable, Body: `{"__type":"ThrottlingException"}`},
		reply{Status: http.StatusOK, Body: `{"id":"w-1"}`})
	hooks := &hookRecorder{}

	_, err := f.client(func(o *Options) { hooks.register(&o.Interceptors) }).
		putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})
	require.NoError(t, err)

	attempt := func(status int, output string) []string {
		return []string{
			"BeforeAttempt",
			"BeforeSigning",
			"AfterSigning",
			"BeforeTransmit",
			fmt.Sprintf("AfterTransmit status=%d", status),
			"BeforeDeserialization",
			"AfterDeserialization output=" + output,
			"AfterAttempt",
		}
	}
	want := []string{"BeforeExecution", "BeforeSerialization", "AfterSerialization", "BeforeRetryLoop"}
	want = append(want, attempt(503, "<nil>")...)
	want = append(want, attempt(200, "*devopsagent.putWidgetOutput")...)
	want = append(want, "AfterExecution output=*devopsagent.putWidgetOutput")
	assert.Equal(t, want, hooks.calls)
}

func TestInterceptorErrorStopsTheCall(t *testing.T) {
	tests := []struct {
		hook     string
		wantSent int
	}{
		{"BeforeExecution", 0},
		{"AfterSerialization", 0},
		{"BeforeSigning", 0},
		{"BeforeTransmit", 0},
		{"AfterTransmit", 1},
		{"AfterExecution", 1},
	}
	for _, tt := range tests {
		t.Run(tt.hook, func(t *testing.T) {
			f := newFakeService(t)
			hooks := &hookRecorder{failAt: tt.hook}

			_, err := f.client(func(o *Options) { hooks.register(&o.Interceptors) }).
				putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})

			assert.ErrorIs(t, err, errHook)
			assert.Len(t, f.received(), tt.wantSent)
		})
	}
}

func TestInterceptorsPerCall(t *testing.T) {
	f := newFakeService(t)
	c := f.client()
	hooks := &hookRecorder{}

	_, err := c.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")},
		func(o *Options) { o.Interceptors.AddBeforeExecution(hooks) })
	require.NoError(t, err)
	_, err = c.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})
	require.NoError(t, err)

	assert.Equal(t, []string{"BeforeExecution"}, hooks.calls)
	assert.Empty(t, c.Options().Interceptors.BeforeExecution)
}
