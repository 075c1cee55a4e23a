package codegen

import (
	"fmt"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// kind says how generated code represents and encodes a shape.
type kind int

const (
	kindString kind = iota + 1
	kindEnum
	kindBool
	kindByte
	kindShort
	kindInteger
	kindLong
	kindFloat
	kindDouble
	kindBlob
	kindTimestamp
	kindDocument
	kindStructure
	kindUnion
	kindList
	kindMap
)

var kindsByType = map[string]kind{
	"string":    kindString,
	"enum":      kindEnum,
	"boolean":   kindBool,
	"byte":      kindByte,
	"short":     kindShort,
	"integer":   kindInteger,
	"long":      kindLong,
	"float":     kindFloat,
	"double":    kindDouble,
	"blob":      kindBlob,
	"timestamp": kindTimestamp,
	"document":  kindDocument,
	"structure": kindStructure,
	"union":     kindUnion,
	"list":      kindList,
	"set":       kindList,
	"map":       kindMap,
}

// kindOf returns the kind of a shape, or an error for shape types the
// generator does not support.
// TODO: intEnum, bigInteger and bigDecimal (the service uses none; smithy-go
// has no JSON codec for the big numbers either).
func kindOf(s *smithymodel.Shape) (kind, error) {
	k, ok := kindsByType[s.Type]
	if !ok {
		return 0, fmt.Errorf("codegen: shape %s: type %q is not supported", s.ID, s.Type)
	}
	return k, nil
}

// scalarGoTypes maps scalar kinds to their Go types.
var scalarGoTypes = map[kind]string{
	kindString:    "string",
	kindBool:      "bool",
	kindByte:      "int8",
	kindShort:     "int16",
	kindInteger:   "int32",
	kindLong:      "int64",
	kindFloat:     "float32",
	kindDouble:    "float64",
	kindBlob:      "[]byte",
	kindTimestamp: "time.Time",
	kindDocument:  "document.Interface",
}

// scalarMethods names the ShapeSerializer/ShapeDeserializer method suffix
// (WriteX/ReadX) of the kinds smithy-go encodes directly.
var scalarMethods = map[kind]string{
	kindString:  "String",
	kindBool:    "Bool",
	kindByte:    "Int8",
	kindShort:   "Int16",
	kindInteger: "Int32",
	kindLong:    "Int64",
	kindFloat:   "Float32",
	kindDouble:  "Float64",
	kindBlob:    "Blob",
}

// isNumberOrBool reports kinds whose zero value can be a model default.
func (k kind) isNumberOrBool() bool {
	switch k {
	case kindBool, kindByte, kindShort, kindInteger, kindLong, kindFloat, kindDouble:
		return true
	}
	return false
}

// isAggregate reports kinds generated as helper functions (serializeX,
// deserializeX) rather than methods.
func (k kind) isAggregate() bool {
	return k == kindUnion || k == kindList || k == kindMap
}
