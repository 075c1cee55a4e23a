package conformance

// The same response bytes, decoded by both clients, must give equal
// normalised trees.

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	official "github.com/aws/aws-sdk-go-v2/service/devopsagent"
	ours "github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/conformance/internal/mirror"
	"github.com/devopsagent-go/devopsagent/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// minimalInputs are valid inputs for each shared operation, used where
// only the response matters.
func minimalInputs() map[string]any {
	space, id := aws.String("space-1"), aws.String("id-1")
	return map[string]any{
		"AssociateService": &ours.AssociateServiceInput{AgentSpaceId: space, ServiceId: id,
			Configuration: &types.ServiceConfigurationMemberEventChannel{}},
		"CreateBacklogTask": &ours.CreateBacklogTaskInput{AgentSpaceId: space, Title: id,
			TaskType: types.TaskTypeInvestigation, Priority: types.PriorityLow},
		"GetAssociation":   &ours.GetAssociationInput{AgentSpaceId: space, AssociationId: id},
		"GetBacklogTask":   &ours.GetBacklogTaskInput{AgentSpaceId: space, TaskId: id},
		"GetService":       &ours.GetServiceInput{ServiceId: id},
		"ListAssociations": &ours.ListAssociationsInput{AgentSpaceId: space},
		"ListBacklogTasks": &ours.ListBacklogTasksInput{AgentSpaceId: space},
		"ListServices":     &ours.ListServicesInput{},
		"RegisterService": &ours.RegisterServiceInput{
			Service:        types.PostRegisterServiceSupportedServiceEventchannel,
			ServiceDetails: &types.ServiceDetailsMemberEventChannel{}},
		"UpdateAssociation": &ours.UpdateAssociationInput{AgentSpaceId: space, AssociationId: id,
			Configuration: &types.ServiceConfigurationMemberEventChannel{}},
		"UpdateBacklogTask": &ours.UpdateBacklogTaskInput{AgentSpaceId: space, TaskId: id},
	}
}

// responseCase is one canned success response for one operation.
type responseCase struct {
	name   string
	op     string
	status int
	body   string
}

// cycle returns values[i % len(values)].
func cycle(values []string, i int) string { return values[i%len(values)] }

func associationResponses(official enumValues) []responseCase {
	var cases []responseCase
	statuses := official["ValidationStatus"]
	hooks := official["WebhookType"]

	var all []string
	for i, member := range sortedNames(serviceConfigurations) {
		a := association(member, serviceConfigurations[member], cycle(statuses, i))
		all = append(all, a)
		withHook := obj("association", a, "webhook", webhook(cycle(hooks, i)))
		cases = append(cases,
			responseCase{name: member, op: "AssociateService", status: 201, body: withHook},
			responseCase{name: member, op: "UpdateAssociation", status: 200, body: withHook},
			responseCase{name: member, op: "GetAssociation", status: 200, body: obj("association", a)},
		)
	}

	return append(cases,
		responseCase{name: "every member", op: "ListAssociations", status: 200,
			body: obj("nextToken", str("next"), "associations", arr(all...))},
		responseCase{name: "empty list", op: "ListAssociations", status: 200,
			body: obj("associations", arr())},
	)
}

func taskResponses(official enumValues) []responseCase {
	kinds, priorities, statuses := official["TaskType"], official["Priority"], official["TaskStatus"]
	n := max(len(kinds), len(priorities), len(statuses))

	var cases, all []responseCase
	var tasks []string
	for i := range n {
		tk := task(cycle(kinds, i), cycle(priorities, i), cycle(statuses, i))
		tasks = append(tasks, tk)
		name := cycle(kinds, i) + "/" + cycle(priorities, i) + "/" + cycle(statuses, i)
		for _, op := range []string{"CreateBacklogTask", "GetBacklogTask", "UpdateBacklogTask"} {
			all = append(all, responseCase{name: name, op: op, status: 200, body: obj("task", tk)})
		}
	}

	cases = append(cases, all...)
	return append(cases,
		responseCase{name: "every value", op: "ListBacklogTasks", status: 200,
			body: obj("tasks", arr(tasks...), "nextToken", str("n"))},
		responseCase{name: "empty list", op: "ListBacklogTasks", status: 200, body: obj("tasks", arr())},
	)
}

func serviceResponses(official enumValues) []responseCase {
	serviceTypes := official["Service"]

	var cases []responseCase
	var all []string
	for i, member := range sortedNames(additionalServiceDetails) {
		s := registeredService(cycle(serviceTypes, i), member, additionalServiceDetails[member])
		all = append(all, s)
		cases = append(cases, responseCase{name: member, op: "GetService", status: 200,
			body: obj("service", s, "tags", obj("team", str("ops"), "env", str("prod")))})
	}
	for i := len(all); i < len(serviceTypes); i++ {
		all = append(all, obj("serviceId", str("s"), "serviceType", str(serviceTypes[i])))
	}

	return append(cases,
		responseCase{name: "every member and type", op: "ListServices", status: 200,
			body: obj("services", arr(all...), "nextToken", str("n"))},
		responseCase{name: "oauth step", op: "RegisterService", status: 201,
			body: obj("serviceId", str("svc-1"), "kmsKeyArn", str(kmsKeyArn),
				"additionalStep", obj("oauth", obj("authorizationUrl", str("https://idp.example.com/a?b=c"))),
				"tags", obj("a", str("1"), "b", str(""), "c", str("3")))},
		responseCase{name: "nothing", op: "RegisterService", status: 201, body: "{}"},
	)
}

