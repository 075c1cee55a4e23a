package conformance

// Both clients' paginators must send the same sequence of requests over
// the same scripted pages and stop at the same point.

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/devopsagent"
	ours "github.com/devopsagent-go/devopsagent"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// maxPages bounds a run: a paginator that never stops on its own (a
// repeated token without StopOnDuplicateToken) is cut off here.
const maxPages = 6

// pagerOptions are the paginator options of a scenario.
type pagerOptions struct {
	limit   int32
	stopDup bool
}

// pageStep is what one NextPage call gave.
type pageStep struct {
	output any
	err    string

	// exhausted marks the call made after HasMorePages turned false.
	exhausted bool
}

// pagerRun is a whole run: each step, and HasMorePages at the end.
type pagerRun struct {
	steps []pageStep
	more  bool
}

// drive calls next while hasMore says so (and once more after it stops,
// to see the paginator's own error), at most maxPages times.
func drive(hasMore func() bool, next func() (any, error)) pagerRun {
	var run pagerRun
	for range maxPages {
		stopped := !hasMore()
		out, err := next()
		step := pageStep{output: out, exhausted: stopped}
		if err != nil {
			step.err = err.Error()
		}
		run.steps = append(run.steps, step)
		if stopped {
			break
		}
	}
	run.more = hasMore()
	return run
}

// pagedOperation runs one operation's paginator on either client.
type pagedOperation struct {
	op      string
	items   string // JSON key of the page's items
	input   func() any
	theirs  func(c *official.Client, in any, o pagerOptions) pagerRun
	mine    func(c *ours.Client, in any, o pagerOptions) pagerRun
	withMax func(in any, n int32) any // sets the input's page size
}

func pagedOperations() []pagedOperation {
	ctx := context.Background()
	return []pagedOperation{
		{
			op: "ListAssociations", items: "associations",
			input: func() any { return &ours.ListAssociationsInput{AgentSpaceId: aws.String("space-1")} },
			theirs: func(c *official.Client, in any, o pagerOptions) pagerRun {
				p := official.NewListAssociationsPaginator(c, in.(*official.ListAssociationsInput),
					func(po *official.ListAssociationsPaginatorOptions) {
						po.Limit, po.StopOnDuplicateToken = orDefault(po.Limit, o.limit), o.stopDup
					})
				return drive(p.HasMorePages, func() (any, error) { return nilIfErr(p.NextPage(ctx)) })
			},
			mine: func(c *ours.Client, in any, o pagerOptions) pagerRun {
				p := ours.NewListAssociationsPaginator(c, in.(*ours.ListAssociationsInput),
					func(po *ours.ListAssociationsPaginatorOptions) {
						po.Limit, po.StopOnDuplicateToken = orDefault(po.Limit, o.limit), o.stopDup
					})
				return drive(p.HasMorePages, func() (any, error) { return nilIfErr(p.NextPage(ctx)) })
			},
			withMax: func(in any, n int32) any {
				in.(*ours.ListAssociationsInput).MaxResults = aws.Int32(n)
				return in
			},
		},
		{
			op: "ListBacklogTasks", items: "tasks",
			input: func() any { return &ours.ListBacklogTasksInput{AgentSpaceId: aws.String("space-1")} },
			theirs: func(c *official.Client, in any, o pagerOptions) pagerRun {
				p := official.NewListBacklogTasksPaginator(c, in.(*official.ListBacklogTasksInput),
					func(po *official.ListBacklogTasksPaginatorOptions) {
						po.Limit, po.StopOnDuplicateToken = orDefault(po.Limit, o.limit), o.stopDup
					})
				return drive(p.HasMorePages, func() (any, error) { return nilIfErr(p.NextPage(ctx)) })
			},
			mine: func(c *ours.Client, in any, o pagerOptions) pagerRun {
				p := ours.NewListBacklogTasksPaginator(c, in.(*ours.ListBacklogTasksInput),
					func(po *ours.ListBacklogTasksPaginatorOptions) {
						po.Limit, po.StopOnDuplicateToken = orDefault(po.Limit, o.limit), o.stopDup
					})
				return drive(p.HasMorePages, func() (any, error) { return nilIfErr(p.NextPage(ctx)) })
			},
			withMax: func(in any, n int32) any {
				in.(*ours.ListBacklogTasksInput).Limit = aws.Int32(n)
				return in
			},
		},
		{
			op: "ListServices", items: "services",
			input: func() any { return &ours.ListServicesInput{} },
			theirs: func(c *official.Client, in any, o pagerOptions) pagerRun {
				p := official.NewListServicesPaginator(c, in.(*official.ListServicesInput),
					func(po *official.ListServicesPaginatorOptions) {
						po.Limit, po.StopOnDuplicateToken = orDefault(po.Limit, o.limit), o.stopDup
					})
				return drive(p.HasMorePages, func() (any, error) { return nilIfErr(p.NextPage(ctx)) })
			},
			mine: func(c *ours.Client, in any, o pagerOptions) pagerRun {
				p := ours.NewListServicesPaginator(c, in.(*ours.ListServicesInput),
					func(po *ours.ListServicesPaginatorOptions) {
						po.Limit, po.StopOnDuplicateToken = orDefault(po.Limit, o.limit), o.stopDup
					})
				return drive(p.HasMorePages, func() (any, error) { return nilIfErr(p.NextPage(ctx)) })
			},
			withMax: func(in any, n int32) any {
				in.(*ours.ListServicesInput).MaxResults = aws.Int32(n)
				return in
			},
		},
	}
}

