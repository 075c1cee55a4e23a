package conformance

// Guards on the case tables: every union member and every enum value both
// clients know must be exercised by some request or response case, so a
// comparison test cannot pass by never looking.

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aws/smithy-go/middleware"

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

// fieldsOf lists every exported field, as Type.Field, of the struct types
// reachable from t (through pointers, slices, maps and the registered
// members of union interfaces).
func fieldsOf(t reflect.Type, into map[string]bool, seen map[reflect.Type]bool) {
	if seen[t] {
		return
	}
	seen[t] = true

	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		fieldsOf(t.Elem(), into, seen)
	case reflect.Interface:
		for _, m := range officialUnionMembers.MembersOf(t) {
			fieldsOf(m, into, seen)
		}
	case reflect.Struct:
		if t == reflect.TypeOf(time.Time{}) {
			return
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if f.IsExported() && !f.Anonymous && f.Type != reflect.TypeOf(middleware.Metadata{}) {
				into[t.Name()+"."+f.Name] = emptyStruct(f.Type) // nothing to set
				fieldsOf(f.Type, into, seen)
			}
		}
	}
}

// emptyStruct reports a struct type without exported fields, such as the
// value of the mcpserverdatadog configuration member.
func emptyStruct(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			return false
		}
	}
	return true
}

// markSet records, as Type.Field, every field set (non-zero) in v.
func markSet(v reflect.Value, set map[string]bool) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			markSet(v.Elem(), set)
		}
	case reflect.Slice:
		for i := range v.Len() {
			markSet(v.Index(i), set)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			markSet(iter.Value(), set)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && !f.Anonymous && !v.Field(i).IsZero() {
				set[t.Name()+"."+f.Name] = true
				markSet(v.Field(i), set)
			}
		}
	}
}

func TestInputFieldsCovered(t *testing.T) {
	fields := map[string]bool{}
	seen := map[reflect.Type]bool{}
	for _, name := range sortedNames(operations) {
		fieldsOf(reflect.TypeOf(operations[name].newOfficialInput()), fields, seen)
	}
	delete(fields, "UnknownUnionMember.Tag")   // sending one is an error:
	delete(fields, "UnknownUnionMember.Value") // TestSendUnknownUnionMember

	for _, tc := range requestCases(officialEnumValues()) {
		markSet(reflect.ValueOf(toOfficial(t, operations[tc.op], tc.input)), fields)
	}
	for name, set := range fields {
		assert.True(t, set, "no request case sets %s", name)
	}
}

func TestOutputFieldsCovered(t *testing.T) {
	fields := map[string]bool{}
	seen := map[reflect.Type]bool{}
	inputs := minimalInputs()
	for _, tc := range allResponseCases() {
		op := operations[tc.op]
		out, err := op.callOfficial(context.Background(),
			newOfficial(newRecorder(reply{status: tc.status, body: tc.body})), toOfficial(t, op, inputs[tc.op]))
		require.NoError(t, err)
		fieldsOf(reflect.TypeOf(out), fields, seen)
		markSet(reflect.ValueOf(out), fields)
	}

	delete(fields, "UnknownUnionMember.Tag")   // see TestUnknownUnionMemberTag
	delete(fields, "UnknownUnionMember.Value") // v1.5.2 never fills it
	for name, set := range fields {
		assert.True(t, set, "no response case sets %s", name)
	}
}
