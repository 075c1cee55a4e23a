package emulator

// This file turns the model's @http traits into a route table and matches
// requests against it. The host (and so the "cp."/"dp." host prefix) plays
// no part in routing: only the method and the path do.

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// route is one operation as the HTTP layer sees it.
type route struct {
	name     string
	method   string
	segments []segment
	code     int
	input    *smithymodel.Shape
	handler  handler

	// bodyMembers are the input members bound to the JSON body; labels
	// and queries map member names to their label or query key.
	bodyMembers map[string]bool
	labels      map[string]bool
	queries     map[string]string

	// pageSizeMember and tokenMember name the input members holding the
	// page size and the page token of a paginated operation, or "".
	pageSizeMember string
	tokenMember    string

	// scalarTypes gives the Smithy type of each label and query member,
	// which decides how its text is converted to a JSON value.
	scalarTypes map[string]string
}

// segment is one "/"-separated piece of a URI template: a literal, or a
// label naming an input member.
type segment struct {
	literal string
	label   string
}

// buildRoutes makes one route per operation of the model's service. Every
// operation must have a handler and every handler an operation.
func buildRoutes(m *smithymodel.Model, handlers map[string]handler) ([]*route, error) {
	ops, err := m.Operations()
	if err != nil {
		return nil, fmt.Errorf("emulator: %w", err)
	}
	if len(ops) != len(handlers) {
		return nil, fmt.Errorf("emulator: model has %d operations, emulator handles %d",
			len(ops), len(handlers))
	}

	routes := make([]*route, 0, len(ops))
	for _, op := range ops {
		r, err := newRoute(m, op, handlers[op.Name()])
		if err != nil {
			return nil, err
		}
		routes = append(routes, r)
	}

	// Literal segments win over labels where two templates could match.
	sort.SliceStable(routes, func(i, j int) bool {
		return literalCount(routes[i]) > literalCount(routes[j])
	})
	return routes, nil
}

// newRoute builds the route of one operation from its @http trait and
// the bindings of its input members.
func newRoute(m *smithymodel.Model, op *smithymodel.Shape, h handler) (*route, error) {
	if h == nil {
		return nil, fmt.Errorf("emulator: no handler for operation %s", op.Name())
	}
	httpTrait, err := op.HTTPTrait()
	if err != nil {
		return nil, fmt.Errorf("emulator: %w", err)
	}

	r := &route{
		name: op.Name(), method: httpTrait.Method, code: httpTrait.Code,
		input: m.Shape(op.Input), handler: h,
		bodyMembers: map[string]bool{}, labels: map[string]bool{},
		queries: map[string]string{}, scalarTypes: map[string]string{},
	}
	r.segments = parseTemplate(httpTrait.URI)
	bindMembers(m, r)
	if p, ok := op.Pagination(); ok {
		r.pageSizeMember, r.tokenMember = p.PageSize, p.InputToken
	}
	return r, nil
}

// parseTemplate splits a URI template such as "/v1/services/{serviceId}".
func parseTemplate(uri string) []segment {
	var out []segment
	for _, part := range strings.Split(strings.Trim(uri, "/"), "/") {
		if strings.HasPrefix(part, "{") && strings.HasSuffix(part, "}") {
			out = append(out, segment{label: strings.Trim(part, "{}")})
			continue
		}
		out = append(out, segment{literal: part})
	}
	return out
}

// bindMembers records where each input member travels.
func bindMembers(m *smithymodel.Model, r *route) {
	if r.input == nil {
		return
	}
	for _, mem := range r.input.Members {
		switch {
		case mem.Traits.Has(smithymodel.TraitHTTPLabel):
			r.labels[mem.Name] = true
			r.scalarTypes[mem.Name] = m.Shape(mem.Target).Type
		case mem.Traits.Has(smithymodel.TraitHTTPQuery):
			key, _ := mem.Traits.String(smithymodel.TraitHTTPQuery)
			r.queries[mem.Name] = key
			r.scalarTypes[mem.Name] = m.Shape(mem.Target).Type
		case mem.Traits.Has(smithymodel.TraitHTTPHeader),
			mem.Traits.Has(smithymodel.TraitHTTPPayload):
			// None of the 13 operations binds headers or a payload.
		default:
			r.bodyMembers[mem.Name] = true
		}
	}
}

// literalCount is the number of literal segments of r's template.
func literalCount(r *route) int {
	n := 0
	for _, s := range r.segments {
		if s.label == "" {
			n++
		}
	}
	return n
}

// matchRoute finds the route for a request and the decoded label values.
func matchRoute(routes []*route, method string, u *url.URL) (*route, map[string]string, bool) {
	parts := strings.Split(strings.Trim(u.EscapedPath(), "/"), "/")
	for _, r := range routes {
		if r.method != method || len(r.segments) != len(parts) {
			continue
		}
		if labels, ok := r.match(parts); ok {
			return r, labels, true
		}
	}
	return nil, nil, false
}

// match checks the request path's segments against the template and
// returns the unescaped label values.
func (r *route) match(parts []string) (map[string]string, bool) {
	labels := map[string]string{}
	for i, seg := range r.segments {
		value, err := url.PathUnescape(parts[i])
		if err != nil {
			return nil, false
		}
		if seg.label == "" {
			if value != seg.literal {
				return nil, false
			}
			continue
		}
		if value == "" {
			return nil, false
		}
		labels[seg.label] = value
	}
	return labels, true
}

// allowsBody reports whether the operation reads a JSON body.
func (r *route) allowsBody() bool {
	return len(r.bodyMembers) > 0
}
