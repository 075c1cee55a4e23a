package codegen

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// This file builds a waiter's default Retryable function and the list of
// its acceptors in the waiter's doc comment. Acceptors on errors
// (errorType, success false) and on outputs (output, success true) can
// never both match one result, so each side is built on its own; within a
// side the model's order decides, and runs of acceptors on the same path
// become one switch.

// caseGroup is a run of values of one subject that lead to one state.
type caseGroup struct {
	state  string
	values []string // Go expressions in code, model values in docs
}

// addCase adds value to the last group when it has the same state, or
// starts a new group. A value seen before is dropped: the earlier
// acceptor already wins.
func addCase(groups []caseGroup, value, state string) []caseGroup {
	for _, g := range groups {
		for _, v := range g.values {
			if v == value {
				return groups
			}
		}
	}
	if n := len(groups); n > 0 && groups[n-1].state == state {
		groups[n-1].values = append(groups[n-1].values, value)
		return groups
	}
	return append(groups, caseGroup{state: state, values: []string{value}})
}

// splitAcceptors separates the acceptors that look at errors from those
// that look at outputs, keeping model order.
func splitAcceptors(w *waiter) (onError, onOutput []*acceptor) {
	for _, acc := range w.acceptors {
		if acc.output != nil || (acc.success != nil && *acc.success) {
			onOutput = append(onOutput, acc)
		} else {
			onError = append(onError, acc)
		}
	}
	return onError, onOutput
}

// retryableBody returns the statements of a waiter's default Retryable,
// which sees the call's result as output and err.
func retryableBody(w *waiter) string {
	onError, onOutput := splitAcceptors(w)
	return errorStatements(onError) + "\n\n" + outputStatements(onOutput)
}

// stateReturn returns the statement that ends Retryable in state;
// failure is the error a failure state returns.
func stateReturn(state, failure string) string {
	switch state {
	case stateSuccess:
		return "return false, nil"
	case stateRetry:
		return "return true, nil"
	}
	return "return false, " + failure
}

// errorStatements handles a call that returned an error: error codes
// named by errorType acceptors, then a success false acceptor, else the
// error ends the wait.
func errorStatements(accs []*acceptor) string {
	const failure = `fmt.Errorf("failure state reached: %w", err)`
	last := "return false, err"
	var codes []caseGroup
	for _, acc := range accs {
		if acc.success != nil { // success false matches every error
			last = stateReturn(acc.state, failure)
			break
		}
		codes = addCase(codes, strconv.Quote(acc.errorType), acc.state)
	}

	var b strings.Builder
	b.WriteString("if err != nil {\n")
	if len(codes) > 0 {
		b.WriteString("var apiErr smithy.APIError\nif errors.As(err, &apiErr) {\n")
		b.WriteString("switch apiErr.ErrorCode() {\n")
		writeCases(&b, codes, failure)
		b.WriteString("}\n}\n")
	}
	b.WriteString(last + "\n}")
	return b.String()
}

// outputStatements handles a call that returned an output: one block per
// run of acceptors on the same path, up to a success true acceptor, which
// matches every output; else the waiter polls again.
func outputStatements(accs []*acceptor) string {
	var blocks []string
	for i := 0; i < len(accs); {
		acc := accs[i]
		if acc.output == nil {
			failure := `errors.New("failure state reached: the call succeeded")`
			return strings.Join(append(blocks, stateReturn(acc.state, failure)), "\n")
		}

		j := i + 1
		for j < len(accs) && accs[j].output != nil && accs[j].output.path == acc.output.path &&
			accs[j].output.comparator == acc.output.comparator {
			j++
		}
		blocks = append(blocks, pathBlock(accs[i:j]))
		i = j
	}
	return strings.Join(append(blocks, "return true, nil"), "\n")
}

// pathBlock returns the statements of a run of acceptors on one path.
func pathBlock(accs []*acceptor) string {
	if accs[0].output.comparator == "booleanEquals" {
		return booleanBlock(accs)
	}
	return switchBlock(accs)
}

// booleanBlock tests a boolean path once per acceptor.
func booleanBlock(accs []*acceptor) string {
	pm := accs[0].output
	guards, value := pathAccess(pm)
	var b strings.Builder
	for _, acc := range accs {
		cond := value
		if acc.output.expected == "false" {
			cond = "!" + value
		}
		failure := fmt.Sprintf(`errors.New("failure state reached: %s is %s")`,
			pm.path, acc.output.expected)
		fmt.Fprintf(&b, "if %s && %s {\n%s\n}\n", strings.Join(guards, " && "), cond,
			stateReturn(acc.state, failure))
	}
	return b.String()
}