// orDefault keeps the paginator's own default (taken from the input's
// page size) unless the scenario sets a limit.
func orDefault(current, scenario int32) int32 {
	if scenario != 0 {
		return scenario
	}
	return current
}

// nilIfErr turns (typed nil, err) into (nil, err) for comparison.
func nilIfErr[T any](out *T, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return out, nil
}

// pagerScenario is a script of pages and the options to walk it with.
type pagerScenario struct {
	name    string
	tokens  []string // per page; "-" means no nextToken member
	errorAt int      // 1-based page answered with a 500, 0 for none
	options pagerOptions
	maxSize int32 // page size set on the input, 0 for none
	start   string
}

func pagerScenarios() []pagerScenario {
	return []pagerScenario{
		{name: "three pages", tokens: []string{"t1", "t2", "-"}},
		{name: "empty token ends", tokens: []string{"t1", ""}},
		{name: "null token ends", tokens: []string{"t1", "null"}},
		{name: "single page", tokens: []string{"-"}},
		{name: "duplicate token stops", tokens: []string{"t1", "t1", "t2"},
			options: pagerOptions{stopDup: true}},
		{name: "duplicate token without stop", tokens: []string{"same"}},
		{name: "duplicate after start token", tokens: []string{"s0"}, start: "s0",
			options: pagerOptions{stopDup: true}},
		{name: "limit", tokens: []string{"t1", "-"}, options: pagerOptions{limit: 7}},
		{name: "negative limit", tokens: []string{"t1", "-"}, options: pagerOptions{limit: -1}},
		{name: "page size from input", tokens: []string{"t1", "-"}, maxSize: 3},
		{name: "limit beats input size", tokens: []string{"t1", "-"}, maxSize: 3,
			options: pagerOptions{limit: 9}},
		{name: "start token", tokens: []string{"t2", "-"}, start: "a b/c"},
		{name: "error mid-way", tokens: []string{"t1", "t2", "-"}, errorAt: 2},
	}
}

// script renders a scenario's pages for a paginated operation.
func (s pagerScenario) script(items string) []reply {
	var out []reply
	for i, tok := range s.tokens {
		if i+1 == s.errorAt {
			out = append(out, reply{status: 500,
				header: map[string]string{"X-Amzn-ErrorType": "InternalServerException"},
				body:   `{"message":"try again"}`})
		}
		switch tok {
		case "-":
			out = append(out, okJSON(obj(items, arr())))
		case "null":
			out = append(out, okJSON(obj(items, arr(), "nextToken", "null")))
		default:
			out = append(out, okJSON(obj(items, arr(), "nextToken", str(tok))))
		}
	}
	return out
}

