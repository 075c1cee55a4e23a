package devopsagent

import (
	"context"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultEndpointResolverModelCases(t *testing.T) {
	// The endpoint tests of the service model (smithy.rules#endpointTests).
	const (
		errFIPS   = "endpoint rule error, Invalid Configuration: FIPS and custom endpoint are not supported"
		errRegion = "endpoint rule error, Invalid Configuration: Missing Region"
	)
	custom := aws.String("https://example.com")
	params := func(region string, fips bool) EndpointParameters {
		return EndpointParameters{Region: aws.String(region), UseFIPS: aws.Bool(fips)}
	}
	tests := []struct {
		name    string
		params  EndpointParameters
		want    string
		wantErr string
	}{
		{"custom endpoint", EndpointParameters{Endpoint: custom, UseFIPS: aws.Bool(false)},
			"https://example.com", ""},
		{"custom endpoint with FIPS", EndpointParameters{Endpoint: custom, UseFIPS: aws.Bool(true)},
			"", errFIPS},
		{"us-east-1 FIPS", params("us-east-1", true), "https://aidevops-fips.us-east-1.api.aws", ""},
		{"us-east-1", params("us-east-1", false), "https://aidevops.us-east-1.api.aws", ""},
		{"cn-northwest-1 FIPS", params("cn-northwest-1", true),
			"https://aidevops-fips.cn-northwest-1.api.amazonwebservices.com.cn", ""},
		{"cn-northwest-1", params("cn-northwest-1", false),
			"https://aidevops.cn-northwest-1.api.amazonwebservices.com.cn", ""},
		{"us-gov-west-1 FIPS", params("us-gov-west-1", true),
			"https://aidevops-fips.us-gov-west-1.api.aws", ""},
		{"us-gov-west-1", params("us-gov-west-1", false), "https://aidevops.us-gov-west-1.api.aws", ""},
		{"nothing", EndpointParameters{}, "", errRegion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resolver := NewDefaultEndpointResolverV2()
			got, err := resolver.ResolveEndpoint(context.Background(), tt.params)

			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.URI.String())
			assert.Empty(t, got.Headers)
		})
	}
}

func TestDefaultEndpointResolverPartitions(t *testing.T) {
	tests := []struct {
		region string
		want   string
	}{
		{"eu-west-1", "aidevops.eu-west-1.api.aws"},
		{"aws-global", "aidevops.aws-global.api.aws"},
		{"xx-newregion-9", "aidevops.xx-newregion-9.api.aws"},
		{"foo", "aidevops.foo.api.aws"},
		{"mx-central-2", "aidevops.mx-central-2.api.aws"},
		{"cn-north-1", "aidevops.cn-north-1.api.amazonwebservices.com.cn"},
		{"aws-cn-global", "aidevops.aws-cn-global.api.amazonwebservices.com.cn"},
		{"us-gov-east-1", "aidevops.us-gov-east-1.api.aws"},
		{"eusc-de-east-1", "aidevops.eusc-de-east-1.api.amazonwebservices.eu"},
		{"eusc-de-west-2", "aidevops.eusc-de-west-2.api.amazonwebservices.eu"},
		{"us-iso-east-1", "aidevops.us-iso-east-1.api.aws.ic.gov"},
		{"us-isob-east-1", "aidevops.us-isob-east-1.api.aws.scloud"},
		{"eu-isoe-west-1", "aidevops.eu-isoe-west-1.api.cloud-aws.adc-e.uk"},
		{"us-isof-south-1", "aidevops.us-isof-south-1.api.aws.hci.ic.gov"},
		{"aws-iso-f-global", "aidevops.aws-iso-f-global.api.aws.hci.ic.gov"},
	}
	for _, tt := range tests {
		t.Run(tt.region, func(t *testing.T) {
			got, err := NewDefaultEndpointResolverV2().ResolveEndpoint(context.Background(),
				EndpointParameters{Region: aws.String(tt.region)})
			require.NoError(t, err)
			assert.Equal(t, "https://"+tt.want, got.URI.String())

			fips, err := NewDefaultEndpointResolverV2().ResolveEndpoint(context.Background(),
				EndpointParameters{Region: aws.String(tt.region), UseFIPS: aws.Bool(true)})
			require.NoError(t, err)
			assert.Equal(t, "https://"+tt.want[:len("aidevops")]+"-fips"+tt.want[len("aidevops"):],
				fips.URI.String())
		})
	}
}

func TestPartitionTableListsOwnRegions(t *testing.T) {
	for _, p := range partitions {
		for _, region := range p.regions {
			assert.Equal(t, p.id, partitionFor(region).id, region)
		}
	}
}

func TestEndpointParametersDefaults(t *testing.T) {
	assert.Error(t, EndpointParameters{}.ValidateRequired())
	assert.NoError(t, EndpointParameters{}.WithDefaults().ValidateRequired())
	assert.Equal(t, aws.Bool(false), EndpointParameters{}.WithDefaults().UseFIPS)
	assert.Equal(t, aws.Bool(true), EndpointParameters{UseFIPS: aws.Bool(true)}.WithDefaults().UseFIPS)
}

