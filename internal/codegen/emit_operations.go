package codegen

import (
	"fmt"
)

// This file emits one api_op_<Operation>.go file per operation: the client
// method, the input and output types with their serializers, the operation
// descriptor the runtime invokes, the idempotency token filler and the
// paginator.

type operationView struct {
	Package    string
	Module     string
	FileDoc    string
	Name       string
	Doc        string
	HostPrefix string
	Input      structView
	Output     structView
	InputSerde structSerde
	OutSerde   structSerde
	Validate   string // validator function, "" when there is nothing to check
	Token      string // idempotency token field, "" when there is none
	Paginator  *paginatorView
	Waiters    []waiterView

	// InputPrint and OutputPrint are the printing methods of the input
	// and output, when they hold secrets.
	InputPrint  *printView
	OutputPrint *printView

	// APIClientDoc documents the XAPIClient interface, when the paginator
	// or a waiter needs it.
	APIClientDoc string
}

type paginatorView struct {
	Name        string
	Var         string // the pagination value, such as listServicesPagination
	Input       string
	Output      string
	InputToken  string
	OutputToken string
	PageSize    string // field, "" when the operation has no page size
	PageSizeDoc string
	NewDoc      string // doc comment of NewXPaginator
}

// emitOperations renders the api_op files.
func (a *api) emitOperations() ([]file, error) {
	var files []file
	holds := a.secretHolders()
	for _, op := range a.operations {
		v, err := a.operationView(op, holds)
		if err != nil {
			return nil, fmt.Errorf("codegen: operation %s: %w", op.name, err)
		}
		f, err := render("api_op_"+op.name+".go", "operation", v)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

func (a *api) operationView(op *operation, holds map[*shape]bool) (operationView, error) {
	in, out := op.input, op.output
	inDoc := in.goName + " holds the parameters of " + op.name + "."
	outDoc := out.goName + " holds the result of " + op.name + "."

	v := operationView{
		Package:    a.pkgName,
		Module:     a.module,
		FileDoc:    operationFileDoc(op),
		Name:       op.name,
		Doc:        comment(a.docs.operationDoc(op.name, op.doc), 0),
		HostPrefix: op.hostPrefix,
		Input:      a.structView(in, joinDoc(inDoc, in.model.Traits.Doc())),
		Output:     a.structView(out, joinDoc(outDoc, out.model.Traits.Doc())),
		InputSerde: structSerdeOf(in),
		OutSerde:   structSerdeOf(out),

		APIClientDoc: apiClientDoc(op),
		InputPrint:   a.structPrintView(in, holds),
		OutputPrint:  a.structPrintView(out, holds),
	}
	for _, w := range op.waiters {
		v.Waiters = append(v.Waiters, a.waiterView(op, w))
	}
	if a.needsOpValidator(op) {
		v.Validate = "validateOp" + op.name
	}
	if op.token != nil {
		if op.token.target.kind != kindString || !op.token.pointer {
			return v, fmt.Errorf("idempotency token %s is not a string", op.token.name)
		}
		v.Token = op.token.field
	}

	p, err := paginatorViewOf(op)
	v.Paginator = p
	return v, err
}

func paginatorViewOf(op *operation) (*paginatorView, error) {
	p := op.paginator
	if p == nil {
		return nil, nil
	}
	for _, tok := range []*member{p.inputToken, p.outputToken} {
		if tok.target.kind != kindString || !tok.pointer {
			return nil, fmt.Errorf("pagination token %s is not a string", tok.name)
		}
	}

	v := &paginatorView{
		Name:        op.name,
		Var:         lowerFirst(op.name) + "Pagination",
		Input:       op.input.goName,
		Output:      op.output.goName,
		InputToken:  p.inputToken.field,
		OutputToken: p.outputToken.field,
	}
	if ps := p.pageSize; ps != nil {
		if ps.target.kind != kindInteger || !ps.pointer {
			return nil, fmt.Errorf("page size %s is not an optional integer", ps.name)
		}
		v.PageSize = ps.field
		v.PageSizeDoc = comment("Limit is the largest number of items to ask for in one page; "+
			"NextPage sends it as the input's "+ps.field+" member. Zero leaves the choice to the "+
			"service.", 1)
	}
	v.NewDoc = comment(newPaginatorDoc(v), 0)
	return v, nil
}

// newPaginatorDoc returns the doc comment text of NewXPaginator.
func newPaginatorDoc(v *paginatorView) string {
	doc := "New" + v.Name + "Paginator returns a paginator over the results of " + v.Name +
		" called with params (nil for none). It starts at params." + v.InputToken
	if v.PageSize != "" {
		doc += ", and params." + v.PageSize + " gives the default Limit"
	}
	return doc + "."
}

// joinDoc joins a generated sentence and the model's documentation as two
// paragraphs.
func joinDoc(generated, model string) string {
	if model == "" {
		return generated
	}
	return generated + "\n\n" + model
}
