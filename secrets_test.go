package devopsagent

// Secrets in requests and responses of the real operations never reach a
// log line or an error's text. Every member the model marks sensitive is
// set to a distinctive secret by plantSecrets, from a list written down
// here from the model (so a missing sensitive trait in the generated
// schemas fails these tests too), and the tests look for that secret.

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithy "github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/types"
)

// secretMark starts every planted secret.
const secretMark = "S3CR3T-b7e1"

// logAllModes turns on every kind of client log.
const logAllModes = aws.LogRequest | aws.LogRequestWithBody | aws.LogResponse |
	aws.LogResponseWithBody | aws.LogRetries | aws.LogSigning

// sensitiveFields are the Go fields, as "Type.Field", whose values the
// model marks sensitive: the member's target is @sensitive (for maps,
// the target of the map's values). Everything below such a field is
// secret.
var sensitiveFields = map[string]bool{
	"DatadogServiceDetails.Description":                          true,
	"DynatraceServiceDetails.AuthorizationConfig":                true, // a sensitive union
	"GenericWebhook.ApiKey":                                      true,
	"GenericWebhook.WebhookSecret":                               true,
	"GitLabDetails.TokenValue":                                   true,
	"GrafanaServiceDetails.Description":                          true,
	"MCPServerAPIKeyConfig.ApiKeyValue":                          true,
	"MCPServerBearerTokenConfig.TokenValue":                      true,
	"MCPServerDetails.Description":                               true,
	"MCPServerOAuth3LOConfig.ClientId":                           true,
	"MCPServerOAuth3LOConfig.ClientSecret":                       true,
	"MCPServerOAuth3LOConfig.ExchangeParameters":                 true,
	"MCPServerOAuthClientCredentialsConfig.ClientId":             true,
	"MCPServerOAuthClientCredentialsConfig.ClientSecret":         true,
	"MCPServerOAuthClientCredentialsConfig.ExchangeParameters":   true,
	"MCPServerSigV4AuthorizationConfig.CustomHeaders":            true,
	"MCPServerSigV4ServiceDetails.Description":                   true,
	"NewRelicApiKeyConfig.ApiKey":                                true,
	"PagerDutyConfiguration.CustomerEmail":                       true,
	"PagerDutyOAuthClientCredentialsConfig.ClientId":             true,
	"PagerDutyOAuthClientCredentialsConfig.ClientSecret":         true,
	"PagerDutyOAuthClientCredentialsConfig.ExchangeParameters":   true,
	"RegisteredMCPServerDetails.Description":                     true,
	"RegisteredMCPServerSigV4Details.CustomHeaders":              true,
	"RegisteredMCPServerSigV4Details.Description":                true,
	"RegisteredNewRelicDetails.Description":                      true,
	"RegisteredRemoteAgentDetails.Description":                   true,
	"RegisteredRemoteAgentSigV4Details.Description":              true,
	"RemoteAgentAPIKeyConfig.ApiKeyValue":                        true,
	"RemoteAgentBearerTokenConfig.TokenValue":                    true,
	"RemoteAgentOAuthClientCredentialsConfig.ClientId":           true,
	"RemoteAgentOAuthClientCredentialsConfig.ClientSecret":       true,
	"RemoteAgentOAuthClientCredentialsConfig.ExchangeParameters": true,
	"RemoteAgentServiceDetails.Description":                      true,
	"RemoteAgentSigV4ServiceDetails.Description":                 true,
	"ServiceNowOAuthClientCredentialsConfig.ClientId":            true,
	"ServiceNowOAuthClientCredentialsConfig.ClientSecret":        true,
	"ServiceNowOAuthClientCredentialsConfig.ExchangeParameters":  true,
}

// plantSecrets sets every string below a sensitive field of the value v
// points to (map keys excepted) to secretMark and a number, and returns
// how many it set.
func plantSecrets(v any) int {
	var p planter
	p.walk(reflect.ValueOf(v), false)
	return p.count
}

type planter struct{ count int }

func (p *planter) walk(v reflect.Value, secret bool) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			p.walk(v.Elem(), secret)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			field := v.Type().Field(i)
			if field.IsExported() {
				name := v.Type().Name() + "." + field.Name
				p.walk(v.Field(i), secret || sensitiveFields[name])
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			p.walk(v.Index(i), secret)
		}
	case reflect.Map:
		for _, key := range v.MapKeys() {
			elem := reflect.New(v.Type().Elem()).Elem()
			elem.Set(v.MapIndex(key))
			p.walk(elem, secret)
			v.SetMapIndex(key, elem)
		}
	case reflect.String:
		if secret && v.CanSet() {
			p.count++
			v.SetString(fmt.Sprintf("%s-%d", secretMark, p.count))
		}
	}
}

// secretCase is a call of a real operation whose input, response or
// both hold planted secrets.
type secretCase struct {
	name   string
	op     *operation
	input  smithy.Serializable
	output smithy.Serializable // the response the service sends; nil is {}

	inSecrets, outSecrets int
}

