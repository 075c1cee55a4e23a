package validate

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/internal/model"
	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

func testValidator(t *testing.T) *Validator {
	t.Helper()

	data, err := os.ReadFile("testdata/model.json")
	require.NoError(t, err)
	m, err := smithymodel.Load(data)
	require.NoError(t, err)
	v, err := New(m)
	require.NoError(t, err)
	return v
}

func decode(t *testing.T, text string) any {
	t.Helper()

	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var out any
	require.NoError(t, dec.Decode(&out))
	return out
}

func TestValidateRules(t *testing.T) {
	v := testValidator(t)

	cases := []struct {
		name string
		body string
		want []Violation
	}{
		{"valid minimal", `{"name":"abc"}`, nil},
		{"valid full", `{"name":"abc","code":"xyz","printable":"a b~","count":10,
			"atLeast":5,"ratio":1.5,"kind":"b-value","tags":{"a":"1","b":"2"},
			"items":["x","yyy"],"when":"2026-01-02T03:04:05.123Z","epoch":1767225600.5,
			"data":"YWJj","choice":{"inner":{"x":"1"}},"flag":false,"doc":[1,{"a":null}],
			"short":"ab","unknown":{"ignored":true}}`, nil},
		{"null members are unset", `{"name":"abc","code":null,"choice":null}`, nil},
		{"required missing", `{}`, []Violation{{"/name", msgRequired}}},
		{"required null", `{"name":null}`, []Violation{{"/name", msgRequired}}},
		{"string type", `{"name":5}`, []Violation{{"/name", "Member must be a string"}}},
		{"length too short", `{"name":""}`,
			[]Violation{{"/name", "Member must have length between 1 and 5, inclusive"}}},
		{"length counts characters", `{"name":"ééééé"}`, nil},
		{"length too long", `{"name":"abcdef"}`,
			[]Violation{{"/name", "Member must have length between 1 and 5, inclusive"}}},
		{"member length overrides target", `{"name":"a","short":"abc"}`,
			[]Violation{{"/short", "Member must have length less than or equal to 2"}}},
		{"pattern", `{"name":"a","code":"ABC"}`,
			[]Violation{{"/code", "Member must satisfy regular expression pattern: ^[a-z]+$"}}},
		{"translated unicode escape pattern", `{"name":"a","printable":"tab\there"}`,
			[]Violation{{"/printable",
				`Member must satisfy regular expression pattern: ^[\u0020-\u007E]+$`}}},
		{"range", `{"name":"a","count":11}`,
			[]Violation{{"/count", "Member must be between 1 and 10, inclusive"}}},
		{"range min only", `{"name":"a","atLeast":4}`,
			[]Violation{{"/atLeast", "Member must be greater than or equal to 5"}}},
		{"range max only", `{"name":"a","ratio":1.6}`,
			[]Violation{{"/ratio", "Member must be less than or equal to 1.5"}}},
		{"integer type", `{"name":"a","count":"3"}`,
			[]Violation{{"/count", "Member must be an integer"}}},
		{"integer fraction", `{"name":"a","count":1.5}`,
			[]Violation{{"/count", "Member must be an integer that fits in 32 bits"}}},
		{"integer overflow", `{"name":"a","count":4294967296}`,
			[]Violation{{"/count", "Member must be an integer that fits in 32 bits"}}},
		{"enum", `{"name":"a","kind":"A"}`,
			[]Violation{{"/kind", "Member must satisfy enum value set: [a-value, b-value]"}}},
		{"map size", `{"name":"a","tags":{"a":"1","b":"2","c":"3"}}`,
			[]Violation{{"/tags", "Member must have length less than or equal to 2"}}},
		{"map key pattern", `{"name":"a","tags":{"A/B":"1"}}`,
			[]Violation{{"/tags/A~1B",
				"Member must satisfy regular expression pattern: ^[a-z]+$"}}},
		{"map null value", `{"name":"a","tags":{"a":null}}`,
			[]Violation{{"/tags/a", msgRequired}}},
		{"list size and member length", `{"name":"a","items":["","b","c"]}`,
			[]Violation{
				{"/items", "Member must have length less than or equal to 2"},
				{"/items/0", "Member must have length between 1 and 3, inclusive"},
			}},
		{"list null element", `{"name":"a","items":[null]}`,
			[]Violation{{"/items/0", msgRequired}}},
		{"list type", `{"name":"a","items":"x"}`,
			[]Violation{{"/items", "Member must be an array"}}},
		{"date-time", `{"name":"a","when":"yesterday"}`,
			[]Violation{{"/when", "Member must be a date-time string (RFC 3339)"}}},
		{"date-time as number", `{"name":"a","when":1}`,
			[]Violation{{"/when", "Member must be a date-time string (RFC 3339)"}}},
		{"epoch seconds", `{"name":"a","epoch":"2026-01-01T00:00:00Z"}`,
			[]Violation{{"/epoch", "Member must be a number of epoch seconds"}}},
		{"blob length after decoding", `{"name":"a","data":"YWJjZA=="}`,
			[]Violation{{"/data", "Member must have length less than or equal to 3"}}},
		{"blob base64", `{"name":"a","data":"!!"}`,
			[]Violation{{"/data", "Member must be a base64 encoded string"}}},
		{"boolean", `{"name":"a","flag":"true"}`,
			[]Violation{{"/flag", "Member must be a boolean"}}},
		{"union none", `{"name":"a","choice":{}}`,
			[]Violation{{"/choice", msgUnionArity}}},
		{"union all null", `{"name":"a","choice":{"text":null}}`,
			[]Violation{{"/choice", msgUnionArity}}},
		{"union two", `{"name":"a","choice":{"text":"x","empty":{}}}`,
			[]Violation{{"/choice", msgUnionArity}}},
		{"union unknown", `{"name":"a","choice":{"other":1}}`,
			[]Violation{{"/choice/other", "Member is not a known member of union Choice"}}},
		{"union nested required", `{"name":"a","choice":{"inner":{}}}`,
			[]Violation{{"/choice/inner/x", msgRequired}}},
		{"union empty structure member", `{"name":"a","choice":{"empty":{}}}`, nil},
		{"structure type", `[]`, []Violation{{"/", "Member must be an object"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := v.Validate("test#Input", decode(t, tc.body))
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestDropUnknown(t *testing.T) {
	v := testValidator(t)
	doc := decode(t, `{"name":"a","NAME":"b","tags":{"k":"v"},
		"choice":{"inner":{"x":"1","X":"2"}},"items":["a"],"extra":{"deep":1}}`)

	v.DropUnknown("test#Input", doc)
	assert.Equal(t, decode(t, `{"name":"a","tags":{"k":"v"},
		"choice":{"inner":{"x":"1"}},"items":["a"]}`), doc)
}

func TestSummary(t *testing.T) {
	one := []Violation{{"/name", msgRequired}}
	assert.Equal(t,
		"1 validation error detected: Value at '/name' failed to satisfy constraint: "+
			"Member must not be null", Summary(one))

	two := append(one, Violation{"/kind", "Member must be a string"})
	assert.Equal(t,
		"2 validation errors detected: Value at '/name' failed to satisfy constraint: "+
			"Member must not be null; Value at '/kind' failed to satisfy constraint: "+
			"Member must be a string", Summary(two))
}

func TestTranslatePattern(t *testing.T) {
	assert.Equal(t, `^[\x{0020}-\x{007E}]+$`, TranslatePattern(`^[\u0020-\u007E]+$`))
	assert.Equal(t, `^[a-z]+$`, TranslatePattern(`^[a-z]+$`))
}

// TestServiceModelPatternsCompile proves every pattern of the real service
// model compiles under RE2 once translated.
func TestServiceModelPatternsCompile(t *testing.T) {
	m, err := model.Load()
	require.NoError(t, err)

	v, err := New(m)
	require.NoError(t, err)
	clientID := v.patterns[`^[\u0020-\u007E]+$`]
	require.NotNil(t, clientID, "the ClientId pattern is in the model")
	assert.True(t, clientID.MatchString("client id ~"))
	assert.False(t, clientID.MatchString("tab\there"))
}
