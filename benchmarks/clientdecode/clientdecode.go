// Package clientdecode runs our client's response decoding on its own,
// without the middleware stack: the smithy-go restJson1 protocol the client
// uses, our operation schema and our generated output type. The benchmarks
// use it to measure decoding alone, and the prototype tests to compare
// their results with the client's.
package clientdecode

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"

	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/restjson1"

	devopsagent "github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/internal/schemas"
)

// Decoder decodes ListBacklogTasks responses. It reuses one protocol value
// (and so its buffer pool) across calls, as a client does; it is safe for
// concurrent use.
type Decoder struct {
	protocol *restjson1.Protocol
}

// New returns a Decoder.
func New() *Decoder {
	return &Decoder{protocol: restjson1.New(nil)}
}

// ListBacklogTasks decodes a 200 response carrying body.
func (d *Decoder) ListBacklogTasks(body []byte) (*devopsagent.ListBacklogTasksOutput, error) {
	resp := &smithyhttp.Response{Response: &http.Response{
		StatusCode:    http.StatusOK,
		Header:        http.Header{"Content-Type": []string{"application/json"}},
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
	}}

	out := &devopsagent.ListBacklogTasksOutput{}
	err := d.protocol.DeserializeResponse(context.Background(),
		schemas.OpListBacklogTasks, nil, resp, out)
	if err != nil {
		return nil, fmt.Errorf("decode ListBacklogTasks response: %w", err)
	}
	return out, nil
}