// secretCases lists every way a secret travels: RegisterService with each
// service details member and each authorization member, the PagerDuty
// e-mail and the webhook secrets of AssociateService and
// UpdateAssociation, and the descriptions and custom headers GetService
// and ListServices return. Cases that carry no secret are left out.
func secretCases() []secretCase {
	var cases []secretCase
	add := func(c secretCase) {
		c.inSecrets, c.outSecrets = plantSecrets(c.input), plantSecrets(c.output)
		if c.inSecrets+c.outSecrets > 0 {
			cases = append(cases, c)
		}
	}

	for _, d := range registerServiceDetails() {
		add(secretCase{name: "RegisterService/" + memberName(d), op: opRegisterService,
			input: registerServiceInput(d)})
	}

	for _, op := range []*operation{opAssociateService, opUpdateAssociation} {
		add(secretCase{name: op.name + "/pagerduty", op: op,
			input: associationInput(op), output: associationOutput(op)})
	}

	for _, m := range additionalServiceDetailsMembers() {
		service := filled[types.RegisteredService]()
		service.AdditionalServiceDetails = m
		add(secretCase{name: "GetService/" + memberName(m), op: opGetService,
			input: filled[GetServiceInput](), output: &GetServiceOutput{Service: service}})
	}
	add(secretCase{name: "ListServices/all members", op: opListServices,
		input: filled[ListServicesInput](), output: &ListServicesOutput{Services: allServices()}})
	return cases
}

// registerServiceDetails returns one filled ServiceDetails per member of
// each authorization union (in the details that authConfigCases puts it
// in), and one per other service details member.
func registerServiceDetails() []types.ServiceDetails {
	var details []types.ServiceDetails
	withAuth := map[reflect.Type]bool{}
	for _, a := range authConfigCases() {
		fill(a.details) // the members around the authorization union
		details = append(details, a.details)
		withAuth[reflect.TypeOf(a.details)] = true
	}
	for _, d := range serviceDetailsMembers() {
		switch d := d.(type) {
		case *types.ServiceDetailsMemberMcpserversplunk:
			d.Value.AuthorizationConfig = filled[types.MCPServerAuthorizationConfigMemberApiKey]()
		case *types.ServiceDetailsMemberMcpservergrafana:
			d.Value.AuthorizationConfig = filled[types.MCPServerAuthorizationConfigMemberBearerToken]()
		}
		if !withAuth[reflect.TypeOf(d)] {
			details = append(details, d)
		}
	}
	return details
}

// memberName returns the name of a union member's Go type.
func memberName(member any) string {
	return reflect.TypeOf(member).Elem().Name()
}

// registerServiceInput returns a filled RegisterServiceInput with details.
func registerServiceInput(details types.ServiceDetails) *RegisterServiceInput {
	in := filled[RegisterServiceInput]()
	in.Service = types.PostRegisterServiceSupportedServiceMcpServer
	in.ServiceDetails = details
	return in
}

// pagerDuty is a filled PagerDuty association configuration.
func pagerDuty() *types.ServiceConfigurationMemberPagerduty {
	return filled[types.ServiceConfigurationMemberPagerduty]()
}

// associationInput returns a filled input of AssociateService or
// UpdateAssociation with a PagerDuty configuration.
func associationInput(op *operation) smithy.Serializable {
	if op == opAssociateService {
		in := filled[AssociateServiceInput]()
		in.Configuration = pagerDuty()
		return in
	}
	in := filled[UpdateAssociationInput]()
	in.Configuration = pagerDuty()
	return in
}

// associationOutput returns a filled output of AssociateService or
// UpdateAssociation with a PagerDuty configuration and a webhook.
func associationOutput(op *operation) smithy.Serializable {
	association := filled[types.Association]()
	association.Configuration = pagerDuty()
	webhook := filled[types.GenericWebhook]()
	if op == opAssociateService {
		return &AssociateServiceOutput{Association: association, Webhook: webhook}
	}
	return &UpdateAssociationOutput{Association: association, Webhook: webhook}
}

// allServices returns one filled RegisteredService per member of the
// AdditionalServiceDetails union.
func allServices() []types.RegisteredService {
	var services []types.RegisteredService
	for _, m := range additionalServiceDetailsMembers() {
		s := filled[types.RegisteredService]()
		s.AdditionalServiceDetails = m
		services = append(services, *s)
	}
	return services
}

