package serde

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadEnumKeepsUnknownValues(t *testing.T) {
	for _, value := range []string{"KNOWN", "ADDED_LATER", ""} {
		h, err := decode(t, `{"kind":"`+value+`"}`)
		require.NoError(t, err)
		assert.Equal(t, kind(value), h.Kind)
	}

	_, err := decode(t, `{"kind":5}`)
	assert.Error(t, err)
}

func TestWriteBlob(t *testing.T) {
	assert.Equal(t, `{"blob":""}`, encode(t, &holder{Kind: "x"}))
	assert.Equal(t, `{"blob":"YmxvYg=="}`, encode(t, &holder{Blob: []byte("blob")}))
}

func TestReadBlob(t *testing.T) {
	h, err := decode(t, `{"blob":"YmxvYg=="}`)
	require.NoError(t, err)
	assert.Equal(t, []byte("blob"), h.Blob)
}
