package jsonwire_test

// The decoder must give the generated output types the same values that
// smithy-go's restJson1 reader gives them. These tests build bodies from
// the output schemas of all 13 operations (every member set, each union
// member in turn) and decode each with both readers.

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	smithy "github.com/aws/smithy-go"
	smithytraits "github.com/aws/smithy-go/traits"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/restjson1"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	devopsagent "github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/document"
	"github.com/devopsagent-go/devopsagent/internal/jsonwire"
	"github.com/devopsagent-go/devopsagent/internal/schemas"
)

// outputs pairs each operation with a constructor of its output type.
var outputs = []struct {
	op  *smithy.OperationSchema
	new func() smithy.Deserializable
}{
	{schemas.OpAssociateService, newOutput[devopsagent.AssociateServiceOutput]},
	{schemas.OpCreateAsset, newOutput[devopsagent.CreateAssetOutput]},
	{schemas.OpCreateBacklogTask, newOutput[devopsagent.CreateBacklogTaskOutput]},
	{schemas.OpGetAssociation, newOutput[devopsagent.GetAssociationOutput]},
	{schemas.OpGetBacklogTask, newOutput[devopsagent.GetBacklogTaskOutput]},
	{schemas.OpGetService, newOutput[devopsagent.GetServiceOutput]},
	{schemas.OpListAssociations, newOutput[devopsagent.ListAssociationsOutput]},
	{schemas.OpListBacklogTasks, newOutput[devopsagent.ListBacklogTasksOutput]},
	{schemas.OpListServices, newOutput[devopsagent.ListServicesOutput]},
	{schemas.OpRegisterService, newOutput[devopsagent.RegisterServiceOutput]},
	{schemas.OpUpdateAsset, newOutput[devopsagent.UpdateAssetOutput]},
	{schemas.OpUpdateAssociation, newOutput[devopsagent.UpdateAssociationOutput]},
	{schemas.OpUpdateBacklogTask, newOutput[devopsagent.UpdateBacklogTaskOutput]},
}

// newOutput returns a new, empty output of type T.
func newOutput[T any, P interface {
	*T
	smithy.Deserializable
}]() smithy.Deserializable {
	return P(new(T))
}

// unionVariants is how many bodies each output gets: body v sets member
// v (modulo the member count) of every union, so every member of the
// largest union appears at least once.
const unionVariants = 20

func TestAgreesWithRestJSON1(t *testing.T) {
	for _, out := range outputs {
		for v := range unionVariants {
			name := fmt.Sprintf("%s/%d", out.op.ID().Name, v)
			body := sampleJSON(out.op.Output, v, 0)
			t.Run(name, func(t *testing.T) {
				want := out.new()
				require.NoError(t, decodeRestJSON1(out.op, body, want), body)
				got := out.new()
				require.NoError(t, jsonwire.Unmarshal([]byte(body), got), body)

				assert.Equal(t, tree(reflect.ValueOf(want)), tree(reflect.ValueOf(got)), body)
			})
		}
	}
}

// decodeRestJSON1 decodes a 200 response carrying body with smithy-go.
func decodeRestJSON1(op *smithy.OperationSchema, body string, out smithy.Deserializable) error {
	resp := &smithyhttp.Response{Response: &http.Response{
		StatusCode: http.StatusOK,
		Header:     http.Header{},
		Body:       io.NopCloser(strings.NewReader(body)),
	}}
	return restjson1.New(nil).DeserializeResponse(context.Background(), op, nil, resp, out)
}

// sampleJSON returns a JSON value for schema s with every member set.
func sampleJSON(s *smithy.Schema, variant, depth int) string {
	switch s.Type() {
	case smithy.ShapeTypeStructure:
		var parts []string
		for _, name := range memberNames(s) {
			parts = append(parts, fmt.Sprintf("%q:%s", name,
				sampleJSON(s.Member(name), variant, depth+1)))
		}
		return "{" + strings.Join(parts, ",") + "}"
	case smithy.ShapeTypeUnion:
		names := memberNames(s)
		name := names[variant%len(names)]
		return fmt.Sprintf("{%q:%s}", name, sampleJSON(s.Member(name), variant, depth+1))
	case smithy.ShapeTypeList, smithy.ShapeTypeSet:
		item := sampleJSON(s.ListMember(), variant+1, depth+1)
		return "[" + item + ",null," + item + "]"
	case smithy.ShapeTypeMap:
		value := sampleJSON(s.MapValue(), variant, depth+1)
		return `{"k1":` + value + `,"k\u00e9":` + value + `,"k3":null}`
	}
	return sampleScalar(s)
}

// sampleScalar returns a JSON value for a scalar schema.
func sampleScalar(s *smithy.Schema) string {
	switch s.Type() {
	case smithy.ShapeTypeString, smithy.ShapeTypeEnum:
		return `"v-` + s.MemberName() + ` \u00e9\n\ud83d\ude00 é"`
	case smithy.ShapeTypeBoolean:
		return "true"
	case smithy.ShapeTypeByte, smithy.ShapeTypeShort, smithy.ShapeTypeInteger,
		smithy.ShapeTypeLong, smithy.ShapeTypeIntEnum:
		return "-17"
	case smithy.ShapeTypeFloat, smithy.ShapeTypeDouble:
		return "2.5e-3"
	case smithy.ShapeTypeBlob:
		return `"aGVsbG8="`
	case smithy.ShapeTypeDocument:
		return `{"n":12345678901234567890,"f":0.10,"l":[null,true,"s\u00e9"],"o":{}}`
	case smithy.ShapeTypeTimestamp:
		return sampleTimestamp(s)
	}
	panic(fmt.Sprintf("no sample for %v of type %v", s.ID(), s.Type()))
}

