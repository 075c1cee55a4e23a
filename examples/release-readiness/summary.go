package main

// This file holds what the flow found and prints it as the final summary.

import (
	"fmt"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/devopsagent-go/devopsagent/types"
)

// summary is what the flow created and saw.
type summary struct {
	agentSpace       string
	agentServiceID   string
	githubServiceID  string
	repoAssociation  string
	repoAssocID      string
	agentAssociation string
	skill            string
	review, testing  taskLine
	listed           []taskLine
	pages            int
}

// taskLine is the part of a task the summary shows.
type taskLine struct {
	id, kind, title, status string
	version                 int32
}

func newTaskLine(t *types.Task) taskLine {
	if t == nil {
		return taskLine{id: "(none)"}
	}
	return taskLine{
		id:      aws.ToString(t.TaskId),
		kind:    string(t.TaskType),
		title:   aws.ToString(t.Title),
		status:  statusOr(string(t.Status)),
		version: aws.ToInt32(t.Version),
	}
}

// state renders the task's id, status and version on one line.
func (t taskLine) state() string {
	return fmt.Sprintf("%s %s, version %d", t.id, t.status, t.version)
}

func statusOr(status string) string {
	if status == "" {
		return "unknown"
	}
	return status
}

func (s *summary) print(out io.Writer) {
	fmt.Fprintf(out, "\nRelease readiness summary (agent space %s)\n", s.agentSpace)
	fmt.Fprintf(out, "  remote agent service   %s\n", s.agentServiceID)
	fmt.Fprintf(out, "  GitHub service         %s\n", s.githubServiceID)
	fmt.Fprintf(out, "  repository association %s\n", s.repoAssociation)
	fmt.Fprintf(out, "  agent association      %s\n", s.agentAssociation)
	fmt.Fprintf(out, "  skill asset            %s\n", s.skill)
	fmt.Fprintf(out, "  review task            %s\n", s.review.state())
	fmt.Fprintf(out, "  testing task           %s\n", s.testing.state())
	fmt.Fprintf(out, "  backlog (%d tasks, %d pages):\n", len(s.listed), s.pages)
	for _, t := range s.listed {
		fmt.Fprintf(out, "    %-36s %-26s %-13s v%d  %s\n", t.id, t.kind, t.status, t.version, t.title)
	}
}
