package jsonwire

// Helpers shared by the package's tests: a Deserializable made from a
// function, so each test reads exactly what it checks, and a small
// hand-made schema.

import (
	smithy "github.com/aws/smithy-go"
	smithyprelude "github.com/aws/smithy-go/prelude"
	smithytraits "github.com/aws/smithy-go/traits"
)

// readFunc is a Deserializable that runs its function on the decoder.
type readFunc func(d smithy.ShapeDeserializer) error

func (f readFunc) Deserialize(d smithy.ShapeDeserializer) error { return f(d) }

// decodeString reads one top-level string value from body.
func decodeString(body string) (string, error) {
	var got string
	err := Unmarshal([]byte(body), readFunc(func(d smithy.ShapeDeserializer) error {
		return d.ReadString(nil, &got)
	}))
	return got, err
}

func newTestSchema(name string, typ smithy.ShapeType, traits ...smithy.Trait) *smithy.Schema {
	return smithy.NewSchema(smithy.ShapeID{Namespace: "test", Name: name}, typ, 0, traits...)
}

// A structure with one member of each kind the tests read by schema.
var (
	pointSchema = newTestSchema("Point", smithy.ShapeTypeStructure)
	pointX      = pointSchema.AddMember("x", smithyprelude.Integer)
	pointLabel  = pointSchema.AddMember("label", smithyprelude.String,
		&smithytraits.JSONName{Name: "Label"})
	pointWhen = pointSchema.AddMember("when", smithyprelude.Timestamp,
		&smithytraits.TimestampFormat{Format: "date-time"})
	pointEpoch = pointSchema.AddMember("epoch", smithyprelude.Timestamp)
	pointHTTP  = pointSchema.AddMember("httpDate", smithyprelude.Timestamp,
		&smithytraits.TimestampFormat{Format: "http-date"})

	shapeSchema = newTestSchema("Shape", smithy.ShapeTypeUnion)
	_           = shapeSchema.AddMember("circle", smithyprelude.Integer)
	_           = shapeSchema.AddMember("square", smithyprelude.Integer)
	_           = shapeSchema.AddMember("default", smithyprelude.String)

	namesSchema  = newTestSchema("Names", smithy.ShapeTypeList)
	_            = namesSchema.AddMember("member", smithyprelude.String)
	groupsSchema = newTestSchema("Groups", smithy.ShapeTypeMap)
	_            = groupsSchema.AddMember("key", smithyprelude.String)
	_            = groupsSchema.AddMember("value", namesSchema)
)
