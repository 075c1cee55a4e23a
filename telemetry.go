package devopsagent

// This file holds the client's tracing and metrics, reported through
// smithy-go's tracing and metrics interfaces to Options.TracerProvider
// and Options.MeterProvider under the scope telemetryScope.
//
// Spans: one per call, "DevOps Agent.<Operation>" (kind client, with
// rpc.system, rpc.service and rpc.method, the error's type and message,
// and its code and fault for service errors); inside it
// OperationSerializer, ResolveAuthScheme, GetIdentity, ResolveEndpoint,
// SignRequest and OperationDeserializer, and the RetryLoop and Attempt
// spans aws/retry starts itself.
//
// Metrics, all float64 histograms in seconds tagged with rpc.service and
// rpc.method (the auth ones also with auth.scheme_id):
//
//	client.call.duration                      the whole call, retries included
//	client.call.serialization_duration        encoding the request
//	client.call.auth.resolve_identity_duration getting credentials
//	client.call.resolve_endpoint_duration     running EndpointResolverV2
//	client.call.auth.signing_duration         signing an attempt
//	client.call.deserialization_duration      decoding a response
//
// aws/retry adds client.call.attempts, client.call.errors and
// client.call.attempt_duration, and smithy-go's HTTP client handler the
// client.http.* connection and request metrics.

import (
	"context"
	"errors"
	"fmt"
	"time"

	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/metrics"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/tracing"
)

// telemetryScope names this client to tracer and meter providers.
const telemetryScope = "github.com/devopsagent-go/devopsagent"

// Names of the duration metrics the client records.
const (
	metricCall            = "client.call.duration"
	metricSerialization   = "client.call.serialization_duration"
	metricResolveIdentity = "client.call.auth.resolve_identity_duration"
	metricResolveEndpoint = "client.call.resolve_endpoint_duration"
	metricSigning         = "client.call.auth.signing_duration"
	metricDeserialization = "client.call.deserialization_duration"
)

// metricDescriptions describes each duration metric.
var metricDescriptions = map[string]string{
	metricCall:            "Time of a whole call, retries and body transfer included",
	metricSerialization:   "Time to encode the request",
	metricResolveIdentity: "Time to get the identity (AWS credentials) to sign with",
	metricResolveEndpoint: "Time to resolve the endpoint (endpoint rules, not DNS)",
	metricSigning:         "Time to sign a request",
	metricDeserialization: "Time to decode a response",
}

// callMetrics holds a call's duration histograms by metric name.
type callMetrics map[string]metrics.Float64Histogram

type callMetricsKey struct{}

// withCallMetrics creates the duration histograms of mp and stores them
// on the context. With the no-op provider nothing is created or stored.
func withCallMetrics(ctx context.Context, mp metrics.MeterProvider) (context.Context, error) {
	if _, nop := mp.(metrics.NopMeterProvider); nop {
		return ctx, nil
	}

	meter := mp.Meter(telemetryScope)
	histograms := callMetrics{}
	for name, description := range metricDescriptions {
		h, err := meter.Float64Histogram(name, func(o *metrics.InstrumentOptions) {
			o.UnitLabel = "s"
			o.Description = description
		})
		if err != nil {
			return ctx, fmt.Errorf("create metric %s: %w", name, err)
		}
		histograms[name] = h
	}
	return context.WithValue(ctx, callMetricsKey{}, histograms), nil
}

// startTimer starts timing metric and returns the function, to be
// called once, that records the elapsed time. Without the metric (no
// meter provider) it returns a function that does nothing.
func startTimer(ctx context.Context, metric string) func() {
	return startSchemeTimer(ctx, metric, "")
}

// startSchemeTimer is startTimer for the auth metrics, which are also
// tagged with the auth scheme id unless schemeID is "".
func startSchemeTimer(ctx context.Context, metric, schemeID string) func() {
	histograms, _ := ctx.Value(callMetricsKey{}).(callMetrics)
	histogram, ok := histograms[metric]
	if !ok {
		return func() {}
	}

	opts := []metrics.RecordMetricOption{operationProperties(ctx)}
	if schemeID != "" {
		opts = append(opts, schemeProperty(schemeID))
	}
	start := time.Now()
	return func() {
		histogram.Record(ctx, time.Since(start).Seconds(), opts...)
	}
}

// schemeProperty tags a metric with the auth scheme id.
func schemeProperty(id string) metrics.RecordMetricOption {
	return func(o *metrics.RecordMetricOptions) {
		o.Properties.Set("auth.scheme_id", id)
	}
}

// operationProperties tags a metric with the service and operation.
func operationProperties(ctx context.Context) metrics.RecordMetricOption {
	return func(o *metrics.RecordMetricOptions) {
		o.Properties.Set("rpc.service", middleware.GetServiceID(ctx))
		o.Properties.Set("rpc.method", middleware.GetOperationName(ctx))
	}
}

