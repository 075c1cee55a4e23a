package devopsagent

// This file holds the paging loop that the generated paginators
// (XPaginator in api_op_X.go) share. A paginator keeps its options and
// wraps a pager; what differs per operation, such as which members carry
// the tokens, it describes in a pagination value.

import (
	"context"
	"errors"

	"github.com/devopsagent-go/devopsagent/internal/useragent"
)

// pagination describes how one operation pages, for a client type C, an
// input type In and an output type Out.
type pagination[C, In, Out any] struct {
	// call sends one request; a method expression such as
	// ListServicesAPIClient.ListServices.
	call func(C, context.Context, *In, ...func(*Options)) (*Out, error)

	// inputToken and pageSize point at the input members that carry the
	// token and the page size; pageSize is nil when there is none.
	inputToken func(*In) **string
	pageSize   func(*In) **int32

	// outputToken reads the token of the next page from an output.
	outputToken func(*Out) *string
}

// pager holds the state of one walk through the pages: the caller's input,
// the token of the next page and whether the first page is still to come.
type pager[C, In, Out any] struct {
	pages     pagination[C, In, Out]
	client    C
	params    *In
	nextToken *string
	firstPage bool
}

// newPager returns a pager that starts at the token params (not nil)
// holds. It keeps params and copies it for every page, so that the
// caller's value is never changed.
func newPager[C, In, Out any](pages pagination[C, In, Out], client C,
	params *In,
) pager[C, In, Out] {
	return pager[C, In, Out]{
		pages:     pages,
		client:    client,
		params:    params,
		nextToken: *pages.inputToken(params),
		firstPage: true,
	}
}

// hasMorePages reports whether there is a page to fetch: always before the
// first page, then while the service returns a non-empty token.
func (p *pager[C, In, Out]) hasMorePages() bool {
	return p.firstPage || (p.nextToken != nil && len(*p.nextToken) != 0)
}

// nextPage fetches the next page, asking for at most limit items when limit
// is positive, and marks the call as a paginator's in the User-Agent header
// before optFns apply. It fails, sending nothing, when there are no more
// pages; the error text is the official client's. With
// stopOnDuplicateToken, a token equal to the one just sent ends the walk.
func (p *pager[C, In, Out]) nextPage(ctx context.Context, limit int32, stopOnDuplicateToken bool,
	optFns []func(*Options),
) (*Out, error) {
	if !p.hasMorePages() {
		return nil, errors.New("no more pages available")
	}

	params := p.pageInput(limit)
	optFns = append([]func(*Options){WithAPIOptions(useragent.Paginator)}, optFns...)
	result, err := p.pages.call(p.client, ctx, &params, optFns...)
	if err != nil {
		return nil, err
	}

	p.firstPage = false
	prev := p.nextToken
	p.nextToken = p.pages.outputToken(result)
	if stopOnDuplicateToken && prev != nil && p.nextToken != nil && *prev == *p.nextToken {
		p.nextToken = nil
	}
	return result, nil
}

// pageInput returns a copy of the caller's input that asks for the next
// page, with at most limit items (no page size when limit is not positive).
func (p *pager[C, In, Out]) pageInput(limit int32) In {
	params := *p.params
	*p.pages.inputToken(&params) = p.nextToken
	if p.pages.pageSize != nil {
		var size *int32
		if limit > 0 {
			size = &limit
		}
		*p.pages.pageSize(&params) = size
	}
	return params
}
