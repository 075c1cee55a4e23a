// Package clientdecode runs our client's response decoding on its own,
// without the middleware stack: the decoder the client uses for a 2xx
// ListBacklogTasks response (internal/jsonwire, as for every output that
// binds nothing outside the JSON body) and our generated output type. The
// benchmarks use it to measure decoding alone, and the prototype tests to
// compare their results with the client's.
package clientdecode

import (
	"bytes"
	"fmt"

	devopsagent "github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/internal/jsonwire"
)

// Decoder decodes ListBacklogTasks responses. Like the client, it reads
// each body into a pooled buffer sized from the body's length; it is safe
// for concurrent use.
type Decoder struct{}

// New returns a Decoder.
func New() *Decoder {
	return &Decoder{}
}

// ListBacklogTasks decodes a 200 response carrying body, read as the
// client reads it: from a reader, with a known Content-Length.
func (d *Decoder) ListBacklogTasks(body []byte) (*devopsagent.ListBacklogTasksOutput, error) {
	out := &devopsagent.ListBacklogTasksOutput{}
	err := jsonwire.DecodeBody(bytes.NewReader(body), int64(len(body)), out)
	if err != nil {
		return nil, fmt.Errorf("decode ListBacklogTasks response: %w", err)
	}
	return out, nil
}
