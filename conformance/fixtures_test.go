package conformance

// Canned response bodies: one JSON value for every union member and every
// enum value both clients know, assembled into operation outputs.

import (
	"encoding/json"
	"fmt"
	"strings"
)

// obj renders a JSON object from alternating keys and raw JSON values, in
// the given order (no map: the order is part of the fixture).
func obj(kv ...string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q:%s", kv[i], kv[i+1])
	}
	b.WriteByte('}')
	return b.String()
}

// str renders a JSON string.
func str(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err) // a string always marshals
	}
	return string(b)
}

// arr renders a JSON array of raw JSON values.
func arr(items ...string) string { return "[" + strings.Join(items, ",") + "]" }

const (
	roleArn    = "arn:aws:iam::123456789012:role/conformance"
	kmsKeyArn  = "arn:aws:kms:us-east-1:123456789012:key/01234567-89ab-cdef-0123-456789abcdef"
	tsMillis   = "2026-01-02T03:04:05.123Z"
	tsSeconds  = "2026-02-03T04:05:06Z"
	docJSON    = `{"list":[1,2.5,-3e2,"s",true,null,{"nested":{}}],"empty":[],"int":42,"neg":-7}`
	sampleText = "quote\" back\\ nl\n tab\t <>&/ é 日本 \u2028"
)

// serviceConfigurations holds a fully populated JSON value for each
// ServiceConfiguration member both clients know, keyed by member name.
var serviceConfigurations = map[string]string{
	"sourceAws": obj("accountId", str("123456789012"), "accountType", str("source"),
		"assumableRoleArn", str(roleArn), "externalId", str("external-1")),
	"aws": obj("assumableRoleArn", str(roleArn), "accountId", str("210987654321"),
		"accountType", str("monitor")),
	"github": obj("repoName", str("repo"), "repoId", str("42"), "owner", str("octo"),
		"ownerType", str("organization"), "instanceIdentifier", str("ghe-1")),
	"slack": obj("workspaceId", str("T0123ABC"), "workspaceName", str("ws"),
		"transmissionTarget", obj(
			"opsOncallTarget", obj("channelName", str("oncall"), "channelId", str("C0123456")),
			"opsSRETarget", obj("channelId", str("G0123456"), "channelName", str("sre")))),
	"dynatrace":         obj("envId", str("env-1"), "resources", arr(str("r1"), str("r2"))),
	"servicenow":        obj("instanceId", str("inst"), "authScopes", arr(str("a"), str("b"))),
	"mcpservernewrelic": obj("accountId", str("1234"), "endpoint", str("https://nr.example.com/mcp")),
	"mcpserverdatadog":  obj(),
	"mcpserver":         obj("tools", arr(str("t1"), str("t2"))),
	"gitlab": obj("projectId", str("7"), "projectPath", str("group/project"),
		"instanceIdentifier", str("gl-1")),
	"mcpserversplunk": obj(),
	"eventChannel":    obj(),
	"azure":           obj("subscriptionId", str("sub-1")),
	"azuredevops": obj("organizationName", str("org"), "projectId", str("p-1"),
		"projectName", str("project")),
	"mcpservergrafana": obj("endpoint", str("https://grafana.example.com"),
		"organizationId", str("12"), "tools", arr(str("query"))),
	"pagerduty": obj("services", arr(str("PSVC1"), str("PSVC2")),
		"customerEmail", str("ops@example.com")),
	"mcpserversigv4": obj("tools", arr(str("sig"))),
}

