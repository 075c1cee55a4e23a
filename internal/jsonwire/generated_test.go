package jsonwire_test

// Decoding into the generated types: the rules internal/serde sets for
// unions, nulls and documents, as they come out of this reader.

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"sync"
	"testing"
	"time"

	smithydocument "github.com/aws/smithy-go/document"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	devopsagent "github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/internal/jsonwire"
	"github.com/devopsagent-go/devopsagent/types"
)

func TestUnions(t *testing.T) {
	tests := []struct {
		name string
		body string
		want types.ServiceConfiguration
	}{
		{"unknown member keeps its bytes as sent",
			`{"association":{"configuration":{"newService": {"z":[1, 2],"a":0.10} }}}`,
			&types.UnknownUnionMember{Tag: "newService", Value: []byte(`{"z":[1, 2],"a":0.10}`)}},
		{"first unknown member is kept",
			`{"association":{"configuration":{"u1":"\u00e9","u2":false}}}`,
			&types.UnknownUnionMember{Tag: "u1", Value: []byte(`"\u00e9"`)}},
		{"known member wins over an earlier unknown one",
			`{"association":{"configuration":{"newService":{},"azure":{"subscriptionId":"x"}}}}`,
			&types.ServiceConfigurationMemberAzure{
				Value: types.AzureConfiguration{SubscriptionId: ptr("x")},
			}},
		{"null members are ignored",
			`{"association":{"configuration":{"github":null,"azure":{"subscriptionId":"s"}}}}`,
			&types.ServiceConfigurationMemberAzure{
				Value: types.AzureConfiguration{SubscriptionId: ptr("s")},
			}},
		{"unknown members of the chosen member's structure are skipped",
			`{"association":{"configuration":{"remoteagentsigv4":{"future":1}}}}`,
			&types.ServiceConfigurationMemberRemoteagentsigv4{}},
		{"all null", `{"association":{"configuration":{"azure":null}}}`, nil},
		{"null union", `{"association":{"configuration":null}}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out devopsagent.GetAssociationOutput
			require.NoError(t, jsonwire.Unmarshal([]byte(tt.body), &out))
			assert.Equal(t, tt.want, out.Association.Configuration)
		})
	}
}

func TestUnknownUnionValueCannotOverwriteNeighbours(t *testing.T) {
	var out devopsagent.GetAssociationOutput
	body := `{"association":{"configuration":{"u":[1]},"serviceId":"svc"}}`
	require.NoError(t, jsonwire.Unmarshal([]byte(body), &out))

	unknown := out.Association.Configuration.(*types.UnknownUnionMember)
	_ = append(unknown.Value, "XXXXXXXX"...)
	assert.Equal(t, "svc", *out.Association.ServiceId)
}

func TestUnionWithTwoKnownMembersTakesTheFirst(t *testing.T) {
	var out devopsagent.GetAssociationOutput
	err := jsonwire.Unmarshal([]byte(`{"association":{"configuration":`+
		`{"azure":{"subscriptionId":"a"},"github":{"owner":[}}}}`), &out)
	require.Error(t, err, "a skipped member is still checked")

	err = jsonwire.Unmarshal([]byte(`{"association":{"configuration":`+
		`{"azure":{"subscriptionId":"a"},"github":{}},"serviceId":"svc"}}`), &out)
	require.NoError(t, err)
	assert.Equal(t, &types.ServiceConfigurationMemberAzure{
		Value: types.AzureConfiguration{SubscriptionId: ptr("a")},
	}, out.Association.Configuration)
	assert.Equal(t, "svc", *out.Association.ServiceId)
}

func TestTaskNullsAndDocuments(t *testing.T) {
	body := `{"task":{"taskId":"t","title":null,"version":3,"hasLinkedTasks":true,` +
		`"createdAt":"2026-01-02t15:04:05z","metadata":{"big":12345678901234567890,"f":0.10,` +
		`"e":1e400},"supportMetadata":[1, "two"],"reference":null,"future":{"x":[null]}}}`
	var out devopsagent.GetBacklogTaskOutput
	require.NoError(t, jsonwire.Unmarshal([]byte(body), &out))

	task := out.Task
	assert.Equal(t, "t", *task.TaskId)
	assert.Nil(t, task.Title)
	assert.Nil(t, task.Reference)
	assert.Equal(t, int32(3), *task.Version)
	assert.True(t, task.HasLinkedTasks)
	assert.Equal(t, time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC), *task.CreatedAt)

	raw, err := task.Metadata.MarshalSmithyDocument()
	require.NoError(t, err)
	assert.Equal(t, `{"big":12345678901234567890,"e":1e400,"f":0.10}`, string(raw))

	var typed struct {
		Big uint64      `json:"big"`
		F   float64     `json:"f"`
		E   json.Number `json:"e"`
	}
	require.NoError(t, task.Metadata.UnmarshalSmithyDocument(&typed))
	assert.Equal(t, uint64(12345678901234567890), typed.Big)
	assert.Equal(t, 0.1, typed.F)
	assert.Equal(t, json.Number("1e400"), typed.E)

	var list []any
	require.NoError(t, task.SupportMetadata.UnmarshalSmithyDocument(&list))
	assert.Equal(t, []any{smithydocument.Number("1"), "two"}, list)

	var wrong []int
	err = task.Metadata.UnmarshalSmithyDocument(&wrong)
	assert.ErrorContains(t, err, "document: decode into *[]int")
}

func TestNullListElementsAndMapValuesAreDropped(t *testing.T) {
	body := `{"service":{"serviceId":"s","accessibleResources":[null,{"a":1},null]},` +
		`"tags":{"a":"1","b":null}}`
	var out devopsagent.GetServiceOutput
	require.NoError(t, jsonwire.Unmarshal([]byte(body), &out))

	require.Len(t, out.Service.AccessibleResources, 1)
	raw, err := out.Service.AccessibleResources[0].MarshalSmithyDocument()
	require.NoError(t, err)
	assert.Equal(t, `{"a":1}`, string(raw))
	assert.Equal(t, map[string]string{"a": "1"}, out.Tags)
}

func TestMemberErrorsNameThePath(t *testing.T) {
	tests := []struct {
		body string
		want string
	}{
		{`{"tasks":[{"version":1e10}]}`, `tasks: version: json: offset 21: expected an ` +
			`integer (int32), found a number with a fraction or exponent`},
		{`{"tasks":[{},{"version":2147483648}]}`,
			`tasks: version: json: offset 24: integer out of int32 range`},
		{`{"tasks":[{"createdAt":"2026-02-30T00:00:00Z"}]}`, `tasks: createdAt: serde: invalid ` +
			`date-time "2026-02-30T00:00:00Z": day out of range for the month`},
		{`{"tasks":[{"status":7}]}`, `tasks: status: json: offset 20: expected a string, found '7'`},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			var out devopsagent.ListBacklogTasksOutput
			err := jsonwire.Unmarshal([]byte(tt.body), &out)
			assert.EqualError(t, err, tt.want)
		})
	}
}

func ptr[T any](v T) *T { return &v }

// TestConcurrentDecodes decodes from many goroutines at once; run with
// -race, it checks that pooled decoders, buffers and the shared index
// cache are not shared between decodes in flight.
func TestConcurrentDecodes(t *testing.T) {
	body := []byte(`{"tasks":[{"taskId":"a","title":"t\u00e9","metadata":{"k":[1]}},` +
		`{"taskId":"b","reference":{"system":"s"}}],"nextToken":"n"}`)
	var want devopsagent.ListBacklogTasksOutput
	require.NoError(t, jsonwire.Unmarshal(body, &want))

	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				var got devopsagent.ListBacklogTasksOutput
				err := jsonwire.DecodeBody(bytes.NewReader(body), int64(len(body)), &got)
				if err == nil && !reflect.DeepEqual(tree(reflect.ValueOf(want)),
					tree(reflect.ValueOf(got))) {
					err = errors.New("decoded values differ")
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
}
