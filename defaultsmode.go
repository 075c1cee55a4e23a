package devopsagent

// This file holds what Options.DefaultsMode changes, using the public
// aws/defaults package of aws-sdk-go-v2:
//
//	mode          connect / TLS handshake timeout   retry mode
//	standard      3.1s / 3.1s                       standard
//	in-region     1.1s / 1.1s                       standard
//	cross-region  3.1s / 3.1s                       standard
//	mobile        30s / 30s                         standard
//	auto          one of the above, see below
//	legacy, "",   awshttp defaults (30s / 10s)      standard
//	unknown
//
// The timeouts are set on the default HTTP client and on a caller's
// *awshttp.BuildableClient; any other HTTPClient is used untouched. The
// retry mode applies only when RetryMode and Retryer are unset. "auto"
// becomes mobile on iOS and Android, in-region or cross-region when
// RuntimeEnvironment names the region the program runs in, else
// standard.

import (
	"net"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/defaults"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
)

// resolveDefaultsMode records the concrete mode DefaultsMode stands for:
// the known modes in any case, "" as legacy, "auto" as the mode it picks.
func resolveDefaultsMode(o *Options) {
	var mode aws.DefaultsMode
	mode.SetFromString(string(o.DefaultsMode))
	if mode == aws.DefaultsModeAuto {
		mode = defaults.ResolveDefaultsModeAuto(o.Region, o.RuntimeEnvironment)
	}
	o.resolvedDefaultsMode = mode
}

// resolveHTTPClient gives a caller's *awshttp.BuildableClient the mode's
// timeouts. An unset client is filled later by fillDefaults.
func resolveHTTPClient(o *Options) {
	if buildable, ok := o.HTTPClient.(*awshttp.BuildableClient); ok {
		o.HTTPClient = modeHTTPClient(buildable, o.resolvedDefaultsMode)
	}
}

// modeHTTPClient returns client with the connect and TLS handshake
// timeouts of mode, or client itself when the mode sets none. The
// BuildableClient methods return a modified copy.
func modeHTTPClient(
	client *awshttp.BuildableClient, mode aws.DefaultsMode,
) *awshttp.BuildableClient {
	config, err := defaults.GetModeConfiguration(mode)
	if err != nil {
		return client
	}

	if timeout, ok := config.GetConnectTimeout(); ok {
		client = client.WithDialerOptions(func(d *net.Dialer) { d.Timeout = timeout })
	}
	if timeout, ok := config.GetTLSNegotiationTimeout(); ok {
		client = client.WithTransportOptions(func(t *http.Transport) {
			t.TLSHandshakeTimeout = timeout
		})
	}
	return client
}

// modeRetryMode returns the retry mode of mode, standard when it has
// none.
func modeRetryMode(mode aws.DefaultsMode) aws.RetryMode {
	config, err := defaults.GetModeConfiguration(mode)
	if err != nil || config.RetryMode == "" {
		return aws.RetryModeStandard
	}
	return config.RetryMode
}
