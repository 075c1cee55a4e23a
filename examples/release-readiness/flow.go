package main

// This file is the release-readiness flow itself: each step is one call
// (or one paginated listing) and prints a progress line.

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/document"
	"github.com/devopsagent-go/devopsagent/types"
)

// flow carries what the steps share.
type flow struct {
	target
	out io.Writer
	sum summary
}

func (f *flow) progress(format string, args ...any) {
	fmt.Fprintf(f.out, "- "+format+"\n", args...)
}

func releaseReadiness(ctx context.Context, t *target, out io.Writer) (*summary, error) {
	f := &flow{target: *t, out: out}
	f.sum.agentSpace = t.agentSpace

	steps := []struct {
		name string
		run  func(context.Context) error
	}{
		{"register the remote A2A agent", f.registerAgent},
		{"find the GitHub registration", f.findGitHub},
		{"associate the GitHub repository", f.associateRepository},
		{"associate the remote agent", f.associateAgent},
		{"create the skill asset", f.createSkill},
		{"create the backlog tasks", f.createTasks},
		{"move the review along", f.advanceReview},
		{"page through the backlog", f.listTasks},
	}
	for _, step := range steps {
		if err := step.run(ctx); err != nil {
			return nil, fmt.Errorf("%s: %w", step.name, err)
		}
	}
	return &f.sum, nil
}

// registerAgent registers a remote agent that authenticates with an API
// key; such a registration completes at once, with no browser step.
func (f *flow) registerAgent(ctx context.Context) error {
	out, err := f.client.RegisterService(ctx, &devopsagent.RegisterServiceInput{
		Service: types.PostRegisterServiceSupportedServiceRemoteAgent,
		Name:    aws.String("release-checker"),
		ServiceDetails: &types.ServiceDetailsMemberRemoteagent{Value: types.RemoteAgentServiceDetails{
			Name:        aws.String("release-checker"),
			Endpoint:    aws.String("https://agents.example.com/release-checker"),
			Description: aws.String("Checks release notes and change tickets"),
			AuthorizationConfig: &types.RemoteAgentAuthorizationConfigMemberApiKey{
				Value: types.RemoteAgentAPIKeyConfig{
					ApiKeyName:   aws.String("release-checker-key"),
					ApiKeyHeader: aws.String("X-Api-Key"),
					ApiKeyValue:  aws.String("example-key-not-a-secret"),
				},
			},
		}},
	})
	if err != nil {
		return err
	}
	if out.ServiceId == nil {
		return errors.New("the service asked for another registration step; " +
			"finish it in the console and run again")
	}
	f.sum.agentServiceID = *out.ServiceId
	f.progress("registered remote agent service %s", *out.ServiceId)
	return nil
}

