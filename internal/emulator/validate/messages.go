package validate

// This file holds the wording of violations. The phrasing follows the
// "Member must ..." style AWS services use in ValidationException field
// lists, so that messages read the same against the emulator and the real
// service. Values are never quoted.

import (
	"fmt"
	"strings"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

const (
	msgRequired           = "Member must not be null"
	msgType               = "Member must be %s"
	msgPattern            = "Member must satisfy regular expression pattern: %s"
	msgEnum               = "Member must satisfy enum value set: [%s]"
	msgIntegerWidth       = "Member must be an integer that fits in %d bits"
	msgUnionArity         = "Member must have exactly one union member set"
	msgUnknownUnionMember = "Member is not a known member of union %s"
)

// lengthMessage words a @length violation the way the service does.
func lengthMessage(l smithymodel.Length) string {
	switch {
	case l.Min != nil && l.Max != nil:
		return fmt.Sprintf("Member must have length between %d and %d, inclusive", *l.Min, *l.Max)
	case l.Min != nil:
		return fmt.Sprintf("Member must have length greater than or equal to %d", *l.Min)
	default:
		return fmt.Sprintf("Member must have length less than or equal to %d", *l.Max)
	}
}

// rangeMessage words a @range violation the way the service does.
func rangeMessage(r smithymodel.Range) string {
	switch {
	case r.Min != nil && r.Max != nil:
		return fmt.Sprintf("Member must be between %s and %s, inclusive", *r.Min, *r.Max)
	case r.Min != nil:
		return fmt.Sprintf("Member must be greater than or equal to %s", *r.Min)
	default:
		return fmt.Sprintf("Member must be less than or equal to %s", *r.Max)
	}
}

// FieldMessage is the text of one fieldList entry: where and what.
func FieldMessage(v Violation) string {
	return fmt.Sprintf("Value at '%s' failed to satisfy constraint: %s", v.Path, v.Message)
}

// Summary is the top-level message of a ValidationException carrying vs,
// for example "2 validation errors detected: ...; ...".
func Summary(vs []Violation) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = FieldMessage(v)
	}

	noun := "errors"
	if len(vs) == 1 {
		noun = "error"
	}
	return fmt.Sprintf("%d validation %s detected: %s", len(vs), noun, strings.Join(parts, "; "))
}
