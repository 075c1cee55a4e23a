package codegen

// This file spells Go types and the names of generated helpers as they
// appear in a given package.

// goType returns the Go type of values of shape s, written in package from.
func goType(s *shape, from pkg) string {
	switch s.kind {
	case kindStructure, kindUnion, kindEnum:
		if s.pkg == pkgTypes && from != pkgTypes {
			return "types." + s.goName
		}
		return s.goName
	case kindList:
		return "[]" + goType(s.elem().target, from)
	case kindMap:
		return "map[string]" + goType(s.elem().target, from)
	}
	return scalarGoTypes[s.kind]
}

// fieldType returns the Go type of a structure field for member m.
func fieldType(m *member, from pkg) string {
	t := goType(m.target, from)
	if m.pointer {
		return "*" + t
	}
	return t
}

// qualified returns a types-package name as written in package from.
func qualified(name string, from pkg) string {
	if from == pkgTypes {
		return name
	}
	return "types." + name
}

// zeroValue returns a Go expression for the zero value of shape s.
func zeroValue(s *shape, from pkg) string {
	switch s.kind {
	case kindString:
		return `""`
	case kindEnum:
		return goType(s, from) + `("")`
	case kindBool:
		return "false"
	case kindByte, kindShort, kindInteger, kindLong, kindFloat, kindDouble:
		return "0"
	case kindTimestamp:
		return "time.Time{}"
	case kindStructure:
		return goType(s, from) + "{}"
	}
	return "nil"
}

// serializerName and deserializerName name the helper functions that
// encode unions, lists and maps.
func serializerName(s *shape) string   { return "serialize" + exported(s.name) }
func deserializerName(s *shape) string { return "deserialize" + exported(s.name) }

// validatorName names the function that validates shape s.
func validatorName(s *shape) string { return "validate" + exported(s.name) }

// schemaRef returns how generated code outside package schemas refers to
// the schema of member m.
func schemaRef(m *member) string { return "schemas." + m.schema }