// switchBlock switches over a string or enum path, one case per run of
// values that lead to the same state.
func switchBlock(accs []*acceptor) string {
	pm := accs[0].output
	guards, value := pathAccess(pm)
	var groups []caseGroup
	for _, acc := range accs {
		groups = addCase(groups, expectedExpr(acc.output), acc.state)
	}

	var b strings.Builder
	fmt.Fprintf(&b, "if %s {\nswitch %s {\n", strings.Join(guards, " && "), value)
	writeCases(&b, groups, fmt.Sprintf(`fmt.Errorf("failure state reached: %s is %%s", %s)`,
		pm.path, value))
	b.WriteString("}\n}\n")
	return b.String()
}

// writeCases writes one switch case per group; failure is the error of a
// failure state.
func writeCases(b *strings.Builder, groups []caseGroup, failure string) {
	for _, g := range groups {
		fmt.Fprintf(b, "case %s:\n%s\n", strings.Join(g.values, ", "), stateReturn(g.state, failure))
	}
}

// pathAccess returns the conditions under which a path can be read (the
// output and every structure on the way are non-nil) and the Go
// expression of its value.
func pathAccess(pm *pathMatch) (guards []string, value string) {
	expr := "output"
	guards = []string{"output != nil"}
	for i, m := range pm.members {
		expr += "." + m.field
		if i < len(pm.members)-1 || m.pointer {
			guards = append(guards, expr+" != nil")
		}
	}
	if pm.final().pointer {
		return guards, "*" + expr
	}
	return guards, expr
}

// expectedExpr returns the Go expression of a stringEquals value: the
// enum constant, or a string literal.
func expectedExpr(pm *pathMatch) string {
	end := pm.final().target
	if end.kind == kindEnum {
		return qualified(enumConstName(end.name, enumMemberOf(end, pm.expected).name), pkgRoot)
	}
	return strconv.Quote(pm.expected)
}

// acceptorDocs returns the end of a doc comment sentence that lists a
// waiter's acceptors, grouped as the code groups them, and says what
// happens to other results.
func acceptorDocs(w *waiter) string {
	var items []string
	var subject string
	var groups []caseGroup
	flush := func() {
		for _, g := range groups {
			items = append(items, fmt.Sprintf("- %s %s: %s", subject, orList(g.values), stateWords[g.state]))
		}
		groups = nil
	}

	for _, acc := range w.acceptors {
		next, value := acceptorSubject(acc)
		if next != subject {
			flush()
			subject = next
		}
		groups = addCase(groups, value, acc.state)
	}
	flush()

	return "applies these acceptors, in order, to each result:\n\n" + strings.Join(items, "\n") +
		"\n\n" + otherwise(w)
}

var stateWords = map[string]string{
	stateSuccess: "success",
	stateFailure: "failure",
	stateRetry:   "poll again",
}

// acceptorSubject names what an acceptor looks at and the value it wants.
func acceptorSubject(acc *acceptor) (subject, value string) {
	switch {
	case acc.output != nil:
		return acc.output.path + " is", acc.output.expected
	case acc.errorType != "":
		return "the call fails with", acc.errorType
	case *acc.success:
		return "the call", "succeeds"
	}
	return "the call", "fails"
}

// otherwise says what happens to results that no acceptor matches.
func otherwise(w *waiter) string {
	onError, onOutput := splitAcceptors(w)
	outputsCovered := slices.ContainsFunc(onOutput, func(acc *acceptor) bool { return acc.output == nil })
	errorsCovered := slices.ContainsFunc(onError, func(acc *acceptor) bool { return acc.success != nil })
	switch {
	case outputsCovered && errorsCovered:
		return "Every result matches one of them."
	case outputsCovered:
		return "Any other error ends the wait and is returned."
	case errorsCovered:
		return "Any other output polls again."
	}
	return "Any other output polls again; any other error ends the wait and is returned."
}

// orList joins values as "a", "a or b", "a, b or c".
func orList(values []string) string {
	if len(values) == 1 {
		return values[0]
	}
	return strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}
