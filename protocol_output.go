package devopsagent

// This file decodes successful responses into operation outputs. When an
// output binds nothing to headers or the status code, its whole value is
// the JSON body, and internal/jsonwire decodes it: several times faster
// than smithy-go's restJson1 reader on large pages, with a fraction of
// the allocations (see benchmarks/PROFILE.md). Other outputs, should the
// model ever have one, still go through restJson1.

import (
	"context"
	"sync"

	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/traits"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/restjson1"

	"github.com/devopsagent-go/devopsagent/internal/jsonwire"
)

// bodyOnlyOutputs caches bodyOnlyOutput per operation schema, so the
// schema is walked once per operation, not once per call.
var bodyOnlyOutputs sync.Map // *smithy.OperationSchema → bool

// decodeOutput decodes a 2xx response into result. The caller closes
// the body.
func decodeOutput(ctx context.Context, protocol *restjson1.Protocol, op *smithy.OperationSchema,
	resp *smithyhttp.Response, result smithy.Deserializable,
) error {
	if !bodyOnly(op) {
		return protocol.DeserializeResponse(ctx, op, nil, resp, result)
	}
	return jsonwire.DecodeBody(resp.Body, resp.ContentLength, result)
}

// bodyOnly reports, from the cache, whether op's output is decoded from
// the body alone.
func bodyOnly(op *smithy.OperationSchema) bool {
	if v, ok := bodyOnlyOutputs.Load(op); ok {
		return v.(bool)
	}
	v := bodyOnlyOutput(op)
	bodyOnlyOutputs.Store(op, v)
	return v
}

// bodyOnlyOutput reports whether op has an output whose members all live
// in a JSON body: none is bound to a header, the status code or the whole
// payload, and none streams.
func bodyOnlyOutput(op *smithy.OperationSchema) bool {
	if op.Output == nil || op.IsOutputEventStream() {
		return false
	}
	for _, m := range op.Output.Members() {
		if boundOutsideBody(m) {
			return false
		}
	}
	return true
}

// boundOutsideBody reports whether an output member has an HTTP binding
// other than a key of the JSON body.
func boundOutsideBody(m *smithy.Schema) bool {
	_, header := smithy.SchemaTrait[*traits.HTTPHeader](m)
	_, prefix := smithy.SchemaTrait[*traits.HTTPPrefixHeaders](m)
	_, status := smithy.SchemaTrait[*traits.HTTPResponseCode](m)
	_, payload := smithy.SchemaTrait[*traits.HTTPPayload](m)
	_, stream := smithy.SchemaTrait[*traits.Streaming](m)
	return header || prefix || status || payload || stream
}
