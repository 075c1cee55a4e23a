// Package useragent marks the calls that the generated helpers make on a
// caller's behalf, paginators and waiters, in the business metrics of the
// User-Agent header ("m/..."), as the official clients do. Each marker is a
// stack option for Options.APIOptions.
package useragent

import (
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go/middleware"
)

// Paginator marks a call made by a generated paginator's NextPage.
func Paginator(stack *middleware.Stack) error {
	return mark(stack, awsmiddleware.UserAgentFeaturePaginator)
}

// Waiter marks a call made by a generated waiter.
func Waiter(stack *middleware.Stack) error {
	return mark(stack, awsmiddleware.UserAgentFeatureWaiter)
}

// mark adds feature to the User-Agent middleware of stack. A stack without
// the SDK's User-Agent middleware (a caller removed it) is left as it is:
// adding one back would undo the caller's choice.
func mark(stack *middleware.Stack, feature awsmiddleware.UserAgentFeature) error {
	m, _ := stack.Build.Get((*awsmiddleware.RequestUserAgent)(nil).ID())
	if ua, ok := m.(*awsmiddleware.RequestUserAgent); ok {
		ua.AddUserAgentFeature(feature)
	}
	return nil
}
