package codegen

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

func loadTestAPI(t *testing.T) *api {
	t.Helper()
	data, err := os.ReadFile("testdata/weather.json")
	require.NoError(t, err)
	m, err := smithymodel.Load(data)
	require.NoError(t, err)
	a, err := resolve(m, "example.com/weather", nil)
	require.NoError(t, err)
	return a
}

func TestResolveMembers(t *testing.T) {
	a := loadTestAPI(t)
	tests := []struct {
		shape, member string
		from          pkg
		goType        string
		wire          string
		loc           location
		tsFormat      string
	}{
		{"GetForecastRequest", "stationId", pkgRoot, "*string", "stationId", inLabel, ""},
		{"GetForecastRequest", "days", pkgRoot, "*int32", "days", inQuery, ""},
		{"GetForecastRequest", "units", pkgRoot, "types.Units", "units", inHeader, ""},
		{"GetForecastResponse", "days", pkgRoot, "[]types.Day", "days", inBody, ""},
		{"GetForecastResponse", "issuedAt", pkgRoot, "*time.Time", "issuedAt", inBody, "date-time"},
		{"GetForecastResponse", "extras", pkgRoot, "document.Interface", "extras", inBody, ""},
		{"GetForecastResponse", "source", pkgRoot, "*string", "Source", inBody, ""},
		{"ListStationsInput", "pageSize", pkgRoot, "*int32", "pageSize", inBody, ""},
		{"ListStationsInput", "tags", pkgRoot, "map[string]types.Reading", "tags", inBody, ""},
		{"Day", "date", pkgTypes, "*time.Time", "date", inBody, "epoch-seconds"},
		{"Day", "rain", pkgTypes, "bool", "rain", inBody, ""},
		{"Day", "high", pkgTypes, "*float64", "high", inBody, ""},
		{"Day", "sky", pkgTypes, "Sky", "sky", inBody, ""},
		{"Station", "children", pkgTypes, "[]Station", "children", inBody, ""},
		{"Reading", "takenAt", pkgTypes, "*time.Time", "takenAt", inBody, "http-date"},
		{"PutReadingInput", "raw", pkgRoot, "[]byte", "raw", inBody, ""},
		{"PutReadingInput", "reading", pkgRoot, "*types.Reading", "reading", inBody, ""},
	}
	for _, tt := range tests {
		t.Run(tt.shape+"$"+tt.member, func(t *testing.T) {
			m := a.byID["example.weather#"+tt.shape].member(tt.member)
			require.NotNil(t, m)
			assert.Equal(t, tt.goType, fieldType(m, tt.from))
			assert.Equal(t, tt.wire, m.wireName)
			assert.Equal(t, tt.loc, m.location)
			if tt.tsFormat != "" {
				assert.Equal(t, tt.tsFormat, m.tsFormat)
			}
		})
	}
}

func TestResolveNames(t *testing.T) {
	a := loadTestAPI(t)

	assert.Equal(t, "weatherstation", a.pkgName)
	in := a.byID["example.weather#GetForecastRequest"]
	assert.Equal(t, "GetForecastInput", in.goName)
	assert.Equal(t, "GetForecastRequest", in.schema)
	assert.Equal(t, "GetForecastRequest_stationId", in.member("stationId").schema)

	ping := a.operations[2]
	require.Equal(t, "Ping", ping.name)
	assert.Equal(t, "PingInput", ping.input.goName)
	assert.Equal(t, "PingOutput", ping.output.goName)
	assert.Empty(t, ping.input.members)

	list := a.operations[1]
	require.NotNil(t, list.paginator)
	assert.Equal(t, "Token", list.paginator.inputToken.field)
	assert.Equal(t, "NextToken", list.paginator.outputToken.field)
	assert.Equal(t, "PageSize", list.paginator.pageSize.field)
	assert.Equal(t, "api.", list.hostPrefix)

	put := a.operations[3]
	require.NotNil(t, put.token)
	assert.Equal(t, "RequestToken", put.token.field)
}

