package devopsagent

// Tests of the generated paginators with a scripted client.

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

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
	assert.EqualError(t, err, "no more pages available", "the official client's text")
	assert.Len(t, client.got, 3, "nothing is sent after the last page")
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

// TestPaginatorMarksUserAgent pages through a fake service with the real
// client: each page's call carries the paginator feature ("C") in the
// User-Agent metrics, a direct call does not, and the caller's optFns
// still apply.
func TestPaginatorMarksUserAgent(t *testing.T) {
	service := newFakeService(t,
		reply{Status: http.StatusOK, Body: `{"services":[],"nextToken":"n"}`},
		reply{Status: http.StatusOK, Body: `{"services":[]}`},
	)
	client := service.apiClient()
	p := NewListServicesPaginator(client, nil)

	for p.HasMorePages() {
		_, err := p.NextPage(context.Background(), WithAPIOptions(addHeader("X-Caller", "yes")))
		require.NoError(t, err)
	}
	_, err := client.ListServices(context.Background(), nil)
	require.NoError(t, err)

	got := service.received()
	require.Len(t, got, 3)
	for _, req := range got[:2] {
		assert.Contains(t, uaMetrics(req.Header.Get("User-Agent")), "C", "the paginator feature")
		assert.Equal(t, "yes", req.Header.Get("X-Caller"), "the caller's optFns apply")
	}
	assert.NotContains(t, uaMetrics(got[2].Header.Get("User-Agent")), "C", "a direct call")
}

// uaMetrics returns the business metrics of a User-Agent header: the
// comma-separated ids after "m/".
func uaMetrics(userAgent string) []string {
	for _, part := range strings.Fields(userAgent) {
		if ids, ok := strings.CutPrefix(part, "m/"); ok {
			return strings.Split(ids, ",")
		}
	}
	return nil
}

// addHeader is a stack option that sets a request header.
func addHeader(name, value string) func(*middleware.Stack) error {
	return func(stack *middleware.Stack) error {
		return stack.Build.Add(middleware.BuildMiddlewareFunc("addHeader", func(
			ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler,
		) (middleware.BuildOutput, middleware.Metadata, error) {
			in.Request.(*smithyhttp.Request).Header.Set(name, value)
			return next.HandleBuild(ctx, in)
		}), middleware.After)
	}
}
