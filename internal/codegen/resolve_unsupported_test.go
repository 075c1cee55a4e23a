package codegen

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
)

// streamPatches turn testdata/weather.json into models that use a
// streaming feature the generator refuses.
var streamPatches = []struct {
	name     string
	old, new string
	op, want string
}{
	{
		"event stream output",
		`"summary": {"target": "example.weather#Summary"}
      },`,
		`"summary": {"target": "example.weather#Summary"},
        "feed": {"target": "example.weather#Feed", "traits": {"smithy.api#httpPayload": {}}}
      },`,
		"GetForecast",
		"operation GetForecast: example.weather#GetForecastResponse$feed targets " +
			"example.weather#Feed: event streams are not supported",
	},
	{
		"streaming blob input",
		`"raw": {"target": "smithy.api#Blob"}`,
		`"raw": {"target": "example.weather#Upload", "traits": {"smithy.api#httpPayload": {}}}`,
		"PutReading",
		"operation PutReading: example.weather#PutReadingInput$raw targets " +
			"example.weather#Upload: streaming blobs are not supported",
	},
}

// streamShapes are the streaming targets the patches refer to.
const streamShapes = `"example.weather#Empty": {
      "type": "structure",
      "members": {}
    },
    "example.weather#Feed": {
      "type": "union",
      "members": {"tick": {"target": "example.weather#Empty"}},
      "traits": {"smithy.api#streaming": {}}
    },
    "example.weather#Upload": {"type": "blob", "traits": {"smithy.api#streaming": {}}},`

// loadStreamModel applies one of streamPatches to the test model.
func loadStreamModel(t *testing.T, old, new string) *smithymodel.Model {
	t.Helper()
	base, err := os.ReadFile("testdata/weather.json")
	require.NoError(t, err)

	patched := strings.Replace(string(base), old, new, 1)
	patched = strings.Replace(patched, `"example.weather#Empty": {
      "type": "structure",
      "members": {}
    },`, streamShapes, 1)
	require.Contains(t, patched, `"smithy.api#streaming"`, "shapes patch did not apply")
	require.Contains(t, patched, new, "member patch did not apply")

	m, err := smithymodel.Load([]byte(patched))
	require.NoError(t, err)
	return m
}

func TestStreamingOperationsAreRefused(t *testing.T) {
	for _, tt := range streamPatches {
		t.Run(tt.name, func(t *testing.T) {
			m := loadStreamModel(t, tt.old, tt.new)

			_, err := resolve(m, "example.com/weather", nil)
			require.Error(t, err)
			assert.Equal(t, "codegen: "+tt.want, err.Error())
		})
	}
}

func TestStreamingOperationsCanBeSkipped(t *testing.T) {
	for _, tt := range streamPatches {
		t.Run(tt.name, func(t *testing.T) {
			m := loadStreamModel(t, tt.old, tt.new)

			var skipped []string
			a, err := resolve(m, "example.com/weather", func(op string, why error) {
				skipped = append(skipped, "operation "+op+": "+why.Error())
			})
			require.NoError(t, err)
			assert.Equal(t, []string{tt.want}, skipped)

			var names []string
			for _, op := range a.operations {
				names = append(names, op.name)
			}
			assert.NotContains(t, names, tt.op)
			assert.Len(t, names, 3, "the other operations are still generated")
			for _, s := range a.shapes {
				assert.NotEqual(t, tt.op+"Input", s.goName, "no shapes of the skipped operation")
			}
		})
	}
}
