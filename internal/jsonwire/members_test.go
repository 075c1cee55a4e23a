package jsonwire

import (
	"testing"

	smithy "github.com/aws/smithy-go"
	smithyprelude "github.com/aws/smithy-go/prelude"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/internal/schemas"
)

// TestMemberIndexOfEveryOutputShape checks, for every structure and union
// the 13 outputs reach, that each member is found by its key and that
// near misses are not.
func TestMemberIndexOfEveryOutputShape(t *testing.T) {
	seen := map[smithy.ShapeID]bool{}
	var visit func(s *smithy.Schema)
	visit = func(s *smithy.Schema) {
		id := s.ID()
		if s.MemberName() != "" {
			id = s.TargetID()
		}
		if seen[id] {
			return
		}
		seen[id] = true

		if s.Type() == smithy.ShapeTypeStructure || s.Type() == smithy.ShapeTypeUnion {
			checkIndex(t, s)
		}
		for _, m := range s.Members() {
			visit(m)
		}
	}
	for _, op := range []*smithy.OperationSchema{
		schemas.OpAssociateService, schemas.OpCreateAsset, schemas.OpCreateBacklogTask,
		schemas.OpGetAssociation, schemas.OpGetBacklogTask, schemas.OpGetService,
		schemas.OpListAssociations, schemas.OpListBacklogTasks, schemas.OpListServices,
		schemas.OpRegisterService, schemas.OpUpdateAsset, schemas.OpUpdateAssociation,
		schemas.OpUpdateBacklogTask,
	} {
		visit(op.Output)
	}
	assert.Greater(t, len(seen), 40, "shapes visited")
}

// checkIndex checks the index of one structure or union.
func checkIndex(t *testing.T, s *smithy.Schema) {
	t.Helper()

	x := membersOf(s)
	assert.Nil(t, x.byName, "%s: no seed separates the keys", s.ID().Name)
	for name, m := range s.Members() {
		assert.Same(t, m, x.lookup([]byte(name)), "%s.%s", s.ID().Name, name)
		assert.Nil(t, x.lookup([]byte(name+"x")), "%s.%sx", s.ID().Name, name)
		assert.Nil(t, x.lookup([]byte("X"+name[1:])), "%s.X%s", s.ID().Name, name[1:])
	}
	assert.Nil(t, x.lookup(nil))
}

// TestMemberIndexFallsBackToAMap uses keys alike in every byte the hash
// reads, which no seed can separate.
func TestMemberIndexFallsBackToAMap(t *testing.T) {
	s := newTestSchema("Alike", smithy.ShapeTypeStructure)
	first := s.AddMember("axbyc", smithyprelude.String)
	second := s.AddMember("azbwc", smithyprelude.String)

	x := newMemberIndex(s)
	require.NotNil(t, x.byName)
	assert.Same(t, first, x.lookup([]byte("axbyc")))
	assert.Same(t, second, x.lookup([]byte("azbwc")))
	assert.Nil(t, x.lookup([]byte("aqbqc")))
}

func TestMemberIndexOfNothing(t *testing.T) {
	assert.Nil(t, membersOf(nil).lookup([]byte("a")))
	assert.Nil(t, newMemberIndex(newTestSchema("Empty", smithy.ShapeTypeStructure)).
		lookup([]byte("a")))
}

// BenchmarkMemberLookup compares the index with the schema's own map on
// the keys of a Task, the structure a task page repeats a thousand times.
func BenchmarkMemberLookup(b *testing.B) {
	var keys [][]byte
	for name := range schemas.Task.Members() {
		keys = append(keys, []byte(name))
	}
	x := membersOf(schemas.Task)

	b.Run("index", func(b *testing.B) {
		for b.Loop() {
			for _, key := range keys {
				if x.lookup(key) == nil {
					b.Fatal("member not found")
				}
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		members := schemas.Task.Members()
		for b.Loop() {
			for _, key := range keys {
				if members[string(key)] == nil {
					b.Fatal("member not found")
				}
			}
		}
	})
}