func TestPaginatorsMatchOfficial(t *testing.T) {
	for _, po := range pagedOperations() {
		for _, sc := range pagerScenarios() {
			t.Run(po.op+"/"+sc.name, func(t *testing.T) {
				in := po.input()
				if sc.maxSize != 0 {
					in = po.withMax(in, sc.maxSize)
				}
				if sc.start != "" {
					setNextToken(in, sc.start)
				}
				officialIn := toOfficial(t, operations[po.op], in)

				orec, urec := newRecorder(sc.script(po.items)...), newRecorder(sc.script(po.items)...)
				theirs := po.theirs(newOfficial(orec), officialIn, sc.options)
				mine := po.mine(newOurs(urec), in, sc.options)

				require.NotEmpty(t, orec.all(), "official requests")
				assertSameRequests(t, orec.all(), urec.all(), false)
				assertSameUserAgentMetrics(t, orec.all(), urec.all())
				assertSameRun(t, theirs, mine)
			})
		}
	}
}

// setNextToken sets the NextToken member of a list input of ours.
func setNextToken(in any, token string) {
	switch v := in.(type) {
	case *ours.ListAssociationsInput:
		v.NextToken = aws.String(token)
	case *ours.ListBacklogTasksInput:
		v.NextToken = aws.String(token)
	case *ours.ListServicesInput:
		v.NextToken = aws.String(token)
	}
}

// assertSameUserAgentMetrics compares the business metrics ("m/...") of
// the User-Agent headers, request by request: a paginator's calls carry
// the paginator feature. The rest of the header names each client itself.
func assertSameUserAgentMetrics(t *testing.T, theirs, mine []captured) {
	t.Helper()

	require.Len(t, mine, len(theirs), "requests sent")
	for i := range theirs {
		want := uaMetrics(theirs[i].req.Header.Get("User-Agent"))
		assert.Contains(t, want, "C", "request %d: official paginator feature", i+1)
		assert.Equal(t, want, uaMetrics(mine[i].req.Header.Get("User-Agent")),
			"request %d: User-Agent metrics", i+1)
	}
}

// uaMetrics returns the business metrics of a User-Agent header: the
// comma-separated ids after "m/", nil when there are none.
func uaMetrics(userAgent string) []string {
	for _, part := range strings.Fields(userAgent) {
		if ids, ok := strings.CutPrefix(part, "m/"); ok {
			return strings.Split(ids, ",")
		}
	}
	return nil
}

func assertSameRun(t *testing.T, theirs, mine pagerRun) {
	t.Helper()

	require.Len(t, mine.steps, len(theirs.steps), "NextPage calls")
	assert.Equal(t, theirs.more, mine.more, "HasMorePages at the end")
	for i, want := range theirs.steps {
		got := mine.steps[i]
		require.Equal(t, want.exhausted, got.exhausted, "page %d: paginator stopped", i+1)
		if want.exhausted {
			// The text of this client-side error is compared in
			// TestPaginatorExhaustedError.
			assert.NotEmpty(t, got.err, "NextPage after the last page must fail")
			continue
		}
		assert.Equal(t, want.err, got.err, "error of page %d", i+1)
		assertSameOutput(t, want.output, got.output)
	}
}

// TestPaginatorExhaustedError compares the error NextPage returns after
// the last page, and that it sends nothing.
func TestPaginatorExhaustedError(t *testing.T) {
	ctx := context.Background()
	orec, urec := newRecorder(), newRecorder()
	theirs := official.NewListServicesPaginator(newOfficial(orec), nil)
	mine := ours.NewListServicesPaginator(newOurs(urec), nil)
	_, err := theirs.NextPage(ctx)
	require.NoError(t, err)
	_, err = mine.NextPage(ctx)
	require.NoError(t, err)

	_, want := theirs.NextPage(ctx)
	_, got := mine.NextPage(ctx)
	require.EqualError(t, want, "no more pages available", "official")
	require.EqualError(t, got, want.Error(), "ours")
	assert.Len(t, orec.all(), 1)
	assert.Len(t, urec.all(), 1)
}