// findGitHub picks the first registered GitHub service. GitHub is
// registered through a browser OAuth flow, so the example cannot do it.
func (f *flow) findGitHub(ctx context.Context) error {
	pages := devopsagent.NewListServicesPaginator(f.client, &devopsagent.ListServicesInput{
		FilterServiceType: types.ServiceGithub,
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, svc := range page.Services {
			f.sum.githubServiceID = aws.ToString(svc.ServiceId)
			f.progress("found GitHub service %s (%s)", f.sum.githubServiceID, aws.ToString(svc.Name))
			return nil
		}
	}
	return errors.New("no GitHub service is registered; connect GitHub in the " +
		"AWS DevOps Agent console first")
}

func (f *flow) associateRepository(ctx context.Context) error {
	enabled := types.CapabilityConfiguration{Enabled: aws.Bool(true)}
	out, err := f.client.AssociateService(ctx, &devopsagent.AssociateServiceInput{
		AgentSpaceId: aws.String(f.agentSpace),
		ServiceId:    aws.String(f.sum.githubServiceID),
		Configuration: &types.ServiceConfigurationMemberGithub{Value: types.GitHubConfiguration{
			Owner:     aws.String("octo-org"),
			OwnerType: types.GithubRepoOwnerTypeOrganization,
			RepoName:  aws.String("payments-api"),
			RepoId:    aws.String("123456789"),
		}},
		Capabilities: map[string]types.CapabilityConfiguration{
			string(types.CapabilityTypeReleaseReadinessReview):                 enabled,
			string(types.CapabilityTypeReleaseReadinessReviewAutomatedTesting): enabled,
		},
	})
	if err != nil {
		return err
	}
	f.sum.repoAssociation = associationLine(out.Association)
	f.sum.repoAssocID = aws.ToString(out.Association.AssociationId)
	f.progress("associated octo-org/payments-api: %s", f.sum.repoAssociation)
	return nil
}

func (f *flow) associateAgent(ctx context.Context) error {
	out, err := f.client.AssociateService(ctx, &devopsagent.AssociateServiceInput{
		AgentSpaceId:  aws.String(f.agentSpace),
		ServiceId:     aws.String(f.sum.agentServiceID),
		Configuration: &types.ServiceConfigurationMemberRemoteagent{},
	})
	if err != nil {
		return err
	}
	f.sum.agentAssociation = associationLine(out.Association)
	f.progress("associated the remote agent: %s", f.sum.agentAssociation)
	return nil
}

func associationLine(a *types.Association) string {
	if a == nil {
		return "(no association returned)"
	}
	return fmt.Sprintf("%s, status %s", aws.ToString(a.AssociationId), statusOr(string(a.Status)))
}

const skill = `# Release readiness
Before approving a release, check that every linked change ticket is closed,
the changelog names each user-visible change and the rollback plan is tested.
`

func (f *flow) createSkill(ctx context.Context) error {
	out, err := f.client.CreateAsset(ctx, &devopsagent.CreateAssetInput{
		AgentSpaceId: aws.String(f.agentSpace),
		AssetType:    aws.String("skill"),
		Content: &types.AssetContentMemberFile{Value: types.AssetFileContent{
			Path: aws.String("release-readiness/SKILL.md"),
			Body: &types.AssetFileBodyMemberText{Value: skill},
		}},
		Metadata: document.NewLazyDocument(map[string]any{
			"name": "release-readiness", "owner": "platform-team",
		}),
	})
	if err != nil {
		return err
	}
	f.sum.skill = fmt.Sprintf("%s, version %d", aws.ToString(out.Asset.AssetId),
		aws.ToInt32(out.Asset.Version))
	f.progress("created skill asset %s", f.sum.skill)
	return nil
}

func (f *flow) createTasks(ctx context.Context) error {
	review, err := f.createTask(ctx, types.TaskTypeReleaseReadinessReview,
		"Release readiness review: payments-api 2026.12", types.PriorityHigh,
		&types.ReferenceInput{
			System:        aws.String("github"),
			Title:         aws.String("Release 2026.12"),
			ReferenceId:   aws.String("pull-4242"),
			ReferenceUrl:  aws.String("https://github.com/octo-org/payments-api/pull/4242"),
			AssociationId: aws.String(f.sum.repoAssocID),
		})
	if err != nil {
		return err
	}
	f.sum.review = review

	testing, err := f.createTask(ctx, types.TaskTypeReleaseTesting,
		"Automated release tests: payments-api 2026.12", types.PriorityMedium, nil)
	if err != nil {
		return err
	}
	f.sum.testing = testing
	return nil
}

func (f *flow) createTask(ctx context.Context, kind types.TaskType, title string,
	priority types.Priority, ref *types.ReferenceInput) (taskLine, error) {
	out, err := f.client.CreateBacklogTask(ctx, &devopsagent.CreateBacklogTaskInput{
		AgentSpaceId: aws.String(f.agentSpace),
		TaskType:     kind,
		Title:        aws.String(title),
		Priority:     priority,
		Reference:    ref,
	})
	if err != nil {
		return taskLine{}, err
	}
	line := newTaskLine(out.Task)
	f.progress("created %s task %s (%s, version %d)", kind, line.id, line.status, line.version)
	return line, nil
}

// listTasks pages through the agent space's backlog one task per page, to
// show the paginator following nextToken to the end.
func (f *flow) listTasks(ctx context.Context) error {
	pages := devopsagent.NewListBacklogTasksPaginator(f.client,
		&devopsagent.ListBacklogTasksInput{
			AgentSpaceId: aws.String(f.agentSpace),
			SortField:    types.TaskSortFieldCreatedAt,
			Order:        types.TaskSortOrderAsc,
		},
		func(o *devopsagent.ListBacklogTasksPaginatorOptions) { o.Limit = 1 })
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return err
		}
		f.sum.pages++
		for _, task := range page.Tasks {
			f.sum.listed = append(f.sum.listed, newTaskLine(&task))
		}
	}
	f.progress("listed %d tasks in %d pages", len(f.sum.listed), f.sum.pages)
	return nil
}

// advanceReview starts the review and then completes it; each update
// raises the task's version.
func (f *flow) advanceReview(ctx context.Context) error {
	for _, status := range []types.TaskStatus{types.TaskStatusInProgress, types.TaskStatusCompleted} {
		out, err := f.client.UpdateBacklogTask(ctx, &devopsagent.UpdateBacklogTaskInput{
			AgentSpaceId: aws.String(f.agentSpace),
			TaskId:       aws.String(f.sum.review.id),
			TaskStatus:   status,
		})
		if err != nil {
			return err
		}
		f.sum.review = newTaskLine(out.Task)
		f.progress("review task %s is now %s (version %d)",
			f.sum.review.id, f.sum.review.status, f.sum.review.version)
	}
	return nil
}