// nopTracer is the tracer of tracing.NopTracerProvider, and nopSpan the
// span it starts.
var (
	nopTracer  = tracing.NopTracerProvider{}.Tracer(telemetryScope)
	_, nopSpan = nopTracer.StartSpan(context.Background(), "")
)

// tracingOn reports whether ctx carries an operation tracer that records
// spans, so that span names and properties are worth building.
func tracingOn(ctx context.Context) bool {
	tracer, ok := tracing.GetOperationTracer(ctx)
	return ok && tracer != nopTracer
}

// telemetryOn reports whether o has a tracer or meter provider other
// than the no-op ones; without, the steps of a call are not timed.
func telemetryOn(o *Options) bool {
	_, nopTracing := o.TracerProvider.(tracing.NopTracerProvider)
	_, nopMetrics := o.MeterProvider.(metrics.NopMeterProvider)
	return !nopTracing || !nopMetrics
}

// startOperationSpan makes tp's tracer the call's tracer and starts the
// call's span. With the no-op provider the span is nopSpan and the
// context keeps no tracer, unless it must hide a caller's tracer.
func startOperationSpan(ctx context.Context, tp tracing.TracerProvider, operation string) (
	context.Context, tracing.Span,
) {
	if _, nop := tp.(tracing.NopTracerProvider); nop {
		if tracingOn(ctx) {
			ctx = tracing.WithOperationTracer(ctx, nopTracer)
		}
		return ctx, nopSpan
	}

	tracer := tp.Tracer(telemetryScope)
	ctx = tracing.WithOperationTracer(ctx, tracer)

	return tracer.StartSpan(ctx, ServiceID+"."+operation, func(o *tracing.SpanOptions) {
		o.Kind = tracing.SpanKindClient
		o.Properties.Set("rpc.system", "aws-api")
		o.Properties.Set("rpc.service", ServiceID)
		o.Properties.Set("rpc.method", operation)
	})
}

// finishOperationSpan records the call's outcome on its span.
func finishOperationSpan(span tracing.Span, err error) {
	if span == nopSpan {
		return
	}

	span.SetProperty("error", err != nil)
	if err == nil {
		span.SetStatus(tracing.SpanStatusOK)
		return
	}

	span.SetStatus(tracing.SpanStatusError)
	span.SetProperty("exception.type", fmt.Sprintf("%T", err))
	span.SetProperty("exception.message", err.Error())
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		span.SetProperty("api.error_code", apiErr.ErrorCode())
		span.SetProperty("api.error_message", apiErr.ErrorMessage())
		span.SetProperty("api.error_fault", apiErr.ErrorFault().String())
	}
}

// timedSerializer wraps the request serializer in the
// OperationSerializer span and the serialization metric, both ending
// when the serializer hands the request on. It is added only when
// telemetryOn: with the no-op providers it would time nothing.
type timedSerializer struct {
	middleware.SerializeMiddleware
}

// HandleSerialize runs the serializer, timed.
func (m timedSerializer) HandleSerialize(
	ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler,
) (middleware.SerializeOutput, middleware.Metadata, error) {
	end := startPhase(ctx, "OperationSerializer", metricSerialization)
	defer end()

	return m.SerializeMiddleware.HandleSerialize(ctx, in, middleware.SerializeHandlerFunc(
		func(ctx context.Context, in middleware.SerializeInput) (
			middleware.SerializeOutput, middleware.Metadata, error,
		) {
			end()
			return next.HandleSerialize(ctx, in)
		}))
}

// timedDeserializer wraps the response deserializer in the
// OperationDeserializer span and the deserialization metric, both
// starting when the response comes back. Like timedSerializer, it is
// added only when telemetryOn.
type timedDeserializer struct {
	middleware.DeserializeMiddleware
}

// HandleDeserialize runs the deserializer, timing what it does after
// the response arrived.
func (m timedDeserializer) HandleDeserialize(
	ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler,
) (middleware.DeserializeOutput, middleware.Metadata, error) {
	end := func() {}
	defer func() { end() }()

	return m.DeserializeMiddleware.HandleDeserialize(ctx, in, middleware.DeserializeHandlerFunc(
		func(ctx context.Context, in middleware.DeserializeInput) (
			middleware.DeserializeOutput, middleware.Metadata, error,
		) {
			out, metadata, err := next.HandleDeserialize(ctx, in)
			end = startPhase(ctx, "OperationDeserializer", metricDeserialization)
			return out, metadata, err
		}))
}

// startPhase starts a span and a duration metric for one step of a call
// and returns the function ending both; later calls of it do nothing.
func startPhase(ctx context.Context, spanName, metric string) func() {
	_, span := tracing.StartSpan(ctx, spanName)
	stop := startTimer(ctx, metric)
	ended := false
	return func() {
		if !ended {
			ended = true
			stop()
			span.End()
		}
	}
}
