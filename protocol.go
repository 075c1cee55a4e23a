package devopsagent

// This file holds the restJson1 middlewares: the serializer that turns an
// operation input into an HTTP request, the deserializer that turns a
// response into an output or an error, and the middleware that records
// the service's request ID. The HTTP bindings and JSON codec are
// smithy-go's, except that protocol_output.go decodes successful bodies
// with internal/jsonwire; error responses are decoded by
// protocol_errors.go.

import (
	"context"
	"fmt"
	"io"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/restjson1"
)

// serializeRequest is the Serialize middleware that encodes the input.
type serializeRequest struct {
	protocol *restjson1.Protocol
	schema   *smithy.OperationSchema
}

// ID names the middleware as the aws-sdk-go-v2 clients do.
func (*serializeRequest) ID() string { return "OperationSerializer" }

// HandleSerialize binds the input to the request's method, path, query,
// headers and JSON body.
func (m *serializeRequest) HandleSerialize(
	ctx context.Context, in middleware.SerializeInput, next middleware.SerializeHandler,
) (middleware.SerializeOutput, middleware.Metadata, error) {
	fail := func(err error) (middleware.SerializeOutput, middleware.Metadata, error) {
		err = &smithy.SerializationError{Err: err}
		return middleware.SerializeOutput{}, middleware.Metadata{}, err
	}

	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return fail(fmt.Errorf("unexpected transport type %T", in.Request))
	}
	input, ok := in.Parameters.(smithy.Serializable)
	if !ok {
		return fail(fmt.Errorf("input type %T is not serializable", in.Parameters))
	}

	if err := m.protocol.SerializeRequest(ctx, m.schema, input, req); err != nil {
		return fail(err)
	}
	return next.HandleSerialize(ctx, in)
}

// deserializeResponse is the Deserialize middleware that decodes the
// response: a 2xx status into the operation's output, anything else into
// an error.
type deserializeResponse struct {
	protocol *restjson1.Protocol
	op       *operation
	errors   errorDecoder
}

// ID names the middleware as the aws-sdk-go-v2 clients do.
func (*deserializeResponse) ID() string { return "OperationDeserializer" }

// HandleDeserialize decodes the response and closes its body.
func (m *deserializeResponse) HandleDeserialize(
	ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler,
) (out middleware.DeserializeOutput, metadata middleware.Metadata, err error) {
	out, metadata, err = next.HandleDeserialize(ctx, in)
	if err != nil {
		return out, metadata, err
	}

	resp, ok := out.RawResponse.(*smithyhttp.Response)
	if !ok {
		return out, metadata, &smithy.DeserializationError{
			Err: fmt.Errorf("unexpected transport response type %T", out.RawResponse),
		}
	}
	defer drainAndClose(resp.Body)

	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		return out, metadata, m.errors.decode(ctx, m.op.schema, resp)
	}

	result := m.op.newOutput()
	if err := decodeOutput(ctx, m.protocol, m.op.schema, resp, result); err != nil {
		return out, metadata, err
	}
	out.Result = result
	return out, metadata, nil
}

// drainAndClose reads what is left of a response body and closes it, so
// the connection can be reused.
func drainAndClose(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, body)
	_ = body.Close()
}

// requestIDHeaders name the response headers that carry the service's
// request ID, in order of preference.
var requestIDHeaders = []string{"X-Amzn-Requestid", "X-Amz-Request-Id", "X-Amz-Requestid"}

// recordRequestID is the Deserialize middleware that stores the request
// ID in the result metadata, where awsmiddleware.GetRequestIDMetadata and
// awshttp.ResponseErrorWrapper find it. awsmiddleware.RequestIDRetriever
// does the same but does not know the X-Amz-Request-Id spelling.
type recordRequestID struct{}

// ID names the middleware as the aws-sdk-go-v2 clients do.
func (*recordRequestID) ID() string { return "RequestIDRetriever" }

// HandleDeserialize copies the first request ID header into metadata.
func (*recordRequestID) HandleDeserialize(
	ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler,
) (middleware.DeserializeOutput, middleware.Metadata, error) {
	out, metadata, err := next.HandleDeserialize(ctx, in)

	resp, ok := out.RawResponse.(*smithyhttp.Response)
	if !ok {
		return out, metadata, err
	}
	for _, name := range requestIDHeaders {
		if id := resp.Header.Get(name); id != "" {
			awsmiddleware.SetRequestIDMetadata(&metadata, id)
			break
		}
	}
	return out, metadata, err
}