// sampleTimestamp returns a timestamp in the member's format.
func sampleTimestamp(s *smithy.Schema) string {
	format := "epoch-seconds"
	if tf, ok := smithy.SchemaTrait[*smithytraits.TimestampFormat](s); ok {
		format = tf.Format
	}
	switch format {
	case "date-time":
		return `"2026-01-02T15:04:05.123Z"`
	case "http-date":
		return `"Fri, 02 Jan 2026 15:04:05 GMT"`
	}
	return "1767366245.125"
}

// memberNames returns the member names of s, sorted.
func memberNames(s *smithy.Schema) []string {
	var names []string
	for name := range s.Members() {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

var documentType = reflect.TypeFor[document.Interface]()

// tree turns a decoded value into plain values for comparison: documents
// become their JSON, interfaces name their dynamic type, times their
// instant, so two readers' results compare equal exactly when they
// decoded the same values.
func tree(v reflect.Value) any {
	if v.Type() == documentType && !v.IsNil() {
		raw, err := v.Interface().(document.Interface).MarshalSmithyDocument()
		if err != nil {
			return err.Error()
		}
		return "document " + string(raw)
	}
	if t, ok := v.Interface().(time.Time); ok {
		return t.UTC().Format(time.RFC3339Nano)
	}

	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return map[string]any{v.Elem().Type().String(): tree(v.Elem())}
	case reflect.Struct:
		fields := map[string]any{}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fields[v.Type().Field(i).Name] = tree(v.Field(i))
			}
		}
		return fields
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return base64.StdEncoding.EncodeToString(v.Bytes())
		}
		items := []any{}
		for i := range v.Len() {
			items = append(items, tree(v.Index(i)))
		}
		return items
	case reflect.Map:
		entries := map[string]any{}
		for _, k := range v.MapKeys() {
			entries[fmt.Sprint(k.Interface())] = tree(v.MapIndex(k))
		}
		return entries
	}
	return v.Interface()
}

// TestSampleBodiesSetEveryMember guards the agreement test: a body that
// decodes to mostly empty values would agree trivially.
func TestSampleBodiesSetEveryMember(t *testing.T) {
	var out devopsagent.ListBacklogTasksOutput
	body := sampleJSON(schemas.OpListBacklogTasks.Output, 0, 0)
	require.NoError(t, jsonwire.Unmarshal([]byte(body), &out))

	require.Len(t, out.Tasks, 2)
	task := out.Tasks[0]
	assert.Equal(t, "v-title é\n😀 é", *task.Title)
	assert.Equal(t, int32(-17), *task.Version)
	assert.Equal(t, time.Date(2026, 1, 2, 15, 4, 5, 123_000_000, time.UTC), *task.CreatedAt)
	require.NotNil(t, task.Reference)
	assert.NotNil(t, task.Reference.ReferenceUrl)
	raw, err := task.Metadata.MarshalSmithyDocument()
	require.NoError(t, err)
	assert.Equal(t, `{"f":0.10,"l":[null,true,"sé"],"n":12345678901234567890,"o":{}}`, string(raw))
	assert.True(t, bytes.Contains([]byte(body), []byte(`"nextToken":`)))
	assert.NotNil(t, out.NextToken)
}

// FuzzAgreesWithRestJSON1 decodes each input into one of the outputs with
// both readers. Input that is not JSON must fail with ours; input both
// accept must give the same values (unknown union members compared by
// their JSON value, since ours keeps the bytes as sent). Bodies that are
// not valid UTF-8 are not compared: ours replaces bad bytes in strings
// with U+FFFD, as encoding/json and the official client do, while
// smithy-go's reader keeps them.
func FuzzAgreesWithRestJSON1(f *testing.F) {
	for i, out := range outputs {
		for v := range 3 {
			f.Add(uint8(i), []byte(sampleJSON(out.op.Output, v, 0)))
		}
	}
	f.Add(uint8(3), []byte(`{"association":{"configuration":{"future":{"b":1, "a":[2]}}}}`))
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		out := outputs[int(which)%len(outputs)]
		got := out.new()
		err := jsonwire.Unmarshal(body, got)
		if !json.Valid(body) {
			require.Error(t, err, "invalid JSON accepted")
			return
		}

		want := out.new()
		if !utf8.Valid(body) || err != nil || decodeRestJSON1(out.op, string(body), want) != nil {
			return // the readers may disagree on what to reject; neither panics
		}
		assert.Equal(t, canonicalUnknowns(tree(reflect.ValueOf(want))),
			canonicalUnknowns(tree(reflect.ValueOf(got))))
	})
}

// canonicalUnknowns rewrites the Value of every UnknownUnionMember in a
// tree as compact JSON with sorted keys.
func canonicalUnknowns(v any) any {
	switch vv := v.(type) {
	case map[string]any:
		for k, e := range vv {
			if k == "types.UnknownUnionMember" {
				fields := e.(map[string]any)
				fields["Value"] = canonicalJSON(fields["Value"].(string))
			}
			vv[k] = canonicalUnknowns(e)
		}
	case []any:
		for i, e := range vv {
			vv[i] = canonicalUnknowns(e)
		}
	}
	return v
}

// canonicalJSON decodes base64-encoded JSON and encodes it again with
// sorted keys and exact numbers.
func canonicalJSON(b64 string) string {
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return "bad base64: " + err.Error()
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return "bad JSON: " + err.Error()
	}
	canonical, err := json.Marshal(v)
	if err != nil {
		return "unencodable: " + err.Error()
	}
	return string(canonical)
}
