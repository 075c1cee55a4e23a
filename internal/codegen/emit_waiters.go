package codegen

import (
	"strings"
)

// This file prepares the waiters of an operation for templates/waiter.tmpl
// and the sentences that name what an api_op file holds.

type waiterView struct {
	Name          string
	Op            string
	Input         string
	Output        string
	Doc           string
	MinDelay      int // seconds
	MaxDelay      int // seconds
	Retryable     string
	RetryableBody string
}

func (a *api) waiterView(op *operation, w *waiter) waiterView {
	doc := a.docs.waiterDoc(w.name+"Waiter", w.doc) + "\n\n" +
		"It calls " + op.name + " and " + acceptorDocs(w)
	if w.deprecated {
		doc += "\n\nDeprecated: The service model marks this waiter as deprecated."
	}
	return waiterView{
		Name:          w.name,
		Op:            op.name,
		Input:         op.input.goName,
		Output:        op.output.goName,
		Doc:           comment(doc, 0),
		MinDelay:      w.minDelay,
		MaxDelay:      w.maxDelay,
		Retryable:     lowerFirst(w.name) + "Retryable",
		RetryableBody: retryableBody(w),
	}
}

// apiClientDoc returns the doc comment of the XAPIClient interface, or ""
// when op has neither a paginator nor a waiter to need one.
func apiClientDoc(op *operation) string {
	var users []string
	if op.paginator != nil {
		users = append(users, "New"+op.name+"Paginator")
	}
	for _, w := range op.waiters {
		users = append(users, "New"+w.name+"Waiter")
	}
	if len(users) == 0 {
		return ""
	}
	verb := " call"
	if len(users) == 1 {
		verb = " calls"
	}
	return comment(op.name+"APIClient is the method that "+andList(users)+verb+
		"; *Client has it, and tests may supply their own.", 0)
}

// operationFileDoc says what the api_op file of op holds.
func operationFileDoc(op *operation) string {
	parts := []string{
		"the client method",
		"its input and output types with their serializers",
		"the descriptor the runtime invokes it with",
	}
	if op.paginator != nil {
		parts = append(parts, "its paginator")
	}
	for _, w := range op.waiters {
		parts = append(parts, "the "+w.name+" waiter")
	}
	return "This file holds the " + op.name + " operation: " + andList(parts) + "."
}

// andList joins items as "a", "a and b", "a, b, and c".
func andList(items []string) string {
	switch len(items) {
	case 1:
		return items[0]
	case 2:
		return items[0] + " and " + items[1]
	}
	return strings.Join(items[:len(items)-1], ", ") + ", and " + items[len(items)-1]
}
