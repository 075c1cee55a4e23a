package codegen

import (
	"fmt"
	"strings"
)

// This file builds the statements that encode and decode one value. The
// templates call these for structure members, list elements, map values
// and union members; every aggregate shape has its own helper function, so
// no statement here nests another.

// writeValue returns the statements that write val, a value of member m's
// target, with m's schema. element is true inside lists, maps and unions,
// where a nil blob means empty rather than unset.
func writeValue(m *member, val string, element bool) string {
	sch := schemaRef(m)
	switch k := m.target.kind; {
	case k == kindEnum:
		return fmt.Sprintf("s.WriteString(%s, string(%s))", sch, val)
	case k == kindBlob && element:
		return fmt.Sprintf("serde.WriteBlob(s, %s, %s)", sch, val)
	case k == kindTimestamp:
		return fmt.Sprintf("s.WriteTime(%s, %s)", sch, val)
	case k == kindDocument:
		return fmt.Sprintf("serde.WriteDocument(s, %s, %s)", sch, val)
	case k == kindStructure:
		return fmt.Sprintf("s.WriteStruct(%s)\n%s.SerializeMembers(s)\ns.CloseStruct()", sch, val)
	case k.isAggregate():
		return fmt.Sprintf("%s(s, %s, %s)", serializerName(m.target), sch, val)
	default:
		return fmt.Sprintf("s.Write%s(%s, %s)", scalarMethods[k], sch, val)
	}
}

// writeMember returns the statement that writes structure member m of v
// when it is set.
func writeMember(m *member) string {
	field := "v." + m.field
	cond, val := field+" != nil", field
	switch {
	case m.pointer && m.target.kind != kindStructure:
		val = "*" + field
	case m.target.kind == kindEnum:
		cond = field + ` != ""`
	case m.target.kind == kindBool:
		cond = field
	case m.target.kind.isNumberOrBool():
		cond = field + " != 0"
	}
	return fmt.Sprintf("if %s {\n%s\n}", cond, writeValue(m, val, false))
}

// readInto returns an expression that reads a value of member m's target
// into the variable ptr points to, and evaluates to an error.
func readInto(m *member, ptr string) string {
	sch := schemaRef(m)
	switch k := m.target.kind; {
	case k == kindEnum:
		return fmt.Sprintf("serde.ReadEnum(d, %s, %s)", sch, ptr)
	case k == kindTimestamp:
		return fmt.Sprintf("serde.%s(d, %s, %s)", timestampReader(m.tsFormat), sch, ptr)
	case k == kindDocument:
		return fmt.Sprintf("serde.ReadDocument(d, %s, %s)", sch, ptr)
	case k == kindStructure:
		return strings.TrimPrefix(ptr, "&") + ".Deserialize(d)"
	case k.isAggregate():
		return fmt.Sprintf("%s(d, %s, %s)", deserializerName(m.target), sch, ptr)
	default:
		return fmt.Sprintf("d.Read%s(%s, %s)", scalarMethods[k], sch, ptr)
	}
}

// readMember returns the statements of the switch case that reads
// structure member m into v. With values, optional scalars point into the
// struct's values block instead of a fresh allocation each.
func readMember(m *member, from pkg, values bool) string {
	field := "v." + m.field
	switch {
	case m.target.kind == kindStructure:
		return fmt.Sprintf("%s = &%s{}\nreturn %s", field, goType(m.target, from), readInto(m, field))
	case m.pointer && values:
		return fmt.Sprintf("%s = &values.%s\nreturn %s", field, m.field, readInto(m, field))
	case m.pointer:
		return fmt.Sprintf("%s = new(%s)\nreturn %s", field, goType(m.target, from), readInto(m, field))
	}
	return "return " + readInto(m, "&"+field)
}

func timestampReader(format string) string {
	switch format {
	case "date-time":
		return "ReadDateTime"
	case "http-date":
		return "ReadHTTPDate"
	}
	return "ReadEpochSeconds"
}
