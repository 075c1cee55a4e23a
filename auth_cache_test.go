package devopsagent

// This file tests that what the client caches for calls without
// functional options (the default auth options, the prepared call
// options) is never changed by a call that overrides signing.

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithy "github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCachedAuthSurvivesOverrides(t *testing.T) {
	withEndpointName := WithEndpointResolverV2(endpointWithSigner("https://h.example",
		func(p *smithy.Properties) { smithyhttp.SetSigV4SigningName(p, "fromendpoint") }))
	calls := []struct {
		name      string
		options   []func(*Options)
		wantScope string
	}{
		{"plain", nil, "/us-east-1/aidevops/"},
		{"endpoint signer properties", []func(*Options){withEndpointName}, "/us-east-1/fromendpoint/"},
		{"plain after endpoint", nil, "/us-east-1/aidevops/"},
		{"signing region", []func(*Options){WithSigV4SigningRegion("eu-west-1")},
			"/eu-west-1/aidevops/"},
		{"other region", []func(*Options){func(o *Options) { o.Region = "ap-south-1" }},
			"/ap-south-1/aidevops/"},
		{"plain again", nil, "/us-east-1/aidevops/"},
	}

	var sent []captured
	c := New(Options{Region: "us-east-1", Credentials: testCreds, HTTPClient: captureClient(&sent)},
		WithEndpointResolverV2(staticResolver("https://h.example")))
	for i, call := range calls {
		_, err := c.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")},
			call.options...)
		require.NoError(t, err, call.name)
		require.Len(t, sent, i+1, call.name)
		assert.Contains(t, sent[i].req.Header.Get("Authorization"), call.wantScope, call.name)
	}
}

func TestDefaultAuthOptionsAreFresh(t *testing.T) {
	r := &defaultAuthSchemeResolver{}
	cached := r.cachedOptions("us-east-1")

	params := &AuthResolverParameters{Region: "us-east-1"}
	got, err := r.ResolveAuthSchemes(context.Background(), params)
	require.NoError(t, err)
	require.Equal(t, cached, got)
	smithyhttp.SetSigV4SigningName(&got[0].SignerProperties, "changed")

	name, _ := smithyhttp.GetSigV4SigningName(&r.cachedOptions("us-east-1")[0].SignerProperties)
	assert.Equal(t, signingName, name, "a resolved slice is the caller's to change")
	region, _ := smithyhttp.GetSigV4SigningRegion(&r.cachedOptions("eu-west-1")[0].SignerProperties)
	assert.Equal(t, "eu-west-1", region)
}
