package smithymodel

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testModel = `{
  "smithy": "2.0",
  "shapes": {
    "ex#Svc": {"type": "service", "version": "2024-01-01",
      "operations": [{"target": "ex#PutThing"}, {"target": "ex#GetThing"}]},
    "ex#GetThing": {"type": "operation",
      "input": {"target": "ex#Thing"}, "output": {"target": "ex#Thing"},
      "traits": {"smithy.api#http": {"method": "GET", "uri": "/t/{id}"},
        "smithy.api#endpoint": {"hostPrefix": "dp."},
        "smithy.api#paginated": {"inputToken": "next", "outputToken": "next",
          "pageSize": "size", "items": "list"}}},
    "ex#PutThing": {"type": "operation", "errors": [{"target": "ex#Oops"}],
      "traits": {"smithy.api#http": {"method": "PUT", "uri": "/t", "code": 201}}},
    "ex#Oops": {"type": "structure", "members": {},
      "traits": {"smithy.api#error": "client"}},
    "ex#Name": {"type": "string", "traits": {"smithy.api#length": {"min": 1, "max": 9},
      "smithy.api#documentation": "  A name.  "}},
    "ex#Color": {"type": "enum", "members": {
      "DARK_RED": {"target": "smithy.api#Unit",
        "traits": {"smithy.api#enumValue": "dark-red"}},
      "BLUE": {"target": "smithy.api#Unit"}}},
    "ex#Thing": {"type": "structure", "members": {
      "zeta": {"target": "ex#Name", "traits": {"smithy.api#length": {"max": 3}}},
      "alpha": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}},
      "color": {"target": "ex#Color"}}},
    "ex#Names": {"type": "list", "member": {"target": "ex#Name"}},
    "ex#Tags": {"type": "map", "key": {"target": "smithy.api#String"},
      "value": {"target": "ex#Name"}}
  }
}`

func loadTestModel(t *testing.T) *Model {
	t.Helper()
	m, err := Load([]byte(testModel))
	require.NoError(t, err)
	return m
}

func TestLoadKeepsMemberOrder(t *testing.T) {
	thing := loadTestModel(t).Shape("ex#Thing")
	require.NotNil(t, thing)

	var names []string
	for _, m := range thing.Members {
		names = append(names, m.Name)
	}
	assert.Equal(t, []string{"zeta", "alpha", "color"}, names)
	assert.True(t, thing.Member("alpha").IsRequired())
	assert.False(t, thing.Member("zeta").IsRequired())
	assert.Nil(t, thing.Member("missing"))
}

func TestListAndMapMembers(t *testing.T) {
	m := loadTestModel(t)

	assert.Equal(t, "ex#Name", m.Shape("ex#Names").Member("member").Target)
	tags := m.Shape("ex#Tags")
	assert.Equal(t, "smithy.api#String", tags.Member("key").Target)
	assert.Equal(t, "ex#Name", tags.Member("value").Target)
}

func TestPreludeShapes(t *testing.T) {
	m := loadTestModel(t)

	assert.Equal(t, "string", m.Shape("smithy.api#String").Type)
	assert.Equal(t, "structure", m.Shape("smithy.api#Unit").Type)
	assert.Nil(t, m.Shape("smithy.api#Nope"))
	assert.Nil(t, m.Shape("other#String"))
}

func TestServiceAndOperations(t *testing.T) {
	m := loadTestModel(t)

	svc, err := m.Service()
	require.NoError(t, err)
	assert.Equal(t, "2024-01-01", svc.Version)

	ops, err := m.Operations()
	require.NoError(t, err)
	require.Len(t, ops, 2)
	assert.Equal(t, "GetThing", ops[0].Name(), "sorted by name")
	assert.Equal(t, "ex", ops[0].Namespace())
	assert.Equal(t, []string{"ex#Oops"}, ops[1].Errors)
}

// resourceModel binds operations through a service, a resource and a
// nested resource; Get is bound twice.
const resourceModel = `{"smithy": "2.0", "shapes": {
  "ex#Svc": {"type": "service", "operations": [{"target": "ex#Get"}],
    "resources": [{"target": "ex#Outer"}]},
  "ex#Outer": {"type": "resource", "create": {"target": "ex#Create"},
    "read": {"target": "ex#Get"}, "list": {"target": "ex#List"},
    "operations": [{"target": "ex#Poke"}],
    "collectionOperations": [{"target": "ex#Count"}],
    "resources": [{"target": "ex#Inner"}]},
  "ex#Inner": {"type": "resource", "put": {"target": "ex#Put"},
    "update": {"target": "ex#Update"}, "delete": {"target": "ex#Delete"}},
  "ex#Get": {"type": "operation"}, "ex#Create": {"type": "operation"},
  "ex#List": {"type": "operation"}, "ex#Poke": {"type": "operation"},
  "ex#Count": {"type": "operation"}, "ex#Put": {"type": "operation"},
  "ex#Update": {"type": "operation"}, "ex#Delete": {"type": "operation"}
}}`