func TestSecretsStayOutOfLogs(t *testing.T) {
	for _, tc := range secretCases() {
		t.Run(tc.name, func(t *testing.T) {
			body := "{}"
			if tc.output != nil {
				body = string(encodeOutput(t, tc.op.schema.Output, tc.output))
			}
			f := newFakeService(t,
				reply{Status: http.StatusInternalServerError, Body: `{"message":"try again"}`},
				reply{Status: http.StatusOK, Body: body})
			logs := &logRecorder{}
			c := f.apiClient(func(o *Options) { o.Logger = logs; o.ClientLogMode = logAllModes })

			result, _, err := c.invokeOperation(context.Background(), tc.op, tc.input, nil)
			require.NoError(t, err)

			got := f.received()
			require.Len(t, got, 2)
			if tc.inSecrets > 0 {
				assert.Contains(t, string(got[1].Body), secretMark, "the service gets the secrets")
			}
			if tc.outSecrets > 0 {
				decoded := encodeOutput(t, tc.op.schema.Output, result.(smithy.Serializable))
				assert.Contains(t, string(decoded), secretMark, "the caller gets the secrets")
			}
			text := logs.text()
			assert.NotContains(t, text, secretMark)
			assert.Contains(t, text, `"***"`, "bodies are logged, redacted")
			assert.Contains(t, text, "retrying request DevOps Agent/"+tc.op.name)
			assert.Contains(t, text, "CANONICAL STRING")
		})
	}
}

func TestSecretsStayOutOfValidationErrors(t *testing.T) {
	noKeyName := filled[types.MCPServerAuthorizationConfigMemberApiKey]()
	noKeyName.Value.ApiKeyName = nil
	mcp := filled[types.ServiceDetailsMemberMcpserver]()
	mcp.Value.AuthorizationConfig = noKeyName

	noServices := pagerDuty()
	noServices.Value.Services = nil
	associate := filled[AssociateServiceInput]()
	associate.Configuration = noServices

	tests := []struct {
		name      string
		op        *operation
		input     smithy.Serializable
		wantField string
	}{
		{"API key without its name", opRegisterService, registerServiceInput(mcp),
			"RegisterServiceInput.ServiceDetails[mcpserver].AuthorizationConfig[apiKey].ApiKeyName"},
		{"PagerDuty e-mail without services", opAssociateService, associate,
			"AssociateServiceInput.Configuration[pagerduty].Services"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Positive(t, plantSecrets(tt.input))
			f := newFakeService(t)

			_, _, err := f.apiClient().invokeOperation(context.Background(), tt.op, tt.input, nil)

			var invalid smithy.InvalidParamsError
			require.ErrorAs(t, err, &invalid)
			assert.ErrorContains(t, err, tt.wantField)
			assert.NotContains(t, err.Error(), secretMark)
			assert.Empty(t, f.received())
		})
	}
}

func TestSecretsStayOutOfServiceErrors(t *testing.T) {
	tests := []struct {
		name  string
		reply reply
	}{
		{"modeled error", reply{Status: http.StatusBadRequest,
			Body: `{"__type":"ValidationException","message":"apiKeyValue is invalid",` +
				`"fieldList":[{"path":"serviceDetails.mcpserver.authorizationConfig",` +
				`"message":"bad"}]}`}},
		{"unmodeled error", reply{Status: http.StatusConflict,
			Header: map[string]string{"X-Amzn-ErrorType": "Conflict"}, Body: `{"message":"no"}`}},
		{"retries exhausted", reply{Status: http.StatusServiceUnavailable,
			Body: `<html>down</html>`}},
	}
	key := filled[types.MCPServerAuthorizationConfigMemberApiKey]()
	mcp := filled[types.ServiceDetailsMemberMcpserver]()
	mcp.Value.AuthorizationConfig = key
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := registerServiceInput(mcp)
			require.Positive(t, plantSecrets(input))
			f := newFakeService(t, tt.reply)

			_, _, err := f.apiClient().invokeOperation(context.Background(), opRegisterService,
				input, nil)

			var apiErr smithy.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.NotContains(t, err.Error(), secretMark)
			assert.Contains(t, string(f.received()[0].Body), secretMark)
		})
	}
}

// TestSecretsStayOutOfDecodingErrors sends responses whose sensitive
// members hold values of the wrong JSON type or are cut short: the
// decoding error names the member but not its value.
func TestSecretsStayOutOfDecodingErrors(t *testing.T) {
	const numeric = "31415926535897"
	tests := []struct {
		name string
		body string
	}{
		{"number for a string", `{"webhook":{"webhookSecret":` + numeric + `}}`},
		{"object for a string", `{"webhook":{"apiKey":{"k":"` + secretMark + `"}}}`},
		{"bad escape", `{"webhook":{"apiKey":"` + secretMark + `\q"}}`},
		{"cut short", `{"webhook":{"apiKey":"` + secretMark},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeService(t, reply{Status: http.StatusOK, Body: tt.body})
			input := associationInput(opAssociateService)

			_, _, err := f.apiClient().invokeOperation(context.Background(), opAssociateService,
				input, nil)

			var deserErr *smithy.DeserializationError
			require.ErrorAs(t, err, &deserErr)
			assert.NotContains(t, err.Error(), secretMark)
			assert.NotContains(t, err.Error(), numeric)
		})
	}
}
