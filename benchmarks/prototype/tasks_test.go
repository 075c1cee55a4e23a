package prototype

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	devopsagent "github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/benchmarks/clientdecode"
	"github.com/devopsagent-go/devopsagent/benchmarks/fixtures"
	"github.com/devopsagent-go/devopsagent/document"
)

var page = fixtures.ListBacklogTasksPage(fixtures.PageTasks, fixtures.Seed)

// decoders are the two experiments: the direct decoder, and the generated
// Deserialize methods running on the prototype ShapeDeserializer.
var decoders = []struct {
	name   string
	decode func(body []byte, out *devopsagent.ListBacklogTasksOutput) error
}{
	{name: "scanner", decode: DecodeListBacklogTasks},
	{name: "shapedecoder", decode: func(body []byte, out *devopsagent.ListBacklogTasksOutput) error {
		return Decode(body, out)
	}},
}

// TestMatchesClientDecoder decodes the benchmark page with the prototype
// and with the client's real decoder and requires the same values.
func TestMatchesClientDecoder(t *testing.T) {
	for _, dec := range decoders {
		t.Run(dec.name, func(t *testing.T) {
			var got devopsagent.ListBacklogTasksOutput
			require.NoError(t, dec.decode(page, &got))
			requireSameTasks(t, clientDecode(t, page), &got)
		})
	}
}

// requireSameTasks compares two decoded pages, documents by value.
func requireSameTasks(t *testing.T, want, got *devopsagent.ListBacklogTasksOutput) {
	t.Helper()

	require.Len(t, got.Tasks, fixtures.PageTasks)
	assert.Equal(t, want.NextToken, got.NextToken)
	for i := range want.Tasks {
		w, g := want.Tasks[i], got.Tasks[i]
		assert.Equal(t, docValue(t, w.Metadata), docValue(t, g.Metadata), "task %d metadata", i)
		assert.Equal(t, docValue(t, w.SupportMetadata), docValue(t, g.SupportMetadata),
			"task %d supportMetadata", i)

		w.Metadata, g.Metadata = nil, nil
		w.SupportMetadata, g.SupportMetadata = nil, nil
		require.Equal(t, w, g, "task %d", i)
	}
}

// TestDecodeEdgeCases covers the JSON the fixture page does not contain.
func TestDecodeEdgeCases(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		check func(t *testing.T, out devopsagent.ListBacklogTasksOutput)
	}{
		{
			name: "escaped key and surrogate pair",
			body: `{"tasks":[{"task\u0049d":"a\ud83d\ude00b","title":"x\/y\u00e9"}]}`,
			check: func(t *testing.T, out devopsagent.ListBacklogTasksOutput) {
				assert.Equal(t, "a😀b", *out.Tasks[0].TaskId)
				assert.Equal(t, "x/yé", *out.Tasks[0].Title)
			},
		},
		{
			name: "lone surrogate becomes U+FFFD",
			body: `{"tasks":[{"title":"\ud800x"}]}`,
			check: func(t *testing.T, out devopsagent.ListBacklogTasksOutput) {
				assert.Equal(t, "\ufffdx", *out.Tasks[0].Title)
			},
		},
		{
			name: "nulls and unknown members are skipped",
			body: `{"tasks":[null,{"title":null,"extra":{"a":[1,-2.5e3,true]},"version":7}],` +
				`"nextToken":null}`,
			check: func(t *testing.T, out devopsagent.ListBacklogTasksOutput) {
				require.Len(t, out.Tasks, 1)
				assert.Nil(t, out.Tasks[0].Title)
				assert.Equal(t, int32(7), *out.Tasks[0].Version)
				assert.Nil(t, out.NextToken)
			},
		},
		{
			name: "escapes past the first eight bytes",
			body: `{"tasks":[{"title":"0123456789abcdef\n\"q\"0123456789abcdef\u00e9"}]}`,
			check: func(t *testing.T, out devopsagent.ListBacklogTasksOutput) {
				assert.Equal(t, "0123456789abcdef\n\"q\"0123456789abcdef\u00e9", *out.Tasks[0].Title)
			},
		},
		{
			name: "whitespace everywhere",
			body: " {\n\t\"tasks\" : [ { \"version\" : -3 , \"hasLinkedTasks\" : true } ] } \r\n",
			check: func(t *testing.T, out devopsagent.ListBacklogTasksOutput) {
				assert.Equal(t, int32(-3), *out.Tasks[0].Version)
				assert.True(t, out.Tasks[0].HasLinkedTasks)
			},
		},
		{
			name: "document keeps its JSON",
			body: `{"tasks":[{"metadata":{"n":12345678901234567890,"s":"\u00e9"}}]}`,
			check: func(t *testing.T, out devopsagent.ListBacklogTasksOutput) {
				raw, err := out.Tasks[0].Metadata.MarshalSmithyDocument()
				require.NoError(t, err)
				assert.JSONEq(t, `{"n":12345678901234567890,"s":"é"}`, string(raw))
			},
		},
	}
	for _, dec := range decoders {
		for _, tt := range tests {
			t.Run(dec.name+"/"+tt.name, func(t *testing.T) {
				var out devopsagent.ListBacklogTasksOutput
				require.NoError(t, dec.decode([]byte(tt.body), &out))
				tt.check(t, out)
			})
		}
	}
}

