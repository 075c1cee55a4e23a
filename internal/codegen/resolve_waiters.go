package codegen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// This file reads an operation's smithy.waiters#waitable trait into
// waiters. The generator supports the matchers a status-polling waiter
// needs: output paths made of structure members compared with
// stringEquals or booleanEquals, errorType and success. Anything else
// (inputOutput, list comparators, JMESPath projections or functions) is
// rejected, so that a model never yields a waiter that silently ignores
// an acceptor.
//
// TODO: inputOutput matchers, allStringEquals/anyStringEquals and
// projections (such as "items[].status") need a small JMESPath evaluator;
// this service's waiters need none of them.

const traitWaitable = "smithy.waiters#waitable"

// waiter is one waiter of an operation.
type waiter struct {
	name       string
	doc        string
	deprecated bool
	minDelay   int // seconds
	maxDelay   int // seconds
	acceptors  []*acceptor
}

// Acceptor states.
const (
	stateSuccess = "success"
	stateFailure = "failure"
	stateRetry   = "retry"
)

// acceptor is one acceptor of a waiter: a state and exactly one matcher.
type acceptor struct {
	state string

	output    *pathMatch // output matcher
	success   *bool      // success matcher
	errorType string     // errorType matcher: the error's shape name
}

// pathMatch is an output matcher compiled to Go field accesses.
type pathMatch struct {
	path       string    // as written in the model
	members    []*member // the path's members, from the output structure down
	comparator string    // stringEquals or booleanEquals
	expected   string
}

// final returns the member the path ends at.
func (p *pathMatch) final() *member {
	return p.members[len(p.members)-1]
}

// rawWaiter mirrors one waiter of the waitable trait.
type rawWaiter struct {
	Documentation string        `json:"documentation"`
	MinDelay      *int          `json:"minDelay"`
	MaxDelay      *int          `json:"maxDelay"`
	Deprecated    bool          `json:"deprecated"`
	Tags          []string      `json:"tags"`
	Acceptors     []rawAcceptor `json:"acceptors"`
}

type rawAcceptor struct {
	State   string `json:"state"`
	Matcher struct {
		Output      *rawPathMatcher `json:"output"`
		InputOutput *rawPathMatcher `json:"inputOutput"`
		Success     *bool           `json:"success"`
		ErrorType   *string         `json:"errorType"`
	} `json:"matcher"`
}

type rawPathMatcher struct {
	Path       string `json:"path"`
	Expected   string `json:"expected"`
	Comparator string `json:"comparator"`
}

// Smithy's defaults for the delays of a waiter, in seconds.
const (
	defaultMinDelay = 2
	defaultMaxDelay = 120
)

var (
	waiterName = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	plainPath  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)
)

// resolveWaiters reads the waitable trait of every operation.
func (a *api) resolveWaiters() error {
	for _, op := range a.operations {
		ws, err := a.newWaiters(op)
		if err != nil {
			return fmt.Errorf("codegen: operation %s: %w", op.name, err)
		}
		op.waiters = ws
	}
	return nil
}