func TestResolveRejects(t *testing.T) {
	tests := []struct {
		name  string
		patch func(string) string
		want  string
	}{
		{
			"unsupported shape type",
			func(s string) string {
				return strings.Replace(s, `"example.weather#Secret": {
      "type": "string",`, `"example.weather#Secret": {
      "type": "bigDecimal",`, 1)
			},
			`type "bigDecimal" is not supported`,
		},
		{
			"colliding Go names",
			func(s string) string {
				return strings.Replace(s, `"example.weather#Empty": {
      "type": "structure",
      "members": {}`, `"example.weather#SkyMemberClear": {
      "type": "structure", "members": {}
    },
    "example.weather#Empty": {
      "type": "structure",
      "members": {"clash": {"target": "example.weather#SkyMemberClear"}}`, 1)
			},
			"both map to the Go name",
		},
	}
	for _, w := range waiterRejects {
		tests = append(tests, struct {
			name  string
			patch func(string) string
			want  string
		}{"waiter: " + w.name, replacer(w.old, w.new), w.want})
	}
	base, err := os.ReadFile("testdata/weather.json")
	require.NoError(t, err)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			patched := tt.patch(string(base))
			require.NotEqual(t, string(base), patched, "patch did not apply")
			m, err := smithymodel.Load([]byte(patched))
			require.NoError(t, err)
			_, err = resolve(m, "example.com/weather", nil)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// waiterRejects patch the waiters of testdata/weather.json into what the
// generator refuses.
var waiterRejects = []struct {
	name, old, new, want string
}{
	{"list comparator", `"radar", "comparator": "stringEquals"`, `"radar", "comparator": "allStringEquals"`,
		`comparator "allStringEquals" is not supported`},
	{"projection", `"path": "source"`, `"path": "days[0].sky"`,
		"only dotted member names are supported"},
	{"unknown member", `"path": "summary.units"`, `"path": "summary.unit"`,
		`Summary has no member "unit"`},
	{"through a non-structure", `"path": "summary.units"`, `"path": "source.units"`,
		"String is not a structure"},
	{"enum value", `"expected": "imperial-us"`, `"expected": "kelvin"`,
		`"kelvin" is not a value of Units`},
	{"boolean on a string", `"radar", "comparator": "stringEquals"`, `"radar", "comparator": "booleanEquals"`,
		"booleanEquals needs a boolean member"},
	{"inputOutput", `{"output": {"path": "source", "expected": "none"`,
		`{"inputOutput": {"path": "source", "expected": "none"`, "inputOutput matchers are not supported"},
	{"two matchers", `{"errorType": "NoSuchStation"}`, `{"errorType": "NoSuchStation", "success": true}`,
		"exactly one member, this one has 2"},
	{"unknown state", `{"state": "retry", "matcher": {"errorType"`, `{"state": "again", "matcher": {"errorType"`,
		`unknown state "again"`},
	{"no success", `{"state": "success", "matcher": {"success": true}}`,
		`{"state": "retry", "matcher": {"success": true}}`, "no acceptor leads to the success state"},
	{"delays", `"maxDelay": 10,`, `"maxDelay": 0,`, "1 <= minDelay (1) <= maxDelay (0)"},
	{"unknown field", `"minDelay": 1,`, `"minDelays": 1,`, `unknown field "minDelays"`},
	{"name", `"ForecastFromRadar": {`, `"forecastFromRadar": {`, "name must be UpperCamelCase"},
	{"sensitive member", `"smithy.api#jsonName": "Source"}`,
		`"smithy.api#jsonName": "Source", "smithy.api#sensitive": {}}`,
		"member source is sensitive"},
}

func replacer(old, new string) func(string) string {
	return func(s string) string { return strings.Replace(s, old, new, 1) }
}
