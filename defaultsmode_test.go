package devopsagent

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// timeouts returns the connect and TLS handshake timeouts of a
// BuildableClient.
func timeouts(t *testing.T, c HTTPClient) (connect, tls time.Duration) {
	t.Helper()
	buildable, ok := c.(*awshttp.BuildableClient)
	require.True(t, ok, "HTTPClient is %T", c)
	return buildable.GetDialer().Timeout, buildable.GetTransport().TLSHandshakeTimeout
}

func TestDefaultsMode(t *testing.T) {
	const ms = time.Millisecond
	lambdaIn := func(region string) aws.RuntimeEnvironment {
		return aws.RuntimeEnvironment{EnvironmentIdentifier: "AWS_Lambda_go1.x", Region: region}
	}
	tests := []struct {
		name        string
		mode        aws.DefaultsMode
		env         aws.RuntimeEnvironment
		wantMode    aws.DefaultsMode
		wantConnect time.Duration
		wantTLS     time.Duration
	}{
		{"unset", "", aws.RuntimeEnvironment{}, aws.DefaultsModeLegacy,
			30 * time.Second, 10 * time.Second},
		{"unknown", "fast", aws.RuntimeEnvironment{}, "fast", 30 * time.Second, 10 * time.Second},
		{"legacy", aws.DefaultsModeLegacy, aws.RuntimeEnvironment{}, aws.DefaultsModeLegacy,
			30 * time.Second, 10 * time.Second},
		{"standard", aws.DefaultsModeStandard, aws.RuntimeEnvironment{}, aws.DefaultsModeStandard,
			3100 * ms, 3100 * ms},
		{"in-region", aws.DefaultsModeInRegion, aws.RuntimeEnvironment{}, aws.DefaultsModeInRegion,
			1100 * ms, 1100 * ms},
		{"in-region, any case", "In-Region", aws.RuntimeEnvironment{}, aws.DefaultsModeInRegion,
			1100 * ms, 1100 * ms},
		{"cross-region", aws.DefaultsModeCrossRegion, aws.RuntimeEnvironment{},
			aws.DefaultsModeCrossRegion, 3100 * ms, 3100 * ms},
		{"mobile", aws.DefaultsModeMobile, aws.RuntimeEnvironment{}, aws.DefaultsModeMobile,
			30 * time.Second, 30 * time.Second},
		{"auto in the client's region", aws.DefaultsModeAuto, lambdaIn("us-east-1"),
			aws.DefaultsModeInRegion, 1100 * ms, 1100 * ms},
		{"auto in another region", aws.DefaultsModeAuto, lambdaIn("eu-west-1"),
			aws.DefaultsModeCrossRegion, 3100 * ms, 3100 * ms},
		{"auto from instance metadata", aws.DefaultsModeAuto,
			aws.RuntimeEnvironment{EC2InstanceMetadataRegion: "us-east-1"},
			aws.DefaultsModeInRegion, 1100 * ms, 1100 * ms},
		{"auto without environment", aws.DefaultsModeAuto, aws.RuntimeEnvironment{},
			aws.DefaultsModeStandard, 3100 * ms, 3100 * ms},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := New(Options{Region: "us-east-1", DefaultsMode: tt.mode, RuntimeEnvironment: tt.env}).
				Options()

			assert.Equal(t, tt.wantMode, o.resolvedDefaultsMode)
			connect, tls := timeouts(t, o.HTTPClient)
			assert.Equal(t, tt.wantConnect, connect)
			assert.Equal(t, tt.wantTLS, tls)
			assert.Equal(t, aws.RetryModeStandard, o.RetryMode)
			assert.Equal(t, tt.mode, o.DefaultsMode, "the field is kept as set")
		})
	}
}

func TestDefaultsModeHTTPClients(t *testing.T) {
	mine := awshttp.NewBuildableClient().WithTimeout(7 * time.Second)
	frozen := mine.Freeze()

	withMine := New(Options{DefaultsMode: aws.DefaultsModeInRegion, HTTPClient: mine}).Options()
	connect, tls := timeouts(t, withMine.HTTPClient)
	assert.Equal(t, 1100*time.Millisecond, connect, "a caller's BuildableClient gets the mode")
	assert.Equal(t, 1100*time.Millisecond, tls)
	assert.Equal(t, 7*time.Second, withMine.HTTPClient.(*awshttp.BuildableClient).GetTimeout())
	connect, _ = timeouts(t, mine)
	assert.Equal(t, 30*time.Second, connect, "the caller's value is not changed")

	withFrozen := New(Options{DefaultsMode: aws.DefaultsModeInRegion, HTTPClient: frozen}).Options()
	assert.Same(t, frozen, withFrozen.HTTPClient, "other clients are used as they are")
}

func TestDefaultsModePerCall(t *testing.T) {
	c := New(Options{DefaultsMode: aws.DefaultsModeInRegion})

	o := c.callOptions([]func(*Options){func(o *Options) {
		o.HTTPClient = nil
		o.DefaultsMode = aws.DefaultsModeMobile
	}})

	connect, _ := timeouts(t, o.HTTPClient)
	assert.Equal(t, 1100*time.Millisecond, connect,
		"a cleared client gets the client's mode again; a call cannot change the mode")
}
