package devopsagent

// This file reads and writes the signing name and region overrides a
// call's context may carry. They are aws-sdk-go-v2's context values,
// which its clients still honour although they are deprecated: code that
// sets them in its own middleware, as older SDK releases advised, keeps
// working with this client.
//
//lint:file-ignore SA1019 the deprecated context values are honoured on purpose

import (
	"context"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
)

// withSigningNameOverride returns ctx with the SigV4 signing name set.
func withSigningNameOverride(ctx context.Context, name string) context.Context {
	return awsmiddleware.SetSigningName(ctx, name)
}

// withSigningRegionOverride returns ctx with the SigV4 signing region
// set.
func withSigningRegionOverride(ctx context.Context, region string) context.Context {
	return awsmiddleware.SetSigningRegion(ctx, region)
}

// signingNameOverride returns the signing name set on ctx, or "".
func signingNameOverride(ctx context.Context) string {
	return awsmiddleware.GetSigningName(ctx)
}

// signingRegionOverride returns the signing region set on ctx, or "".
func signingRegionOverride(ctx context.Context) string {
	return awsmiddleware.GetSigningRegion(ctx)
}
