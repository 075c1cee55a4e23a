package conformance

// Interceptors, tracing spans and metrics: both clients call the same
// interceptor hooks in the same order, and report the same spans and
// client.call metrics, for a call that is retried once.

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	official "github.com/aws/aws-sdk-go-v2/service/devopsagent"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/tracing"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	ours "github.com/devopsagent-go/devopsagent"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// retriedOnce runs GetService on both clients, each set up by its
// function, against a throttling reply and then a success, with a
// retryer that does not wait.
func retriedOnce(t *testing.T, theirs func(*official.Options), mine func(*ours.Options)) {
	t.Helper()
	script := []reply{{status: http.StatusTooManyRequests, body: `{"__type":"ThrottlingException"}`},
		okJSON(`{}`)}
	noWait := retry.NewStandard(func(o *retry.StandardOptions) {
		o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
		o.RateLimiter = ratelimit.None
	})

	op := operations["GetService"]
	in := &ours.GetServiceInput{ServiceId: aws.String("svc")}
	_, err := op.callOfficial(context.Background(), newOfficial(newRecorder(script...),
		func(o *official.Options) { o.Retryer = noWait; theirs(o) }), toOfficial(t, op, in))
	require.NoError(t, err)
	_, err = op.callOurs(context.Background(), newOurs(newRecorder(script...),
		func(o *ours.Options) { o.Retryer = noWait; mine(o) }), in)
	require.NoError(t, err)
}

// hooks records the interceptor hooks called on it.
type hooks struct {
	mu    sync.Mutex
	calls []string
}

func (h *hooks) note(name string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.calls = append(h.calls, name)
	return nil
}

type ictx = smithyhttp.InterceptorContext

func (h *hooks) BeforeExecution(context.Context, *ictx) error { return h.note("BeforeExecution") }
func (h *hooks) BeforeSerialization(context.Context, *ictx) error {
	return h.note("BeforeSerialization")
}
func (h *hooks) AfterSerialization(context.Context, *ictx) error {
	return h.note("AfterSerialization")
}
func (h *hooks) BeforeRetryLoop(context.Context, *ictx) error { return h.note("BeforeRetryLoop") }
func (h *hooks) BeforeAttempt(context.Context, *ictx) error   { return h.note("BeforeAttempt") }
func (h *hooks) BeforeSigning(context.Context, *ictx) error   { return h.note("BeforeSigning") }
func (h *hooks) AfterSigning(context.Context, *ictx) error    { return h.note("AfterSigning") }
func (h *hooks) BeforeTransmit(context.Context, *ictx) error  { return h.note("BeforeTransmit") }
func (h *hooks) AfterTransmit(context.Context, *ictx) error   { return h.note("AfterTransmit") }
func (h *hooks) BeforeDeserialization(context.Context, *ictx) error {
	return h.note("BeforeDeserialization")
}
func (h *hooks) AfterDeserialization(context.Context, *ictx) error {
	return h.note("AfterDeserialization")
}
func (h *hooks) AfterAttempt(context.Context, *ictx) error   { return h.note("AfterAttempt") }
func (h *hooks) AfterExecution(context.Context, *ictx) error { return h.note("AfterExecution") }

// register adds h for every hook of r.
func (h *hooks) register(r *smithyhttp.InterceptorRegistry) {
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

func TestInterceptorsMatchOfficial(t *testing.T) {
	theirs, mine := &hooks{}, &hooks{}

	retriedOnce(t, func(o *official.Options) { theirs.register(&o.Interceptors) },
		func(o *ours.Options) { mine.register(&o.Interceptors) })

	assert.Len(t, theirs.calls, 21, "4 before the loop, 8 per attempt, 1 after")
	assert.Equal(t, theirs.calls, mine.calls)
}

// spans is a TracerProvider recording "parent > name" of every span.
type spans struct {
	mu    sync.Mutex
	names []string
}

// span is the tracing.Span of spans.
type span struct{ name string }

func (s span) Name() string                                            { return s.name }
func (span) Context() tracing.SpanContext                              { return tracing.SpanContext{} }
func (span) AddEvent(string, ...tracing.EventOption)                   {}
func (span) SetStatus(tracing.SpanStatus)                              {}
func (span) SetProperty(any, any)                                      {}
func (span) End()                                                      {}
func (s *spans) Tracer(string, ...tracing.TracerOption) tracing.Tracer { return s }

func (s *spans) StartSpan(ctx context.Context, name string, _ ...tracing.SpanOption) (
	context.Context, tracing.Span,
) {
	parent, _ := tracing.GetSpan(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.names = append(s.names, parent.Name()+" > "+name)
	return tracing.WithSpan(ctx, span{name}), span{name}
}

func TestSpansMatchOfficial(t *testing.T) {
	theirs, mine := &spans{}, &spans{}

	retriedOnce(t, func(o *official.Options) { o.TracerProvider = theirs },
		func(o *ours.Options) { o.TracerProvider = mine })

	// v1.5.2 opens a RetryLoop span of its own around the one aws/retry
	// opens; ours leaves it to aws/retry.
	const op = "DevOps Agent.GetService"
	require.Contains(t, theirs.names, op+" > RetryLoop")
	var want []string
	for _, name := range theirs.names {
		switch name {
		case op + " > RetryLoop":
		case "RetryLoop > RetryLoop":
			want = append(want, op+" > RetryLoop")
		default:
			want = append(want, name)
		}
	}
	assert.Equal(t, want, mine.names)
}

// meters is a MeterProvider recording each value recorded on a
// client.call instrument, with its properties.
type meters struct {
	metrics.NopMeter

	mu      sync.Mutex
	records []string
}

func (m *meters) Meter(string, ...metrics.MeterOption) metrics.Meter { return m }

func (m *meters) Float64Histogram(name string, _ ...metrics.InstrumentOption) (
	metrics.Float64Histogram, error,
) {
	return instrument{name, m}, nil
}

func (m *meters) Int64Counter(name string, _ ...metrics.InstrumentOption) (metrics.Int64Counter, error) {
	return instrument{name, m}, nil
}

// instrument records into meters.
type instrument struct {
	name string
	m    *meters
}

func (i instrument) Record(_ context.Context, _ float64, opts ...metrics.RecordMetricOption) {
	i.record(opts)
}

func (i instrument) Add(_ context.Context, _ int64, opts ...metrics.RecordMetricOption) {
	i.record(opts)
}

func (i instrument) record(opts []metrics.RecordMetricOption) {
	if !strings.HasPrefix(i.name, "client.call.") {
		return
	}
	var o metrics.RecordMetricOptions
	for _, opt := range opts {
		opt(&o)
	}
	line := i.name
	for _, key := range []string{"rpc.service", "rpc.method", "auth.scheme_id", "exception.type"} {
		if v := o.Properties.Get(key); v != nil {
			line += fmt.Sprintf(" %s=%v", key, v)
		}
	}

	i.m.mu.Lock()
	defer i.m.mu.Unlock()
	i.m.records = append(i.m.records, line)
}

func (m *meters) sorted() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := append([]string(nil), m.records...)
	sort.Strings(out)
	return out
}

func TestMetricsMatchOfficial(t *testing.T) {
	theirs, mine := &meters{}, &meters{}

	retriedOnce(t, func(o *official.Options) { o.MeterProvider = theirs },
		func(o *ours.Options) { o.MeterProvider = mine })

	assert.NotEmpty(t, theirs.sorted())
	assert.Equal(t, theirs.sorted(), mine.sorted())
}
