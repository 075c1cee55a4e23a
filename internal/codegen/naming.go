package codegen

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the Go naming rules of the official aws-sdk-go-v2
// clients, which a drop-in replacement must follow exactly.

// exported returns name with its first letter upper-cased and the rest
// unchanged: "agentSpaceId" → "AgentSpaceId", "oAuth3LO" → "OAuth3LO".
// Underscores and hyphens are dropped and the letter after them is
// upper-cased, so the result is a plain Go identifier.
func exported(name string) string {
	var b strings.Builder
	upper := true
	for _, r := range name {
		switch {
		case r == '_' || r == '-':
			upper = true
		case upper:
			b.WriteRune(unicode.ToUpper(r))
			upper = false
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fieldName returns the Go field name of a structure member.
func fieldName(member string) string {
	return exported(member)
}

// typeName returns the Go type name of a structure, union or enum shape.
func typeName(shape string) string {
	return exported(shape)
}

// unionMemberType returns the Go type of one union member:
// ("ServiceConfiguration", "sourceAws") → "ServiceConfigurationMemberSourceAws".
// Only the first letter of the member name changes case.
func unionMemberType(union, member string) string {
	return typeName(union) + "Member" + exported(member)
}

// enumConstName returns the Go constant of an enum member: the type name
// followed by each "_"-separated part of the member name with its first
// letter upper-case and the rest lower-case:
// ("Service", "MCP_SERVER_NEWRELIC") → "ServiceMcpServerNewrelic".
func enumConstName(enum, member string) string {
	var b strings.Builder
	b.WriteString(typeName(enum))
	for _, part := range strings.FieldsFunc(member, func(r rune) bool { return r == '_' }) {
		first, size := utf8.DecodeRuneInString(part)
		b.WriteRune(unicode.ToUpper(first))
		b.WriteString(strings.ToLower(part[size:]))
	}
	return b.String()
}

// inputTypeName and outputTypeName return the Go names of an operation's
// input and output structures, whatever the model calls them.
func inputTypeName(op string) string  { return typeName(op) + "Input" }
func outputTypeName(op string) string { return typeName(op) + "Output" }

// packageName derives the root package name from the service's SDK id:
// "DevOps Agent" → "devopsagent".
func packageName(sdkID string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(sdkID) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
