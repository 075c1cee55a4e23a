// This file checks that both clients decode each fixture to the same
// values, so the benchmarks compare equal work.

package benchmarks

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/devopsagent"
	officialdocument "github.com/aws/aws-sdk-go-v2/service/devopsagent/document"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ours "github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/benchmarks/fixtures"
	"github.com/devopsagent-go/devopsagent/document"
)

// TestClientsAgree calls each benchmarked operation on both clients and
// compares the outputs: documents by their decoded values, everything else
// through its JSON form (documents are taken out of the outputs first: the
// two clients' document types do not encode alike with encoding/json).
func TestClientsAgree(t *testing.T) {
	ctx := context.Background()

	tests := []struct {
		name     string
		ours     func() (any, []document.Interface, error)
		official func() (any, []officialdocument.Interface, error)
	}{
		{
			name: "ListBacklogTasks",
			ours: func() (any, []document.Interface, error) {
				out, err := newOurs(http.StatusOK, tasksPage).ListBacklogTasks(ctx,
					&ours.ListBacklogTasksInput{AgentSpaceId: aws.String(fixtures.AgentSpaceID)})
				if err != nil {
					return nil, nil, err
				}
				var docs []document.Interface
				for i := range out.Tasks {
					task := &out.Tasks[i]
					docs = append(docs, task.Metadata, task.SupportMetadata)
					task.Metadata, task.SupportMetadata = nil, nil
				}
				return out, docs, nil
			},
			official: func() (any, []officialdocument.Interface, error) {
				out, err := newOfficial(http.StatusOK, tasksPage).ListBacklogTasks(ctx,
					&official.ListBacklogTasksInput{AgentSpaceId: aws.String(fixtures.AgentSpaceID)})
				if err != nil {
					return nil, nil, err
				}
				var docs []officialdocument.Interface
				for i := range out.Tasks {
					task := &out.Tasks[i]
					docs = append(docs, task.Metadata, task.SupportMetadata)
					task.Metadata, task.SupportMetadata = nil, nil
				}
				return out, docs, nil
			},
		},
		{
			name: "GetService",
			ours: func() (any, []document.Interface, error) {
				out, err := newOurs(http.StatusOK, serviceBody).GetService(ctx,
					&ours.GetServiceInput{ServiceId: aws.String(fixtures.ServiceID)})
				if err != nil {
					return nil, nil, err
				}
				docs := out.Service.AccessibleResources
				out.Service.AccessibleResources = nil
				return out, docs, nil
			},
			official: func() (any, []officialdocument.Interface, error) {
				out, err := newOfficial(http.StatusOK, serviceBody).GetService(ctx,
					&official.GetServiceInput{ServiceId: aws.String(fixtures.ServiceID)})
				if err != nil {
					return nil, nil, err
				}
				docs := out.Service.AccessibleResources
				out.Service.AccessibleResources = nil
				return out, docs, nil
			},
		},
		{
			name: "AssociateService",
			ours: func() (any, []document.Interface, error) {
				out, err := newOurs(http.StatusCreated, assocBody).
					AssociateService(ctx, oursAssociateInput())
				return out, nil, err
			},
			official: func() (any, []officialdocument.Interface, error) {
				out, err := newOfficial(http.StatusCreated, assocBody).
					AssociateService(ctx, officialAssociateInput())
				return out, nil, err
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, gotDocs, err := tt.ours()
			require.NoError(t, err)
			want, wantDocs, err := tt.official()
			require.NoError(t, err)

			assert.JSONEq(t, jsonOf(t, want), jsonOf(t, got))
			require.Len(t, gotDocs, len(wantDocs))
			for i := range wantDocs {
				assert.Equal(t, docValue(t, wantDocs[i]), docValue(t, gotDocs[i]),
					"document %d", i)
			}
		})
	}
}

// jsonOf encodes a decoded output for comparison, without null members:
// ours has members added to the model after v1.5.2 (left nil here).
func jsonOf(t *testing.T, v any) string {
	t.Helper()

	raw, err := json.Marshal(v)
	require.NoError(t, err)
	var generic any
	require.NoError(t, json.Unmarshal(raw, &generic))
	raw, err = json.Marshal(withoutNulls(generic))
	require.NoError(t, err)
	return string(raw)
}

// withoutNulls removes null members from every object in v.
func withoutNulls(v any) any {
	switch vv := v.(type) {
	case map[string]any:
		for k, e := range vv {
			if e == nil {
				delete(vv, k)
				continue
			}
			vv[k] = withoutNulls(e)
		}
	case []any:
		for i, e := range vv {
			vv[i] = withoutNulls(e)
		}
	}
	return v
}

// docValue decodes a document of either client into plain Go values;
// both give numbers as smithy-go's document.Number.
func docValue(t *testing.T, d interface{ UnmarshalSmithyDocument(any) error }) any {
	t.Helper()

	if d == nil {
		return nil
	}
	var v any
	require.NoError(t, d.UnmarshalSmithyDocument(&v))
	return v
}
