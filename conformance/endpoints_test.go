package conformance

// Both clients must resolve the same endpoint (host, scheme, path prefix)
// for the same configuration, and fail the same way where the rules say
// the configuration is invalid.

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/devopsagent"
	"github.com/aws/smithy-go/middleware"
	ours "github.com/devopsagent-go/devopsagent"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// endpointCase configures both clients the same way.
type endpointCase struct {
	name     string
	region   string
	base     string
	fips     bool
	noPrefix bool // disable the host prefix through the context

	wantURL string // scheme://host/path of GetService for "svc"; "" when both must fail
}

func (c endpointCase) officialOptions(o *official.Options) {
	o.Region = c.region
	if c.base != "" {
		o.BaseEndpoint = aws.String(c.base)
	}
	if c.fips {
		o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
	}
	if c.noPrefix {
		o.APIOptions = append(o.APIOptions, withoutHostPrefix)
	}
}

func (c endpointCase) ourOptions(o *ours.Options) {
	o.Region = c.region
	if c.base != "" {
		o.BaseEndpoint = aws.String(c.base)
	}
	if c.fips {
		o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled
	}
	if c.noPrefix {
		o.APIOptions = append(o.APIOptions, []func(*middleware.Stack) error{withoutHostPrefix}...)
	}
}

func endpointCases() []endpointCase {
	return []endpointCase{
		{name: "default", region: "us-east-1",
			wantURL: "https://cp.aidevops.us-east-1.api.aws/v1/services/svc"},
		{name: "fips", region: "us-east-1", fips: true,
			wantURL: "https://cp.aidevops-fips.us-east-1.api.aws/v1/services/svc"},
		{name: "china", region: "cn-northwest-1",
			wantURL: "https://cp.aidevops.cn-northwest-1.api.amazonwebservices.com.cn/v1/services/svc"},
		{name: "govcloud fips", region: "us-gov-west-1", fips: true,
			wantURL: "https://cp.aidevops-fips.us-gov-west-1.api.aws/v1/services/svc"},
		{name: "iso-e", region: "eu-isoe-west-1",
			wantURL: "https://cp.aidevops.eu-isoe-west-1.api.cloud-aws.adc-e.uk/v1/services/svc"},
		{name: "unknown region", region: "foo",
			wantURL: "https://cp.aidevops.foo.api.aws/v1/services/svc"},
		{name: "custom endpoint keeps the prefix", region: "us-east-1", base: "http://127.0.0.1:8080",
			wantURL: "http://cp.127.0.0.1:8080/v1/services/svc"},
		{name: "custom endpoint with path", region: "us-east-1", base: "https://example.com/base/",
			wantURL: "https://cp.example.com/base/v1/services/svc"},
		{name: "prefix disabled on the context", region: "us-east-1", base: "http://127.0.0.1:8080",
			noPrefix: true, wantURL: "http://127.0.0.1:8080/v1/services/svc"},
		{name: "fips pseudo-region suffix", region: "us-east-1-fips",
			wantURL: "https://cp.aidevops-fips.us-east-1.api.aws/v1/services/svc"},
		{name: "fips pseudo-region prefix", region: "fips-eu-west-1",
			wantURL: "https://cp.aidevops-fips.eu-west-1.api.aws/v1/services/svc"},
		{name: "fips with custom endpoint", region: "us-east-1", base: "https://example.com", fips: true},
		{name: "no region", region: ""},
	}
}

func TestEndpointsMatchOfficial(t *testing.T) {
	in := &ours.GetServiceInput{ServiceId: aws.String("svc")}
	op := operations["GetService"]

	for _, tc := range endpointCases() {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			orec, urec := newRecorder(), newRecorder()
			_, oerr := op.callOfficial(ctx, newOfficial(orec, tc.officialOptions), toOfficial(t, op, in))
			_, uerr := op.callOurs(ctx, newOurs(urec, tc.ourOptions), in)

			if tc.wantURL == "" {
				require.Error(t, oerr, "official client")
				require.Error(t, uerr, "our client")
				assertSameRuleError(t, oerr, uerr)
				assert.Empty(t, urec.all(), "nothing may be sent")
				return
			}

			require.NoError(t, oerr, "official client")
			require.NoError(t, uerr, "our client")
			assert.Equal(t, tc.wantURL, orec.only(t).req.URL.String(), "official")
			assert.Equal(t, tc.wantURL, urec.only(t).req.URL.String(), "ours")
			assertSignedIn(t, urec.only(t), tc.region)
		})
	}
}

// assertSameRuleError compares two endpoint rule failures word for word.
func assertSameRuleError(t *testing.T, theirs, mine error) {
	t.Helper()
	assert.True(t, strings.HasPrefix(theirs.Error(),
		"operation error DevOps Agent: GetService, failed to resolve service endpoint, "+
			"endpoint rule error, Invalid Configuration: "), "official: %v", theirs)
	assert.Equal(t, theirs.Error(), mine.Error())
}

// TestEndpointErrorText pins the text both clients give for the rule
// set's two error rules.
func TestEndpointErrorText(t *testing.T) {
	const prefix = "operation error DevOps Agent: GetService, failed to resolve service endpoint, " +
		"endpoint rule error, Invalid Configuration: "
	tests := []struct {
		config endpointCase
		want   string
	}{
		{endpointCase{}, prefix + "Missing Region"},
		{endpointCase{region: "us-east-1", base: "https://example.com", fips: true},
			prefix + "FIPS and custom endpoint are not supported"},
	}

	op := operations["GetService"]
	in := &ours.GetServiceInput{ServiceId: aws.String("svc")}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			_, oerr := op.callOfficial(context.Background(),
				newOfficial(newRecorder(), tt.config.officialOptions), toOfficial(t, op, in))
			_, uerr := op.callOurs(context.Background(), newOurs(newRecorder(), tt.config.ourOptions), in)

			assert.EqualError(t, oerr, tt.want)
			assert.EqualError(t, uerr, tt.want)
		})
	}
}

// TestDisableHostPrefixOption checks our extra option against what the
// context switch does in both clients.
func TestDisableHostPrefixOption(t *testing.T) {
	rec := newRecorder()
	_, err := newOurs(rec, func(o *ours.Options) {
		o.BaseEndpoint, o.DisableHostPrefix = aws.String("http://127.0.0.1:8080"), true
	}).GetService(context.Background(), &ours.GetServiceInput{ServiceId: aws.String("svc")})
	require.NoError(t, err)
	assert.Equal(t, "http://127.0.0.1:8080/v1/services/svc", rec.only(t).req.URL.String())
}