func TestEndpointParametersFromOptions(t *testing.T) {
	tests := []struct {
		name    string
		options Options
		want    EndpointParameters
		wantErr string
	}{
		{"region", Options{Region: "us-west-2"},
			EndpointParameters{Region: aws.String("us-west-2"), UseFIPS: aws.Bool(false)}, ""},
		{"fips and endpoint", Options{
			BaseEndpoint:    aws.String("http://x"),
			EndpointOptions: EndpointResolverOptions{UseFIPSEndpoint: aws.FIPSEndpointStateEnabled},
		}, EndpointParameters{Endpoint: aws.String("http://x"), UseFIPS: aws.Bool(true)}, ""},
		{"fips disabled", Options{Region: "r", EndpointOptions: EndpointResolverOptions{
			UseFIPSEndpoint: aws.FIPSEndpointStateDisabled,
		}}, EndpointParameters{Region: aws.String("r"), UseFIPS: aws.Bool(false)}, ""},
		{"region not a host name", Options{Region: "us-east-1/evil"},
			EndpointParameters{}, `invalid region "us-east-1/evil": must be a host name`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := endpointParameters(tt.options)

			if tt.wantErr != "" {
				assert.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// sentURL sends PutWidget through a client that records the request
// instead of sending it, and returns the URL it would have gone to.
func sentURL(t *testing.T, input *putWidgetInput, optFns ...func(*Options)) (string, error) {
	t.Helper()
	var got string
	record := httpClientFunc(func(r *http.Request) (*http.Response, error) {
		got = r.URL.String()
		return jsonResponse(http.StatusOK, "{}"), nil
	})
	c := New(Options{Region: "us-east-1", Credentials: testCreds, HTTPClient: record}, optFns...)

	_, err := c.putWidget(context.Background(), input)
	return got, err
}

func TestEndpointAppliedToRequest(t *testing.T) {
	widget := &putWidgetInput{WidgetID: aws.String("a/b c"), ClientToken: aws.String("t")}
	const path = "/v1/widgets/a%2Fb%20c"
	const errPrefix = "failed to resolve service endpoint, endpoint rule error, Invalid Configuration: "
	fips := func(o *Options) { o.EndpointOptions.UseFIPSEndpoint = aws.FIPSEndpointStateEnabled }
	endpoint := func(url string) func(*Options) {
		return func(o *Options) { o.BaseEndpoint = aws.String(url) }
	}
	tests := []struct {
		name    string
		options []func(*Options)
		want    string
		wantErr string
	}{
		{"regional", nil, "https://dp.aidevops.us-east-1.api.aws" + path, ""},
		{"fips", []func(*Options){fips}, "https://dp.aidevops-fips.us-east-1.api.aws" + path, ""},
		{"custom endpoint keeps its path", []func(*Options){endpoint("http://127.0.0.1:8080/base/")},
			"http://dp.127.0.0.1:8080/base" + path, ""},
		{"custom endpoint with escaped path", []func(*Options){endpoint("https://h/p%2Fq")},
			"https://dp.h/p%2Fq" + path, ""},
		{"disable https", []func(*Options){func(o *Options) { o.EndpointOptions.DisableHTTPS = true }},
			"http://dp.aidevops.us-east-1.api.aws" + path, ""},
		{"custom resolver", []func(*Options){WithEndpointResolverV2(staticResolver("https://o.example/x"))},
			"https://dp.o.example/x" + path, ""},
		{"fips with custom endpoint", []func(*Options){fips, endpoint("https://example.com")},
			"", errPrefix + "FIPS and custom endpoint are not supported"},
		{"missing region", []func(*Options){func(o *Options) { o.Region = "" }},
			"", errPrefix + "Missing Region"},
		{"fips pseudo-region", []func(*Options){func(o *Options) { o.Region = "us-east-1-fips" }},
			"https://dp.aidevops-fips.us-east-1.api.aws" + path, ""},
		{"fips prefix pseudo-region", []func(*Options){func(o *Options) { o.Region = "fips-eu-west-1" }},
			"https://dp.aidevops-fips.eu-west-1.api.aws" + path, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sentURL(t, widget, tt.options...)

			if tt.wantErr != "" {
				assert.ErrorContains(t, err, tt.wantErr)
				assert.Empty(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestFIPSPseudoRegionSignsForItsName(t *testing.T) {
	got, err := sendWidget(t, func(o *Options) { o.Region = "fips-us-west-2" })
	require.NoError(t, err)

	assert.Equal(t, "dp.aidevops-fips.us-west-2.api.aws", got.req.URL.Host)
	assert.Contains(t, got.req.Header.Get("Authorization"), "/fips-us-west-2/aidevops/aws4_request")
}

func TestWithoutFIPS(t *testing.T) {
	tests := map[string]string{
		"us-east-1":      "us-east-1",
		"us-east-1-fips": "us-east-1",
		"fips-us-east-1": "us-east-1",
		"us-fips-east-1": "us-east-1",
		"fips-east":      "east",
		"fipsy":          "fipsy",
	}
	for region, want := range tests {
		assert.Equal(t, want, withoutFIPS(region), region)
	}
}

func TestBaseEndpointFixedAtNew(t *testing.T) {
	var sent []captured
	base := "https://a.example"
	c := New(Options{Region: "us-east-1", Credentials: testCreds, BaseEndpoint: &base,
		HTTPClient: captureClient(&sent)})
	call := func(optFns ...func(*Options)) {
		_, err := c.putWidget(context.Background(), &putWidgetInput{WidgetID: aws.String("w")},
			optFns...)
		require.NoError(t, err)
	}
	writeThrough := func(o *Options) { *o.BaseEndpoint = "https://d.example" }

	call()
	base = "https://b.example"
	call()
	call(func(*Options) {})
	*c.Options().BaseEndpoint = "https://c.example"
	call()
	call(func(*Options) {})
	call(writeThrough)
	call()
	call(func(*Options) {})

	hosts := make([]string, len(sent))
	for i, r := range sent {
		hosts[i] = r.req.URL.Hostname()
	}
	a, d := "dp.a.example", "dp.d.example"
	assert.Equal(t, []string{a, a, a, a, a, d, a, a}, hosts)
	assert.Equal(t, "https://a.example", aws.ToString(c.Options().BaseEndpoint))
}
