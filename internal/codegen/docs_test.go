package codegen

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestComment(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		indent int
		want   string
	}{
		{"short", "One line.", 0, "// One line."},
		{
			"wrapped",
			"Settings for registering a remote agent that uses token-based auth and more words to wrap.",
			0,
			"// Settings for registering a remote agent that uses token-based auth and more\n" +
				"// words to wrap.",
		},
		{
			"indented fields wrap earlier",
			"Settings for registering a remote agent that uses token-based authentication.",
			1,
			"// Settings for registering a remote agent that uses token-based\n// authentication.",
		},
		{"paragraphs", "First.\n\nSecond.", 0, "// First.\n//\n// Second."},
		{"list", "Values:\n\n- A\n- B", 0, "// Values:\n//\n//   - A\n//   - B"},
		{
			"html",
			"<p>Lists the <code>tasks</code> &amp; more.</p><ul><li>one</li><li>two</li></ul>",
			0,
			"// Lists the tasks & more.\n//\n//   - one\n//   - two",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, comment(tt.text, tt.indent))
		})
	}
}

func TestDocSentences(t *testing.T) {
	d := newDocs([]string{"An Azure subscription linked to a space.", "Settings of one capability."})

	tests := []struct {
		name, got, want string
	}{
		{"article", d.typeDoc("Asset", "An asset stored in an agent space.", "structure"),
			"Asset is an asset stored in an agent space."},
		{"noun phrase", d.typeDoc("CapabilityConfiguration", "Settings of one capability.", "structure"),
			"CapabilityConfiguration holds settings of one capability."},
		{"proper noun keeps its capital", d.typeDoc("AzureConfiguration", "Azure identity settings.", "structure"),
			"AzureConfiguration holds Azure identity settings."},
		{"camel case keeps its capitals", d.typeDoc("PagerDutyConfiguration", "PagerDuty settings.", "structure"),
			"PagerDutyConfiguration holds PagerDuty settings."},
		{"how", d.typeDoc("DatadogAuthorizationConfig", "How Datadog is authorized.", "union"),
			"DatadogAuthorizationConfig says how Datadog is authorized."},
		{"no doc", d.typeDoc("Empty", "", "structure"), "Empty is a structure of the service."},
		{"enum without doc", d.typeDoc("Units", "", "enum"), "Units is an enum of the service."},
		{"error", d.errorDoc("ThrottlingException", "Too many requests were sent."),
			"ThrottlingException is returned when too many requests were sent."},
		{"capital article", d.typeDoc("Task", "A backlog task and its state.", "structure"),
			"Task is a backlog task and its state."},
		{"error with an article", d.errorDoc("InvalidParameterException", "A parameter is not accepted."),
			"InvalidParameterException is returned when a parameter is not accepted."},
		{"enum", d.enumDoc("TaskStatus", "Lifecycle states of a task."),
			"TaskStatus is one of the lifecycle states of a task."},
		{"enum keeps a proper noun", d.enumDoc("AzureRegion", "Azure regions."),
			"AzureRegion is one of the Azure regions."},
		{"enum with an article", d.enumDoc("Units", "A system of measurement."),
			"Units is a system of measurement."},
		{"union member", d.unionMemberDoc("SkyMemberClear", "clear", "Sky", "Settings for a clear sky."),
			"SkyMemberClear holds settings for a clear sky. It is the clear member of Sky."},
		{"union member without doc", d.unionMemberDoc("SkyMemberClear", "clear", "Sky", ""),
			"SkyMemberClear is the clear member of Sky."},
		{"operation verb", d.operationDoc("GetService", "Returns a registered service."),
			"GetService returns a registered service."},
		{"waiter verb", d.waiterDoc("TaskDoneWaiter", "Waits until a task is done."),
			"TaskDoneWaiter waits until a task is done."},
		{"waiter without verb", d.waiterDoc("TaskDoneWaiter", "Task completion."),
			"TaskDoneWaiter waits for the result of an operation to reach a final state. Task completion."},
		{"operation without verb", d.operationDoc("Ping", "Health check."),
			"Ping calls the Ping operation. Health check."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.got)
		})
	}
}
