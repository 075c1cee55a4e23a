package devopsagentlocal

// This file builds clients of the project's devopsagent package that talk
// to a Server.

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/devopsagent-go/devopsagent"
)

// Client returns a client wired to the server: its static credentials,
// region us-east-1, BaseEndpoint set to the server's URL, and host
// prefixes disabled (a "cp."/"dp." prefixed loopback name would not
// resolve). optFns may change any option, for example the retryer.
func (s *Server) Client(optFns ...func(*devopsagent.Options)) *devopsagent.Client {
	return devopsagent.New(s.ClientOptions(), optFns...)
}

// ClientOptions returns the options Client uses, for callers that build
// the client themselves.
func (s *Server) ClientOptions() devopsagent.Options {
	return devopsagent.Options{
		Region:            Region,
		Credentials:       credentials.StaticCredentialsProvider{Value: s.creds},
		BaseEndpoint:      aws.String(s.url),
		DisableHostPrefix: true,
	}
}
