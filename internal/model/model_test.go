package model

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEmbeddedModelLoads(t *testing.T) {
	m, err := Load()
	require.NoError(t, err)

	ops, err := m.Operations()
	require.NoError(t, err)
	var names []string
	for _, op := range ops {
		names = append(names, op.Name())
	}
	assert.Equal(t, []string{
		"AssociateService", "CreateAsset", "CreateBacklogTask", "GetAssociation",
		"GetBacklogTask", "GetService", "ListAssociations", "ListBacklogTasks",
		"ListServices", "RegisterService", "UpdateAsset", "UpdateAssociation",
		"UpdateBacklogTask",
	}, names)

	unionSizes := map[string]int{
		"ServiceConfiguration":     19,
		"AdditionalServiceDetails": 15,
		"ServiceDetails":           14,
	}
	for name, want := range unionSizes {
		union := m.Shape("com.amazonaws.devopsagent#" + name)
		require.NotNil(t, union, name)
		assert.Len(t, union.Members, want, name)
	}
}
