package codegen

import (
	"fmt"
	"sort"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// This file resolves the service's operations: HTTP binding, host prefix,
// input and output structures, idempotency token and paginator.

// resolveOperations builds the operations, sorted by name.
func (a *api) resolveOperations() error {
	for _, mo := range a.modelOps {
		op, err := a.newOperation(mo)
		if err != nil {
			return fmt.Errorf("codegen: operation %s: %w", mo.Name(), err)
		}
		a.operations = append(a.operations, op)
	}
	return nil
}

func (a *api) newOperation(mo *smithymodel.Shape) (*operation, error) {
	h, err := mo.HTTPTrait()
	if err != nil {
		return nil, err
	}
	op := &operation{
		model:      mo,
		name:       mo.Name(),
		doc:        mo.Traits.Doc(),
		http:       h,
		hostPrefix: mo.HostPrefix(),
	}

	if op.input, err = a.ioShape(op, mo.Input, "Input"); err != nil {
		return nil, err
	}
	if op.output, err = a.ioShape(op, mo.Output, "Output"); err != nil {
		return nil, err
	}
	for _, m := range op.input.members {
		if m.idempotencyToken {
			op.token = m
		}
	}
	op.paginator, err = a.newPaginator(op)
	return op, err
}

// ioShape returns the input or output structure of op. An operation
// without one gets an empty structure so that every operation has XInput
// and XOutput types.
func (a *api) ioShape(op *operation, id, suffix string) (*shape, error) {
	if id == "" || id == smithymodel.Prelude+"#Unit" {
		ms := &smithymodel.Shape{
			ID:     a.namespace + "#" + op.name + suffix,
			Type:   "structure",
			Traits: smithymodel.Traits{},
		}
		if a.byID[ms.ID] != nil {
			return nil, fmt.Errorf("shape %s already exists", ms.ID)
		}
		s := &shape{model: ms, kind: kindStructure, name: ms.Name()}
		a.byID[ms.ID] = s
		a.shapes = append(a.shapes, s)
		sort.Slice(a.shapes, func(i, j int) bool { return a.shapes[i].model.ID < a.shapes[j].model.ID })
		id = ms.ID
	}

	s := a.byID[id]
	if s.kind != kindStructure {
		return nil, fmt.Errorf("%s %s is not a structure", suffix, id)
	}
	if s.op != nil {
		return nil, fmt.Errorf("%s is also used by %s", id, s.op.name)
	}
	s.op = op
	return s, nil
}

// newPaginator reads the paginated trait, whose members must be top-level
// members of the input and output.
func (a *api) newPaginator(op *operation) (*paginator, error) {
	t, ok := op.model.Pagination()
	if !ok {
		return nil, nil
	}

	p := &paginator{
		inputToken:  op.input.member(t.InputToken),
		outputToken: op.output.member(t.OutputToken),
	}
	if p.inputToken == nil || p.outputToken == nil {
		return nil, fmt.Errorf("paginated trait names tokens %q/%q that are not top-level members",
			t.InputToken, t.OutputToken)
	}
	if t.PageSize != "" {
		if p.pageSize = op.input.member(t.PageSize); p.pageSize == nil {
			return nil, fmt.Errorf("paginated pageSize %q is not an input member", t.PageSize)
		}
	}
	return p, nil
}