// additionalServiceDetails holds a JSON value for each
// AdditionalServiceDetails member both clients know. The three members
// sharing RegisteredMCPServerDetails cycle through the authorization
// methods so every MCPServerAuthorizationMethod value is decoded.
var additionalServiceDetails = map[string]string{
	"github": obj("owner", str("octo"), "ownerType", str("user"), "targetUrl", str("https://github.example.com")),
	"slack":  obj("teamId", str("T1"), "teamName", str("team")),
	"mcpserverdatadog": obj("name", str("dd"), "endpoint", str("https://dd.example.com"),
		"authorizationMethod", str("oauth-client-credentials"), "description", str("datadog"),
		"apiKeyHeader", str("X-Api-Key")),
	"mcpserver": obj("name", str("mcp"), "endpoint", str("https://mcp.example.com"),
		"authorizationMethod", str("oauth-3lo")),
	"servicenow": obj("instanceUrl", str("https://acme.service-now.com")),
	"gitlab": obj("targetUrl", str("https://gitlab.example.com"), "tokenType", str("group"),
		"groupId", str("g-1")),
	"mcpserversplunk": obj("name", str("splunk"), "endpoint", str("https://splunk.example.com"),
		"authorizationMethod", str("api-key"), "description", str(sampleText)),
	"mcpservernewrelic": obj("accountId", str("1234"), "region", str("EU"), "description", str("nr")),
	"azuredevops":       obj("organizationName", str("org")),
	"azureidentity": obj("tenantId", str("01234567-89ab-cdef-0123-456789abcdef"),
		"clientId", str("fedcba98-7654-3210-fedc-ba9876543210"),
		"webIdentityRoleArn", str(roleArn), "webIdentityTokenAudiences", arr(str("aud1"), str("aud2"))),
	"mcpservergrafana": obj("endpoint", str("https://grafana.example.com"),
		"authorizationMethod", str("bearer-token")),
	"pagerduty": obj("scopes", arr(str("read"), str("write"))),
	"mcpserversigv4": obj("name", str("sig"), "endpoint", str("https://sig.example.com"),
		"description", str("d"), "region", str("us-west-2"), "service", str("execute-api"),
		"roleArn", str(roleArn), "customHeaders", obj("X-One", str("1"), "X-Two", str("2"))),
}

// association renders an Association with every member set.
func association(member, config, status string) string {
	return obj(
		"agentSpaceId", str("space-1"),
		"createdAt", str(tsMillis),
		"updatedAt", str(tsSeconds),
		"status", str(status),
		"associationId", str("assoc-1"),
		"serviceId", str("svc-1"),
		"configuration", obj(member, config),
		"unknownMember", obj("ignored", "true"),
	)
}

// webhook renders a GenericWebhook with every member set.
func webhook(kind string) string {
	return obj("webhookUrl", str("https://hooks.example.com/x"), "webhookId", str("wh-1"),
		"webhookType", str(kind), "webhookSecret", str("secret"), "apiKey", str("key"))
}

// task renders a Task with every member set.
func task(taskType, priority, status string) string {
	return obj(
		"agentSpaceId", str("space-1"),
		"taskId", str("task-1"),
		"executionId", str("exec-1"),
		"title", str(sampleText),
		"description", str("description"),
		"reference", obj("system", str("jira"), "title", str("ticket"), "referenceId", str("ref-1"),
			"referenceUrl", str("https://jira.example.com/ref-1"), "associationId", str("assoc-1")),
		"taskType", str(taskType),
		"priority", str(priority),
		"status", str(status),
		"createdAt", str(tsMillis),
		"updatedAt", str(tsSeconds),
		"version", "3",
		"supportMetadata", docJSON,
		"metadata", `{"k":"v","n":[{"x":null}]}`,
		"primaryTaskId", str("task-0"),
		"statusReason", str("because"),
		"hasLinkedTasks", "true",
	)
}

// registeredService renders a RegisteredService with every member set.
func registeredService(serviceType, member, details string) string {
	return obj(
		"serviceId", str("svc-1"),
		"serviceType", str(serviceType),
		"name", str("service name"),
		"accessibleResources", arr(docJSON, `"plain"`, "12", `[1,{"a":"b"}]`),
		"additionalServiceDetails", obj(member, details),
		"kmsKeyArn", str(kmsKeyArn),
		"privateConnectionName", str("pc-1"),
	)
}