func TestOperationsBoundByResources(t *testing.T) {
	m, err := Load([]byte(resourceModel))
	require.NoError(t, err)

	ops, err := m.Operations()
	require.NoError(t, err)
	var names []string
	for _, op := range ops {
		names = append(names, op.Name())
	}
	assert.Equal(t, []string{"Count", "Create", "Delete", "Get", "List", "Poke", "Put", "Update"},
		names, "every operation once, sorted")
}

func TestOperationTraits(t *testing.T) {
	m := loadTestModel(t)
	get, put := m.Shape("ex#GetThing"), m.Shape("ex#PutThing")

	h, err := get.HTTPTrait()
	require.NoError(t, err)
	assert.Equal(t, HTTP{Method: "GET", URI: "/t/{id}", Code: 200}, h, "code defaults to 200")
	h, err = put.HTTPTrait()
	require.NoError(t, err)
	assert.Equal(t, 201, h.Code)

	assert.Equal(t, "dp.", get.HostPrefix())
	assert.Equal(t, "", put.HostPrefix())

	p, ok := get.Pagination()
	require.True(t, ok)
	assert.Equal(t, Paginated{InputToken: "next", OutputToken: "next", PageSize: "size",
		Items: "list"}, p)
	_, ok = put.Pagination()
	assert.False(t, ok)

	_, err = m.Shape("ex#Oops").HTTPTrait()
	assert.EqualError(t, err, "smithymodel: ex#Oops has no http trait")
}

func TestEffectiveTraitsMemberWins(t *testing.T) {
	m := loadTestModel(t)
	zeta := m.Shape("ex#Thing").Member("zeta")

	var length Length
	ok, err := m.EffectiveTraits(zeta).Decode(TraitLength, &length)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Nil(t, length.Min, "the member's trait replaces the target's whole")
	assert.Equal(t, int64(3), *length.Max)
	assert.Equal(t, "A name.", m.EffectiveTraits(zeta).Doc(), "inherited and trimmed")
}

func TestEnumValues(t *testing.T) {
	color := loadTestModel(t).Shape("ex#Color")

	assert.Equal(t, "dark-red", color.Member("DARK_RED").EnumValue())
	assert.Equal(t, "BLUE", color.Member("BLUE").EnumValue(), "name when no enumValue")
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, model, want string
	}{
		{"not json", `{`, "smithymodel: parse model: unexpected end of JSON input"},
		{"version", `{"smithy": "1.0", "shapes": {}}`,
			`smithymodel: unsupported smithy version "1.0"`},
		{"unknown target", `{"smithy": "2.0", "shapes": {"ex#A": {"type": "structure",
			"members": {"b": {"target": "ex#B"}}}}}`,
			"smithymodel: ex#A$b targets unknown shape ex#B"},
		{"unknown operation", `{"smithy": "2.0", "shapes": {"ex#S": {"type": "service",
			"operations": [{"target": "ex#Op"}]}}}`,
			"smithymodel: ex#S refers to unknown shape ex#Op"},
		{"unknown resource", `{"smithy": "2.0", "shapes": {"ex#S": {"type": "service",
			"resources": [{"target": "ex#R"}]}}}`,
			"smithymodel: ex#S refers to unknown shape ex#R"},
		{"structure bound as an operation", `{"smithy": "2.0", "shapes": {
			"ex#S": {"type": "service", "operations": [{"target": "ex#A"}]},
			"ex#A": {"type": "structure", "members": {}}}}`,
			"smithymodel: ex#S binds ex#A in its operations, but that shape's type is structure"},
		{"operation bound as a resource", `{"smithy": "2.0", "shapes": {
			"ex#S": {"type": "service", "resources": [{"target": "ex#Op"}]},
			"ex#Op": {"type": "operation"}}}`,
			"smithymodel: ex#S binds ex#Op in its resources, but that shape's type is operation"},
		{"mixin", `{"smithy": "2.0", "shapes": {"ex#A": {"type": "structure",
			"mixins": [{"target": "ex#M"}], "members": {}}}}`,
			"smithymodel: shape ex#A: mixins are not supported (uses ex#M)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load([]byte(tt.model))
			assert.EqualError(t, err, tt.want)
		})
	}
}

func TestServiceMustBeSingle(t *testing.T) {
	m, err := Load([]byte(`{"smithy": "2.0", "shapes": {}}`))
	require.NoError(t, err)

	_, err = m.Service()
	assert.EqualError(t, err, "smithymodel: want exactly one service shape, found 0")
}