// newWaiters returns op's waiters sorted by name.
func (a *api) newWaiters(op *operation) ([]*waiter, error) {
	raw, ok := op.model.Traits[traitWaitable]
	if !ok {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var byName map[string]rawWaiter
	if err := dec.Decode(&byName); err != nil {
		return nil, fmt.Errorf("%s: %w", traitWaitable, err)
	}

	names := make([]string, 0, len(byName))
	for name := range byName {
		names = append(names, name)
	}
	sort.Strings(names)

	var out []*waiter
	for _, name := range names {
		w, err := a.newWaiter(op, name, byName[name])
		if err != nil {
			return nil, fmt.Errorf("waiter %s: %w", name, err)
		}
		out = append(out, w)
	}
	return out, nil
}

func (a *api) newWaiter(op *operation, name string, raw rawWaiter) (*waiter, error) {
	if !waiterName.MatchString(name) {
		return nil, fmt.Errorf("name must be UpperCamelCase")
	}
	w := &waiter{
		name:       name,
		doc:        strings.TrimSpace(raw.Documentation),
		deprecated: raw.Deprecated,
		minDelay:   orDefault(raw.MinDelay, defaultMinDelay),
		maxDelay:   orDefault(raw.MaxDelay, defaultMaxDelay),
	}
	if w.minDelay < 1 || w.maxDelay < w.minDelay {
		return nil, fmt.Errorf("delays must satisfy 1 <= minDelay (%d) <= maxDelay (%d)",
			w.minDelay, w.maxDelay)
	}

	for i, ra := range raw.Acceptors {
		acc, err := a.newAcceptor(op, ra)
		if err != nil {
			return nil, fmt.Errorf("acceptor %d: %w", i, err)
		}
		w.acceptors = append(w.acceptors, acc)
	}
	if !slices.ContainsFunc(w.acceptors, func(acc *acceptor) bool { return acc.state == stateSuccess }) {
		return nil, fmt.Errorf("no acceptor leads to the success state")
	}
	return w, nil
}

func orDefault(v *int, def int) int {
	if v == nil {
		return def
	}
	return *v
}

func (a *api) newAcceptor(op *operation, ra rawAcceptor) (*acceptor, error) {
	switch ra.State {
	case stateSuccess, stateFailure, stateRetry:
	default:
		return nil, fmt.Errorf("unknown state %q", ra.State)
	}

	acc := &acceptor{state: ra.State}
	m := ra.Matcher
	set := 0
	for _, present := range []bool{m.Output != nil, m.InputOutput != nil, m.Success != nil, m.ErrorType != nil} {
		if present {
			set++
		}
	}
	switch {
	case set != 1:
		return nil, fmt.Errorf("a matcher must have exactly one member, this one has %d", set)
	case m.InputOutput != nil:
		return nil, fmt.Errorf("inputOutput matchers are not supported")
	case m.Success != nil:
		acc.success = m.Success
	case m.ErrorType != nil:
		acc.errorType = smithymodel.Name(*m.ErrorType)
	default:
		pm, err := a.compilePath(op.output, *m.Output)
		if err != nil {
			return nil, fmt.Errorf("output path %q: %w", m.Output.Path, err)
		}
		acc.output = pm
	}
	return acc, nil
}

// compilePath resolves a path of member names from the output structure
// and checks that the comparator and expected value suit its end.
func (a *api) compilePath(output *shape, raw rawPathMatcher) (*pathMatch, error) {
	if !plainPath.MatchString(raw.Path) {
		return nil, fmt.Errorf("only dotted member names are supported")
	}

	pm := &pathMatch{path: raw.Path, comparator: raw.Comparator, expected: raw.Expected}
	cur := output
	for _, name := range strings.Split(raw.Path, ".") {
		if cur.kind != kindStructure {
			return nil, fmt.Errorf("%s is not a structure", cur.name)
		}
		m := cur.member(name)
		if m == nil {
			return nil, fmt.Errorf("%s has no member %q", cur.name, name)
		}
		if m.sensitive {
			return nil, fmt.Errorf("member %s is sensitive; a waiter must not read it", name)
		}
		pm.members = append(pm.members, m)
		cur = m.target
	}
	return pm, checkExpected(pm)
}

// checkExpected checks the comparator against the kind of the path's end.
func checkExpected(pm *pathMatch) error {
	end := pm.final().target
	switch pm.comparator {
	case "stringEquals":
		switch {
		case end.kind == kindEnum && enumMemberOf(end, pm.expected) == nil:
			return fmt.Errorf("%q is not a value of %s", pm.expected, end.name)
		case end.kind != kindEnum && end.kind != kindString:
			return fmt.Errorf("stringEquals needs a string or enum, %s is neither", end.name)
		case pm.expected == "":
			return fmt.Errorf("the expected value must not be empty")
		}
	case "booleanEquals":
		if end.kind != kindBool || (pm.expected != "true" && pm.expected != "false") {
			return fmt.Errorf("booleanEquals needs a boolean member and true or false")
		}
	default:
		return fmt.Errorf("comparator %q is not supported", pm.comparator)
	}
	return nil
}

// enumMemberOf returns the member of enum e whose value is value, or nil.
func enumMemberOf(e *shape, value string) *member {
	for _, m := range e.members {
		if m.enumValue == value {
			return m
		}
	}
	return nil
}
