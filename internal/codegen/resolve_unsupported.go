package codegen

// This file finds operations that use a Smithy feature the generator and
// runtime cannot carry, so that they are refused with a clear error (or
// left out, when the caller asks) instead of being generated wrongly.

import (
	"errors"
	"fmt"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// errUnsupported marks an operation the generator refuses.
var errUnsupported = errors.New("not supported")

// supportedOperations returns the model's operations that can be
// generated. An operation using an unsupported feature is an error,
// unless skip is set: then it is left out and reported to skip.
func supportedOperations(m *smithymodel.Model, skip func(op string, why error),
) ([]*smithymodel.Shape, error) {
	ops, err := m.Operations()
	if err != nil {
		return nil, err
	}

	var out []*smithymodel.Shape
	for _, op := range ops {
		err := checkSupported(m, op)
		switch {
		case err == nil:
			out = append(out, op)
		case skip != nil:
			skip(op.Name(), err)
		default:
			return nil, fmt.Errorf("codegen: operation %s: %w", op.Name(), err)
		}
	}
	return out, nil
}

// checkSupported reports the first unsupported feature an operation's
// input or output uses at the top level, where Smithy allows streaming.
//
// TODO: event streams (a union with @streaming) need an event-stream
// reader and writer in the runtime, and streaming blobs an io.Reader input
// and an io.ReadCloser output whose body the caller closes; invoke.go
// supports neither yet.
func checkSupported(m *smithymodel.Model, op *smithymodel.Shape) error {
	for _, id := range []string{op.Input, op.Output} {
		shape := m.Shape(id)
		if shape == nil {
			continue
		}
		for _, mem := range shape.Members {
			target := m.Shape(mem.Target)
			if !target.Traits.Has(traitStreaming) {
				continue
			}
			feature := "streaming blobs"
			if target.Type == "union" {
				feature = "event streams"
			}
			return fmt.Errorf("%s$%s targets %s: %s are %w",
				shape.ID, mem.Name, target.ID, feature, errUnsupported)
		}
	}
	return nil
}
