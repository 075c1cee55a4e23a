package devopsagent

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/tracing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// spanRecorder is a TracerProvider and Tracer that records spans.
type spanRecorder struct {
	mu     sync.Mutex
	scopes []string
	spans  []*recordedSpan
}

// recordedSpan is one span as the client drove it.
type recordedSpan struct {
	name, parent string
	options      tracing.SpanOptions
	props        map[any]any
	status       tracing.SpanStatus
	ends         int
}

func (r *spanRecorder) Tracer(scope string, _ ...tracing.TracerOption) tracing.Tracer {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.scopes = append(r.scopes, scope)
	return r
}

func (r *spanRecorder) StartSpan(ctx context.Context, name string, opts ...tracing.SpanOption) (
	context.Context, tracing.Span,
) {
	s := &recordedSpan{name: name, props: map[any]any{}}
	for _, opt := range opts {
		opt(&s.options)
	}
	if parent, ok := tracing.GetSpan(ctx); ok {
		s.parent = parent.Name()
	}

	r.mu.Lock()
	defer r.mu.Unlock()
	r.spans = append(r.spans, s)
	return tracing.WithSpan(ctx, spanHandle{s, r}), spanHandle{s, r}
}

// spanHandle is the tracing.Span the client gets for a recordedSpan.
type spanHandle struct {
	s *recordedSpan
	r *spanRecorder
}

func (h spanHandle) Name() string                            { return h.s.name }
func (h spanHandle) Context() tracing.SpanContext            { return tracing.SpanContext{} }
func (h spanHandle) AddEvent(string, ...tracing.EventOption) {}

func (h spanHandle) SetStatus(status tracing.SpanStatus) {
	h.r.mu.Lock()
	defer h.r.mu.Unlock()
	h.s.status = status
}

func (h spanHandle) SetProperty(k, v any) {
	h.r.mu.Lock()
	defer h.r.mu.Unlock()
	h.s.props[k] = v
}

func (h spanHandle) End() {
	h.r.mu.Lock()
	defer h.r.mu.Unlock()
	h.s.ends++
}

// tree returns "parent > name" for every span in start order.
func (r *spanRecorder) tree() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, s := range r.spans {
		out = append(out, s.parent+" > "+s.name)
	}
	return out
}

func TestTracingSpans(t *testing.T) {
	f := newFakeService(t,
		reply{Status: http.StatusServiceUnavailable, Body: `{"__type":"ThrottlingException"}`},
		reply{Status: http.StatusOK, Body: `{"id":"w-1"}`})
	spans := &spanRecorder{}

	_, err := f.client(func(o *Options) { o.TracerProvider = spans }).
		putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})
	require.NoError(t, err)

	const op = "DevOps Agent.PutWidget"
	attempt := []string{
		"RetryLoop > Attempt",
		"Attempt > ResolveAuthScheme",
		"Attempt > GetIdentity",
		"Attempt > ResolveEndpoint",
		"Attempt > ComputePayloadSHA256", // aws/signer/v4's own span
		"Attempt > SignRequest",
		"Attempt > DoHTTPRequest", // smithy-go's client handler's
		"Attempt > OperationDeserializer",
	}
	want := append([]string{" > " + op, op + " > OperationSerializer", op + " > RetryLoop"},
		append(attempt, attempt...)...)
	assert.Equal(t, want, spans.tree())
	assert.Equal(t, []string{"github.com/devopsagent-go/devopsagent"}, spans.scopes)
	for _, s := range spans.spans {
		assert.Positive(t, s.ends, "span %s ended", s.name)
	}

	call := spans.spans[0]
	assert.Equal(t, tracing.SpanKindClient, call.options.Kind)
	assert.Equal(t, "aws-api", call.options.Properties.Get("rpc.system"))
	assert.Equal(t, "DevOps Agent", call.options.Properties.Get("rpc.service"))
	assert.Equal(t, "PutWidget", call.options.Properties.Get("rpc.method"))
	assert.Equal(t, map[any]any{"error": false}, call.props)
	assert.Equal(t, tracing.SpanStatusOK, call.status)

	auth := spans.spans[4]
	assert.Equal(t, map[any]any{"auth.scheme_id": "aws.auth#sigv4"}, auth.props)
	endpoint := spans.spans[6]
	assert.Equal(t, map[any]any{"client.call.resolved_endpoint": f.server.URL}, endpoint.props)
}

