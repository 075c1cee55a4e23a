package devopsagent

// Tests of the generated paginators with a scripted client.

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/types"
)

// scriptedTasks answers ListBacklogTasks with the next of its tokens and
// records the inputs it got.
type scriptedTasks struct {
	tokens []*string
	got    []ListBacklogTasksInput
	err    error
}

func (s *scriptedTasks) ListBacklogTasks(_ context.Context, in *ListBacklogTasksInput,
	_ ...func(*Options),
) (*ListBacklogTasksOutput, error) {
	s.got = append(s.got, *in)
	if s.err != nil {
		return nil, s.err
	}
	next := s.tokens[0]
	s.tokens = s.tokens[1:]
	return &ListBacklogTasksOutput{Tasks: []types.Task{{TaskId: ptr("t")}}, NextToken: next}, nil
}

func TestPaginatorFollowsTokens(t *testing.T) {
	client := &scriptedTasks{tokens: []*string{ptr("a"), ptr("b"), nil}}
	params := &ListBacklogTasksInput{AgentSpaceId: ptr("s"), Limit: ptr(int32(50)),
		NextToken: ptr("start")}
	p := NewListBacklogTasksPaginator(client, params)

	pages := 0
	for p.HasMorePages() {
		_, err := p.NextPage(context.Background())
		require.NoError(t, err)
		pages++
	}

	assert.Equal(t, 3, pages)
	require.Len(t, client.got, 3)
	assert.Equal(t, []*string{ptr("start"), ptr("a"), ptr("b")},
		[]*string{client.got[0].NextToken, client.got[1].NextToken, client.got[2].NextToken})
	for _, in := range client.got {
		assert.Equal(t, ptr(int32(50)), in.Limit)
		assert.Equal(t, ptr("s"), in.AgentSpaceId)
	}
	assert.Equal(t, ptr("start"), params.NextToken, "the caller's params are not changed")

	_, err := p.NextPage(context.Background())
	assert.EqualError(t, err, "ListBacklogTasksPaginator: no more pages")
}

func TestPaginatorOptions(t *testing.T) {
	client := &scriptedTasks{tokens: []*string{ptr("same"), ptr("same"), ptr("never")}}
	p := NewListBacklogTasksPaginator(client, nil, func(o *ListBacklogTasksPaginatorOptions) {
		o.Limit = 7
		o.StopOnDuplicateToken = true
	})

	for p.HasMorePages() {
		_, err := p.NextPage(context.Background())
		require.NoError(t, err)
	}

	require.Len(t, client.got, 2, "paging stops when the token repeats")
	assert.Equal(t, ptr(int32(7)), client.got[0].Limit)
	assert.Nil(t, client.got[0].NextToken)
}

func TestPaginatorWithoutLimitSendsNone(t *testing.T) {
	client := &scriptedTasks{tokens: []*string{ptr("")}}
	p := NewListBacklogTasksPaginator(client, &ListBacklogTasksInput{})

	_, err := p.NextPage(context.Background())
	require.NoError(t, err)
	assert.Nil(t, client.got[0].Limit)
	assert.False(t, p.HasMorePages(), "an empty token ends the paging")
}

func TestPaginatorReturnsErrors(t *testing.T) {
	client := &scriptedTasks{err: errors.New("boom")}
	p := NewListBacklogTasksPaginator(client, nil)

	_, err := p.NextPage(context.Background())
	assert.EqualError(t, err, "boom")
	assert.True(t, p.HasMorePages(), "a failed first page can be retried")
}

func TestEveryPaginatedOperationHasAPaginator(t *testing.T) {
	c := &Client{}
	assert.NotNil(t, NewListAssociationsPaginator(c, nil))
	assert.NotNil(t, NewListServicesPaginator(c, &ListServicesInput{MaxResults: ptr(int32(3))}))
	assert.Equal(t, int32(3),
		NewListServicesPaginator(c, &ListServicesInput{MaxResults: ptr(int32(3))}).options.Limit)
}