// edgeResponses cover null handling, unknown members, timestamp spellings
// and document shapes. Null documents and dense list elements, and the
// value of an unknown union member, decode differently on purpose; see
// differences_wire_test.go.
func edgeResponses() []responseCase {
	assoc := func(extra ...string) string {
		kv := append([]string{"agentSpaceId", str("s"), "associationId", str("a")}, extra...)
		return obj("association", obj(kv...))
	}
	tk := func(extra ...string) string {
		kv := append([]string{"taskId", str("t")}, extra...)
		return obj("task", obj(kv...))
	}

	return []responseCase{
		{name: "empty object", op: "GetBacklogTask", status: 200, body: "{}"},
		{name: "empty body", op: "GetBacklogTask", status: 200, body: ""},
		{name: "null output member", op: "GetBacklogTask", status: 200, body: `{"task":null}`},
		{name: "nulls", op: "GetBacklogTask", status: 200, body: tk(
			"description", "null", "reference", "null", "createdAt", "null", "version", "null",
			"hasLinkedTasks", "null", "status", "null")},
		{name: "explicit false and zero", op: "GetBacklogTask", status: 200,
			body: tk("hasLinkedTasks", "false", "version", "0", "title", str(""))},
		{name: "unknown members everywhere", op: "GetBacklogTask", status: 200,
			body: `{"future":[1,{"a":null}],"task":{"taskId":"t","next":{"x":"y"},` +
				`"reference":{"system":"s","extra":true}}}`},
		{name: "document scalars", op: "GetBacklogTask", status: 200,
			body: tk("metadata", `"text"`, "supportMetadata", "-0.5e-3")},
		{name: "document array", op: "GetBacklogTask", status: 200,
			body: tk("metadata", `[[],{},"",0,false]`, "supportMetadata", `{"a":{"b":{"c":[null]}}}`)},
		{name: "timestamp nanoseconds", op: "GetBacklogTask", status: 200,
			body: tk("createdAt", str("2026-01-02T03:04:05.123456789Z"), "updatedAt", str("2026-01-02T03:04:05.1Z"))},
		{name: "timestamp offsets", op: "GetBacklogTask", status: 200,
			body: tk("createdAt", str("2026-01-02T03:04:05+02:00"), "updatedAt", str("2026-01-02T03:04:05.5-07:30"))},
		{name: "null union member beside a known one", op: "GetAssociation", status: 200,
			body: assoc("configuration", `{"github":null,"azure":{"subscriptionId":"s"}}`)},
		{name: "empty union", op: "GetAssociation", status: 200, body: assoc("configuration", `{}`)},
		{name: "null union", op: "GetAssociation", status: 200, body: assoc("configuration", `null`)},
		{name: "empty maps and lists", op: "GetService", status: 200,
			body: `{"service":{"serviceId":"s","accessibleResources":[],` +
				`"additionalServiceDetails":{"pagerduty":{"scopes":[]}}},"tags":{}}`},
		{name: "unknown enum values", op: "GetService", status: 200,
			body: `{"service":{"serviceId":"s","serviceType":"futureService",` +
				`"additionalServiceDetails":{"github":{"ownerType":"robot"}}}}`},
		{name: "escaped strings", op: "GetService", status: 200,
			body: `{"service":{"serviceId":"\u0041\n\"\\\/\u00e9\ud83d\ude42","name":"` +
				strings.Repeat("x", 5000) + `"}}`},
		{name: "created status for a 200 operation", op: "GetService", status: 201,
			body: `{"service":{"serviceId":"s"}}`},
		{name: "no content", op: "RegisterService", status: 204, body: ""},
	}
}

func TestResponsesMatchOfficial(t *testing.T) {
	inputs := minimalInputs()
	for _, tc := range allResponseCases() {
		t.Run(tc.op+"/"+tc.name, func(t *testing.T) {
			theirs, mine := runBoth(t, operations[tc.op], inputs[tc.op],
				reply{status: tc.status, body: tc.body})
			require.NoError(t, theirs.err, "official client")
			require.NoError(t, mine.err, "our client")

			assertSameOutput(t, theirs.output, mine.output)
		})
	}
}

// assertSameOutput compares the normalised trees of two outputs.
func assertSameOutput(t *testing.T, theirs, mine any) {
	t.Helper()

	want, err := mirror.Tree(theirs)
	require.NoError(t, err, "normalise official output")
	got, err := mirror.Tree(mine)
	require.NoError(t, err, "normalise our output")
	require.Equal(t, want, got, "output: official (expected) vs ours (actual)")
}

// TestRequestIDMetadata compares the request id both clients put in
// ResultMetadata, from the usual header, the fallback one, or neither.
// Ours also reads X-Amz-Request-Id on purpose; see
// TestDifferenceRequestIDFromXAmzRequestID.
func TestRequestIDMetadata(t *testing.T) {
	tests := []struct {
		name   string
		header map[string]string
		want   string // what v1.5.2 reports
	}{
		{name: "X-Amzn-Requestid", want: testRequestID},
		{name: "X-Amz-Requestid only", want: "alt",
			header: map[string]string{"X-Amzn-Requestid": "", "X-Amz-Requestid": "alt"}},
		{name: "none", want: "", header: map[string]string{"X-Amzn-Requestid": ""}},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			theirs, mine := runBoth(t, operations["GetService"], minimalInputs()["GetService"],
				reply{status: 200, header: tt.header, body: `{"service":{"serviceId":"s"}}`})
			require.NoError(t, theirs.err)
			require.NoError(t, mine.err)

			want, _ := awsmiddleware.GetRequestIDMetadata(theirs.output.(*official.GetServiceOutput).ResultMetadata)
			got, _ := awsmiddleware.GetRequestIDMetadata(mine.output.(*ours.GetServiceOutput).ResultMetadata)
			assert.Equal(t, tt.want, want, "official")
			assert.Equal(t, want, got, "ours")
		})
	}
}