func TestTracingFailedCall(t *testing.T) {
	f := newFakeService(t, reply{Status: http.StatusBadRequest,
		Body: `{"__type":"ValidationException","message":"bad"}`})
	spans := &spanRecorder{}

	_, err := f.client(func(o *Options) { o.TracerProvider = spans }).
		putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})
	require.Error(t, err)

	call := spans.spans[0]
	assert.Equal(t, tracing.SpanStatusError, call.status)
	assert.Equal(t, map[any]any{
		"error":             true,
		"exception.type":    "*http.ResponseError",
		"exception.message": "https response error StatusCode: 400, RequestID: , ValidationException: bad",
		"api.error_code":    "ValidationException",
		"api.error_message": "bad",
		"api.error_fault":   "client",
	}, call.props)
}

// metricRecorder is a MeterProvider whose histograms and counters
// record what they are given.
type metricRecorder struct {
	metrics.NopMeter

	mu       sync.Mutex
	scopes   []string
	units    map[string]string
	records  []recordedMetric
	failWith error
}

// recordedMetric is one recorded value's instrument and properties.
type recordedMetric struct {
	name  string
	props map[string]any
}

func (r *metricRecorder) Meter(scope string, _ ...metrics.MeterOption) metrics.Meter {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.scopes = append(r.scopes, scope)
	return r
}

func (r *metricRecorder) Float64Histogram(name string, opts ...metrics.InstrumentOption) (
	metrics.Float64Histogram, error,
) {
	if r.failWith != nil {
		return nil, r.failWith
	}
	var o metrics.InstrumentOptions
	for _, opt := range opts {
		opt(&o)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.units == nil {
		r.units = map[string]string{}
	}
	r.units[name] = o.UnitLabel
	return instrument{name, r}, nil
}

func (r *metricRecorder) Int64Counter(name string, _ ...metrics.InstrumentOption) (
	metrics.Int64Counter, error,
) {
	return instrument{name, r}, nil
}

// instrument records into a metricRecorder.
type instrument struct {
	name string
	r    *metricRecorder
}

func (i instrument) Record(_ context.Context, _ float64, opts ...metrics.RecordMetricOption) {
	i.record(opts)
}

func (i instrument) Add(_ context.Context, _ int64, opts ...metrics.RecordMetricOption) {
	i.record(opts)
}

func (i instrument) record(opts []metrics.RecordMetricOption) {
	var o metrics.RecordMetricOptions
	for _, opt := range opts {
		opt(&o)
	}
	props := map[string]any{}
	for _, key := range []string{"rpc.service", "rpc.method", "auth.scheme_id"} {
		if v := o.Properties.Get(key); v != nil {
			props[key] = v
		}
	}

	i.r.mu.Lock()
	defer i.r.mu.Unlock()
	i.r.records = append(i.r.records, recordedMetric{i.name, props})
}

// callMetricNames returns the names of the recorded client.call metrics
// with the properties of each, sorted.
func (r *metricRecorder) callMetricNames() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, m := range r.records {
		if !strings.HasPrefix(m.name, "client.call.") {
			continue
		}
		line := m.name
		for _, key := range []string{"rpc.service", "rpc.method", "auth.scheme_id"} {
			if v, ok := m.props[key]; ok {
				line += " " + key + "=" + v.(string)
			}
		}
		out = append(out, line)
	}
	sort.Strings(out)
	return out
}

func TestMetrics(t *testing.T) {
	f := newFakeService(t, reply{Status: http.StatusOK, Body: `{"id":"w-1"}`})
	meter := &metricRecorder{}

	_, err := f.client(func(o *Options) { o.MeterProvider = meter }).
		putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})
	require.NoError(t, err)

	const op = " rpc.service=DevOps Agent rpc.method=PutWidget"
	assert.Equal(t, []string{
		"client.call.attempt_duration" + op,
		"client.call.attempts" + op,
		"client.call.auth.resolve_identity_duration" + op + " auth.scheme_id=aws.auth#sigv4",
		"client.call.auth.signing_duration" + op + " auth.scheme_id=aws.auth#sigv4",
		"client.call.deserialization_duration" + op,
		"client.call.duration" + op,
		"client.call.resolve_endpoint_duration" + op,
		"client.call.serialization_duration" + op,
	}, meter.callMetricNames())
	for name := range metricDescriptions {
		assert.Equal(t, "s", meter.units[name], name)
	}
	for _, scope := range meter.scopes {
		assert.Equal(t, "github.com/devopsagent-go/devopsagent", scope)
	}
}

func TestMetricsInstrumentFailure(t *testing.T) {
	f := newFakeService(t)
	meter := &metricRecorder{failWith: errors.New("no histograms")}

	_, err := f.client(func(o *Options) { o.MeterProvider = meter }).
		putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})

	assert.ErrorContains(t, err, "operation error DevOps Agent: PutWidget, create metric client.call.")
	assert.ErrorContains(t, err, ": no histograms")
	assert.Empty(t, f.received())
}
