package codegen

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAcceptorDocs(t *testing.T) {
	yes, no := true, false
	status := func(value, state string) *acceptor {
		return &acceptor{state: state, output: &pathMatch{path: "task.status", expected: value}}
	}
	tests := []struct {
		name      string
		acceptors []*acceptor
		want      string
	}{
		{"grouped values", []*acceptor{
			status("DONE", stateSuccess), status("FAILED", stateFailure),
			status("LOST", stateFailure), status("DONE", stateFailure),
		}, "applies these acceptors, in order, to each result:\n\n" +
			"- task.status is DONE: success\n" +
			"- task.status is FAILED or LOST: failure\n\n" +
			"Any other output polls again; any other error ends the wait and is returned."},
		{"every output", []*acceptor{
			{state: stateRetry, errorType: "NotFound"}, {state: stateSuccess, success: &yes},
		}, "applies these acceptors, in order, to each result:\n\n" +
			"- the call fails with NotFound: poll again\n" +
			"- the call succeeds: success\n\n" +
			"Any other error ends the wait and is returned."},
		{"every error", []*acceptor{
			status("DONE", stateSuccess), {state: stateRetry, success: &no},
		}, "applies these acceptors, in order, to each result:\n\n" +
			"- task.status is DONE: success\n" +
			"- the call fails: poll again\n\n" +
			"Any other output polls again."},
		{"everything", []*acceptor{
			{state: stateSuccess, success: &yes}, {state: stateFailure, success: &no},
		}, "applies these acceptors, in order, to each result:\n\n" +
			"- the call succeeds: success\n" +
			"- the call fails: failure\n\n" +
			"Every result matches one of them."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, acceptorDocs(&waiter{acceptors: tt.acceptors}))
		})
	}
}

func TestAddCaseKeepsTheFirstAcceptor(t *testing.T) {
	var groups []caseGroup
	for _, c := range []struct{ value, state string }{
		{"a", stateSuccess}, {"b", stateSuccess}, {"c", stateFailure}, {"a", stateFailure}, {"d", stateSuccess},
	} {
		groups = addCase(groups, c.value, c.state)
	}
	assert.Equal(t, []caseGroup{
		{stateSuccess, []string{"a", "b"}}, {stateFailure, []string{"c"}}, {stateSuccess, []string{"d"}},
	}, groups)
}
