package redact

import (
	"encoding/json"
	"testing"

	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/traits"
	"github.com/stretchr/testify/assert"
)

func id(name string) smithy.ShapeID { return smithy.ShapeID{Namespace: "test", Name: name} }

// The shapes of the tests: a structure with a sensitive string, a plain
// string, a member made sensitive on the member itself, a renamed
// member, a nested structure, a list of secrets, a map with secret
// values, a map with secret keys, a sensitive union and a plain union.
var (
	plain     = smithy.NewSchema(id("Plain"), smithy.ShapeTypeString, 0)
	secret    = smithy.NewSchema(id("Secret"), smithy.ShapeTypeString, 0, &traits.Sensitive{})
	secrets   = smithy.NewSchema(id("Secrets"), smithy.ShapeTypeList, 1)
	secretMap = smithy.NewSchema(id("SecretMap"), smithy.ShapeTypeMap, 2)
	keyMap    = smithy.NewSchema(id("KeyMap"), smithy.ShapeTypeMap, 2)
	sUnion    = smithy.NewSchema(id("SecretUnion"), smithy.ShapeTypeUnion, 1, &traits.Sensitive{})
	pUnion    = smithy.NewSchema(id("PlainUnion"), smithy.ShapeTypeUnion, 2)
	inner     = smithy.NewSchema(id("Inner"), smithy.ShapeTypeStructure, 2)
	outer     = smithy.NewSchema(id("Outer"), smithy.ShapeTypeStructure, 10)
	noSecrets = smithy.NewSchema(id("NoSecrets"), smithy.ShapeTypeStructure, 1)
	whole     = smithy.NewSchema(id("Whole"), smithy.ShapeTypeStructure, 1, &traits.Sensitive{})
)

func init() {
	secrets.AddMember("member", secret)
	secretMap.AddMember("key", plain)
	secretMap.AddMember("value", plain, &traits.Sensitive{})
	keyMap.AddMember("key", secret)
	keyMap.AddMember("value", plain)
	sUnion.AddMember("apiKey", plain)
	pUnion.AddMember("token", secret)
	pUnion.AddMember("name", plain)
	inner.AddMember("pin", secret)
	inner.AddMember("label", plain)

	outer.AddMember("password", secret)
	outer.AddMember("name", plain)
	outer.AddMember("memberSecret", plain, &traits.Sensitive{})
	outer.AddMember("renamed", secret, &traits.JSONName{Name: "Wire"})
	outer.AddMember("inner", inner)
	outer.AddMember("list", secrets)
	outer.AddMember("map", secretMap)
	outer.AddMember("keys", keyMap)
	outer.AddMember("auth", sUnion)
	outer.AddMember("choice", pUnion)
	noSecrets.AddMember("name", plain)
	whole.AddMember("name", plain)
}

func TestJSON(t *testing.T) {
	tests := []struct {
		name   string
		schema *smithy.Schema
		body   string
		want   string
	}{
		{"sensitive target", outer, `{"password":"hunter2","name":"n"}`,
			`{"name":"n","password":"***"}`},
		{"sensitive member", outer, `{"memberSecret":"x"}`, `{"memberSecret":"***"}`},
		{"json name", outer, `{"Wire":"x","renamed":"y"}`, `{"Wire":"***","renamed":"y"}`},
		{"nested", outer, `{"inner":{"pin":1234,"label":"l"}}`,
			`{"inner":{"label":"l","pin":"***"}}`},
		{"list", outer, `{"list":["a","b"]}`, `{"list":["***","***"]}`},
		{"map values", outer, `{"map":{"k1":"a","k2":"b"}}`, `{"map":{"k1":"***","k2":"***"}}`},
		{"map keys", outer, `{"keys":{"k1":"a"}}`, `{"keys":"***"}`},
		{"sensitive union", outer, `{"auth":{"apiKey":"a"}}`, `{"auth":"***"}`},
		{"union member", outer, `{"choice":{"token":"t"}}`, `{"choice":{"token":"***"}}`},
		{"union plain member", outer, `{"choice":{"name":"t"}}`, `{"choice":{"name":"t"}}`},
		{"unknown keys kept", outer, `{"other":{"password":"p"}}`, `{"other":{"password":"p"}}`},
		{"null kept", outer, `{"password":null}`, `{"password":null}`},
		{"numbers kept exact", noSecrets, `{"n":12345678901234567890,"f":1.50}`,
			`{"f":1.50,"n":12345678901234567890}`},
		{"html not escaped", noSecrets, `{"name":"<a&b>"}`, `{"name":"<a&b>"}`},
		{"sensitive structure", whole, `{"name":"n"}`, `"***"`},
		{"not json, has secrets", outer, `<html>hunter2</html>`, `***`},
		{"not json, no secrets", noSecrets, `<html>hi</html>`, `<html>hi</html>`},
		{"wrong type, has secrets", outer, `{"inner":[{"pin":"1"}],"list":"a"}`,
			`{"inner":"***","list":"***"}`},
		{"wrong type, no secrets", noSecrets, `["a"]`, `["a"]`},
		{"trailing data", outer, `{"name":"n"} {"password":"p"}`, `***`},
		{"nil schema", nil, `{"password":"p"}`, `{"password":"p"}`},
		{"empty body", outer, ``, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := JSON(tt.schema, []byte(tt.body))
			assert.Equal(t, tt.want, string(got))
		})
	}
}

func TestHasSensitive(t *testing.T) {
	recursive := smithy.NewSchema(id("Node"), smithy.ShapeTypeStructure, 1)
	recursive.AddMember("next", recursive)

	tests := []struct {
		name   string
		schema *smithy.Schema
		want   bool
	}{
		{"nested secret", outer, true},
		{"no secrets", noSecrets, false},
		{"recursive without secrets", recursive, false},
		{"nil", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, HasSensitive(tt.schema))
		})
	}
}

func FuzzJSON(f *testing.F) {
	f.Add([]byte(`{"password":"hunter2","inner":{"pin":"1"},"map":{"a":"b"}}`))
	f.Add([]byte(`[1,2,{"password":"x"}]`))
	f.Add([]byte(`{"choice":{"token":"t"},"list":"x"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		out := JSON(outer, body)

		var doc map[string]any
		if json.Unmarshal(out, &doc) != nil {
			return
		}
		if v, ok := doc["password"]; ok && v != nil {
			assert.Equal(t, Placeholder, v)
		}
	})
}