// TestDecodeRejectsMalformedJSON requires an error, never a panic or a
// silent success, for each kind of broken input.
func TestDecodeRejectsMalformedJSON(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string
	}{
		{"empty", ``, "unexpected end"},
		{"truncated", `{"tasks":[{"title":"abc`, "unexpected end"},
		{"bad escape", `{"tasks":[{"title":"\q"}]}`, "invalid escape"},
		{"short unicode escape", `{"tasks":[{"title":"\u12"}]}`, "invalid \\u escape"},
		{"control character", "{\"tasks\":[{\"title\":\"a\x01\"}]}", "control character"},
		{"control character past eight bytes", "{\"tasks\":[{\"title\":\"0123456789\x1f\"}]}",
			"control character"},
		{"trailing data", `{"tasks":[]} {}`, "data after the top-level value"},
		{"leading zero", `{"tasks":[{"version":07}]}`, "invalid integer"},
		{"int32 overflow", `{"tasks":[{"version":2147483648}]}`, "out of int32 range"},
		{"string for integer", `{"tasks":[{"version":"3"}]}`, "invalid integer"},
		{"bad number in unknown member", `{"x":1.e5}`, "invalid number fraction"},
		{"missing colon", `{"tasks" []}`, `expected ':'`},
		{"missing comma", `{"tasks":[] "nextToken":"a"}`, "expected ','"},
		{"bad literal", `{"tasks":[{"hasLinkedTasks":tru}]}`, "invalid literal"},
		{"bad date-time", `{"tasks":[{"createdAt":"2026-13-01T00:00:00Z"}]}`, "month out of range"},
		{"deep nesting", `{"x":` + strings.Repeat("[", maxDepth+2), "nesting deeper"},
	}
	for _, dec := range decoders {
		for _, tt := range tests {
			t.Run(dec.name+"/"+tt.name, func(t *testing.T) {
				var out devopsagent.ListBacklogTasksOutput
				err := dec.decode([]byte(tt.body), &out)
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.want)
			})
		}
	}
}

// TestStringsDoNotAliasTheCallersBuffer checks that the decoder copies the
// body: the caller may reuse its buffer, as the client's pool does.
func TestStringsDoNotAliasTheCallersBuffer(t *testing.T) {
	body := []byte(`{"tasks":[{"title":"before"}]}`)
	for _, dec := range decoders {
		var out devopsagent.ListBacklogTasksOutput
		require.NoError(t, dec.decode(body, &out), dec.name)

		copy(body[bytes.Index(body, []byte("before")):], "AFTER!")
		assert.Equal(t, "before", *out.Tasks[0].Title, dec.name)
		copy(body[bytes.Index(body, []byte("AFTER!")):], "before")
	}
}

// BenchmarkPrototypeTasks1000 compares the prototypes with the json.Valid
// floor on the benchmark page. Each prototype also reports x-floor: its time
// over json.Valid's, measured right after it in the same process.
func BenchmarkPrototypeTasks1000(b *testing.B) {
	b.Run("jsonValid", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			if !json.Valid(page) {
				b.Fatal("fixture page is not valid JSON")
			}
		}
	})

	for _, dec := range decoders {
		b.Run(dec.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(page)))

			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				var out devopsagent.ListBacklogTasksOutput
				if err := dec.decode(page, &out); err != nil {
					b.Fatal(err)
				}
			}
			runtime.ReadMemStats(&after)

			allocs := float64(after.Mallocs-before.Mallocs) / float64(b.N)
			b.ReportMetric(allocs/fixtures.PageTasks, "allocs/task")
			perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(perOp/floorNanos(b.N), "x-floor")
		})
	}
}

// floorNanos times up to 200 json.Valid passes over the page and returns
// the nanoseconds of one.
func floorNanos(n int) float64 {
	n = min(max(n, 10), 200)
	start := time.Now()
	for range n {
		json.Valid(page)
	}
	return float64(time.Since(start).Nanoseconds()) / float64(n)
}

// clientDecode decodes body with the client's real restJson1 decoder.
func clientDecode(t *testing.T, body []byte) *devopsagent.ListBacklogTasksOutput {
	t.Helper()

	out, err := clientdecode.New().ListBacklogTasks(body)
	require.NoError(t, err)
	return out
}

// docValue decodes a document into plain Go values for comparison.
func docValue(t *testing.T, d document.Interface) any {
	t.Helper()

	if d == nil {
		return nil
	}
	var v any
	require.NoError(t, d.UnmarshalSmithyDocument(&v), fmt.Sprintf("document %T", d))
	return v
}
