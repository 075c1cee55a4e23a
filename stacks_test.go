package devopsagent

// This file tests the stack cache (stacks.go): which calls reuse a
// stack, that a reused stack behaves as a fresh one, and that neither
// what a call's options add nor the endpoint a stack keeps reaches
// other calls.

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/middleware"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStackReusableOnlyForCallDefaultsWithoutAPIOptions(t *testing.T) {
	nothing := func(*middleware.Stack) error { return nil }
	tests := []struct {
		name    string
		client  []func(*Options)
		call    []func(*Options)
		reusing bool
	}{
		{name: "plain call", reusing: true},
		{name: "call options", call: []func(*Options){func(*Options) {}}},
		{name: "client APIOptions", client: []func(*Options){WithAPIOptions(nothing)}},
		{name: "call APIOptions", call: []func(*Options){WithAPIOptions(nothing)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{Region: "us-east-1", Credentials: testCreds}, tt.client...)

			assert.Equal(t, tt.reusing, c.reusable(c.callOptions(tt.call)))
		})
	}
}

func TestAPIOptionsRunOnEveryCall(t *testing.T) {
	f := newFakeService(t)
	var runs atomic.Int32
	count := func(*middleware.Stack) error {
		runs.Add(1)
		return nil
	}
	c := f.client(WithAPIOptions(count))

	for range 3 {
		_, err := c.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")})
		require.NoError(t, err)
	}

	assert.Equal(t, int32(3), runs.Load())
}

func TestCallAPIOptionsStayWithTheirCall(t *testing.T) {
	f := newFakeService(t)
	c := f.client()
	calls := []struct {
		name       string
		options    []func(*Options)
		wantHeader string
	}{
		{name: "plain"},
		{name: "with header", options: []func(*Options){WithAPIOptions(addHeader("X-Test", "1"))},
			wantHeader: "1"},
		{name: "plain again"},
	}

	for _, call := range calls {
		_, err := c.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")},
			call.options...)
		require.NoError(t, err, call.name)
	}

	sent := f.received()
	require.Len(t, sent, len(calls))
	for i, call := range calls {
		assert.Equal(t, call.wantHeader, sent[i].Header.Get("X-Test"), call.name)
	}
}

func TestReusedStacksServeConcurrentCalls(t *testing.T) {
	const workers, callsEach = 4, 25
	f := newFakeService(t, reply{Status: http.StatusOK, Body: `{"id":"w-1"}`})
	c := f.client()

	var wg sync.WaitGroup
	errs := make(chan error, workers*callsEach)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range callsEach {
				input := &putWidgetInput{WidgetID: aws.String("w")}
				out, err := c.putWidget(context.Background(), input)
				if err == nil && aws.ToString(out.ID) != "w-1" {
					err = assert.AnError
				}
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)

	for err := range errs {
		require.NoError(t, err)
	}
	invocations := map[string]bool{}
	for _, req := range f.received() {
		assert.Contains(t, req.Header.Get("Authorization"), "AWS4-HMAC-SHA256 ")
		invocations[req.Header.Get("Amz-Sdk-Invocation-Id")] = true
	}
	assert.Len(t, invocations, workers*callsEach, "every call has its own invocation ID")
}

func TestEndpointFollowsEachCallsOptions(t *testing.T) {
	calls := []struct {
		name     string
		options  []func(*Options)
		wantHost string
	}{
		{name: "plain", wantHost: "aidevops.us-east-1.api.aws"},
		{name: "other region", options: []func(*Options){func(o *Options) {
			o.Region = "eu-west-1"
		}}, wantHost: "aidevops.eu-west-1.api.aws"},
		{name: "base endpoint", options: []func(*Options){func(o *Options) {
			o.BaseEndpoint = aws.String("https://local.example")
		}}, wantHost: "local.example"},
		{name: "plain again", wantHost: "aidevops.us-east-1.api.aws"},
	}

	var sent []captured
	c := New(Options{Region: "us-east-1", Credentials: testCreds, HTTPClient: captureClient(&sent),
		DisableHostPrefix: true})
	for i, call := range calls {
		_, err := c.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")},
			call.options...)
		require.NoError(t, err, call.name)
		require.Len(t, sent, i+1, call.name)
		assert.Equal(t, call.wantHost, sent[i].req.URL.Host, call.name)
	}
}
