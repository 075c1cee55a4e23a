package conformance

// Guards on the case tables: every union member and every enum value both
// clients know must be exercised by some request or response case, so a
// comparison test cannot pass by never looking.

import (
	"context"
	"strings"
	"testing"

	"github.com/devopsagent-go/devopsagent/conformance/internal/mirror"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// unionNames collects the union member type names in a normalised tree.
func unionNames(tree any, into map[string]bool) {
	switch v := tree.(type) {
	case map[string]any:
		if name, ok := v["union"].(string); ok {
			into[name] = true
		}
		for _, child := range v {
			unionNames(child, into)
		}
	case []any:
		for _, child := range v {
			unionNames(child, into)
		}
	}
}

// allResponseCases returns every success response case.
func allResponseCases() []responseCase {
	official := officialEnumValues()
	var cases []responseCase
	cases = append(cases, associationResponses(official)...)
	cases = append(cases, taskResponses(official)...)
	cases = append(cases, serviceResponses(official)...)
	return append(cases, edgeResponses()...)
}

func TestUnionMembersCovered(t *testing.T) {
	seen := map[string]bool{}
	for _, tc := range requestCases(officialEnumValues()) {
		tree, err := mirror.Tree(tc.input)
		require.NoError(t, err)
		unionNames(tree, seen)
	}

	inputs := minimalInputs()
	for _, tc := range allResponseCases() {
		if tc.skip != "" {
			continue
		}
		out, err := operations[tc.op].callOfficial(context.Background(),
			newOfficial(newRecorder(reply{status: tc.status, body: tc.body})),
			toOfficial(t, operations[tc.op], inputs[tc.op]))
		require.NoError(t, err, "%s/%s", tc.op, tc.name)
		tree, err := mirror.Tree(out)
		require.NoError(t, err)
		unionNames(tree, seen)
	}

	for _, name := range officialUnionMembers.Names() {
		if name != "UnknownUnionMember" {
			assert.True(t, seen[name], "no case uses union member %s", name)
		}
	}
}

func TestEnumValuesCovered(t *testing.T) {
	var wire strings.Builder
	for _, tc := range requestCases(officialEnumValues()) {
		op := operations[tc.op]
		rec := newRecorder()
		_, err := op.callOfficial(context.Background(), newOfficial(rec), toOfficial(t, op, tc.input))
		require.NoError(t, err)
		c := rec.only(t)
		wire.WriteString(c.req.URL.EscapedPath() + "?" + c.req.URL.RawQuery + " " + string(c.body) + "\n")
	}
	for _, tc := range allResponseCases() {
		wire.WriteString(tc.body + "\n")
	}
	text := wire.String()

	for name, sample := range officialEnums {
		for _, v := range mirror.EnumValues(sample) {
			found := strings.Contains(text, `"`+v+`"`) || strings.Contains(text, "="+v) ||
				strings.Contains(text, "/"+v+"?")
			assert.True(t, found, "no case sends or receives %s %q", name, v)
		}
	}
}
