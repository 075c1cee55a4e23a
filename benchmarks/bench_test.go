// This file holds the benchmarks: each runs our client and the official one
// on the same response bytes through the same stub transport, so the two
// sub-benchmarks differ only in the client under test.

package benchmarks

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	official "github.com/aws/aws-sdk-go-v2/service/devopsagent"
	officialtypes "github.com/aws/aws-sdk-go-v2/service/devopsagent/types"

	ours "github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/benchmarks/clientdecode"
	"github.com/devopsagent-go/devopsagent/benchmarks/fixtures"
	ourtypes "github.com/devopsagent-go/devopsagent/types"
)

// Fixture bodies, built once per test binary.
var (
	tasksPage   = fixtures.ListBacklogTasksPage(fixtures.PageTasks, fixtures.Seed)
	serviceBody = fixtures.GetServiceLarge(fixtures.Seed)
	assocBody   = fixtures.AssociateServiceResponse()
)

// loop times fn with b.Loop and reports throughput over size bytes and,
// when tasks is non-zero, allocations per decoded task. It returns the
// nanoseconds one iteration took.
func loop(b *testing.B, size, tasks int, fn func() error) float64 {
	b.ReportAllocs()
	b.SetBytes(int64(size))

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		if err := fn(); err != nil {
			b.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)

	if tasks > 0 {
		perOp := float64(after.Mallocs-before.Mallocs) / float64(b.N)
		b.ReportMetric(perOp/float64(tasks), "allocs/task")
	}
	return float64(b.Elapsed().Nanoseconds()) / float64(b.N)
}

// BenchmarkListBacklogTasks1000 runs a whole ListBacklogTasks call (build,
// sign, send to the stub, decode) returning a 1000-task page.
func BenchmarkListBacklogTasks1000(b *testing.B) {
	ctx := context.Background()

	b.Run("ours", func(b *testing.B) {
		client := newOurs(http.StatusOK, tasksPage)
		in := &ours.ListBacklogTasksInput{AgentSpaceId: aws.String(fixtures.AgentSpaceID)}
		loop(b, len(tasksPage), fixtures.PageTasks, func() error {
			out, err := client.ListBacklogTasks(ctx, in)
			return checkTasks(len(outTasks(out)), err)
		})
	})

	b.Run("official", func(b *testing.B) {
		client := newOfficial(http.StatusOK, tasksPage)
		in := &official.ListBacklogTasksInput{AgentSpaceId: aws.String(fixtures.AgentSpaceID)}
		loop(b, len(tasksPage), fixtures.PageTasks, func() error {
			out, err := client.ListBacklogTasks(ctx, in)
			return checkTasks(len(officialTasks(out)), err)
		})
	})
}

// BenchmarkGetServiceLarge runs a whole GetService call whose response has a
// large additionalServiceDetails member, many documents and many tags.
func BenchmarkGetServiceLarge(b *testing.B) {
	ctx := context.Background()

	b.Run("ours", func(b *testing.B) {
		client := newOurs(http.StatusOK, serviceBody)
		in := &ours.GetServiceInput{ServiceId: aws.String(fixtures.ServiceID)}
		loop(b, len(serviceBody), 0, func() error {
			out, err := client.GetService(ctx, in)
			if err != nil {
				return err
			}
			return checkCount("tags", len(out.Tags), fixtures.ServiceTags)
		})
	})

	b.Run("official", func(b *testing.B) {
		client := newOfficial(http.StatusOK, serviceBody)
		in := &official.GetServiceInput{ServiceId: aws.String(fixtures.ServiceID)}
		loop(b, len(serviceBody), 0, func() error {
			out, err := client.GetService(ctx, in)
			if err != nil {
				return err
			}
			return checkCount("tags", len(out.Tags), fixtures.ServiceTags)
		})
	})
}

// BenchmarkAssociateServiceRoundTrip runs the small AssociateService call:
// serialize the union input, sign, decode the 201 response.
func BenchmarkAssociateServiceRoundTrip(b *testing.B) {
	ctx := context.Background()

	b.Run("ours", func(b *testing.B) {
		client := newOurs(http.StatusCreated, assocBody)
		in := oursAssociateInput()
		loop(b, len(assocBody), 0, func() error {
			out, err := client.AssociateService(ctx, in)
			if err != nil {
				return err
			}
			return checkID(out.Association.AssociationId)
		})
	})

	b.Run("official", func(b *testing.B) {
		client := newOfficial(http.StatusCreated, assocBody)
		in := officialAssociateInput()
		loop(b, len(assocBody), 0, func() error {
			out, err := client.AssociateService(ctx, in)
			if err != nil {
				return err
			}
			return checkID(out.Association.AssociationId)
		})
	})
}

// BenchmarkDecodeTasks1000 decodes the 1000-task page without the client
// stack: ours with the client's body decoder (internal/jsonwire, through
// package clientdecode) into our output type, and the floor, a bare
// json.Valid pass over the same bytes. The ours sub-benchmark
// also reports x-floor, its time over json.Valid's measured right after it.
func BenchmarkDecodeTasks1000(b *testing.B) {
	b.Run("jsonValid", func(b *testing.B) {
		loop(b, len(tasksPage), 0, func() error {
			if !json.Valid(tasksPage) {
				return fmt.Errorf("fixture page is not valid JSON")
			}
			return nil
		})
	})

	b.Run("ours", func(b *testing.B) {
		dec := clientdecode.New()
		ns := loop(b, len(tasksPage), fixtures.PageTasks, func() error {
			out, err := dec.ListBacklogTasks(tasksPage)
			return checkTasks(len(outTasks(out)), err)
		})
		b.ReportMetric(ns/floorNanos(b.N), "x-floor")
	})
}

// floorNanos times n json.Valid passes over the task page (at most 200, so
// the extra time stays small) and returns the nanoseconds of one pass.
func floorNanos(n int) float64 {
	n = min(max(n, 10), 200)
	start := time.Now()
	for range n {
		json.Valid(tasksPage)
	}
	return float64(time.Since(start).Nanoseconds()) / float64(n)
}

// oursAssociateInput is the AssociateService request, in our types.
func oursAssociateInput() *ours.AssociateServiceInput {
	return &ours.AssociateServiceInput{
		AgentSpaceId: aws.String(fixtures.AgentSpaceID),
		ServiceId:    aws.String(fixtures.ServiceID),
		Configuration: &ourtypes.ServiceConfigurationMemberSourceAws{
			Value: ourtypes.SourceAwsConfiguration{
				AccountId:        aws.String(fixtures.AccountID),
				AccountType:      ourtypes.SourceAccountTypeSource,
				AssumableRoleArn: aws.String(fixtures.RoleArn),
				ExternalId:       aws.String(fixtures.ExternalID),
			},
		},
	}
}

// officialAssociateInput is the same request in the official types.
func officialAssociateInput() *official.AssociateServiceInput {
	return &official.AssociateServiceInput{
		AgentSpaceId: aws.String(fixtures.AgentSpaceID),
		ServiceId:    aws.String(fixtures.ServiceID),
		Configuration: &officialtypes.ServiceConfigurationMemberSourceAws{
			Value: officialtypes.SourceAwsConfiguration{
				AccountId:        aws.String(fixtures.AccountID),
				AccountType:      officialtypes.SourceAccountTypeSource,
				AssumableRoleArn: aws.String(fixtures.RoleArn),
				ExternalId:       aws.String(fixtures.ExternalID),
			},
		},
	}
}

// outTasks returns the tasks of our output, nil-safe.
func outTasks(out *ours.ListBacklogTasksOutput) []ourtypes.Task {
	if out == nil {
		return nil
	}
	return out.Tasks
}

// officialTasks returns the tasks of the official output, nil-safe.
func officialTasks(out *official.ListBacklogTasksOutput) []officialtypes.Task {
	if out == nil {
		return nil
	}
	return out.Tasks
}

// checkTasks fails a call that errored or decoded the wrong task count.
func checkTasks(n int, err error) error {
	if err != nil {
		return err
	}
	return checkCount("tasks", n, fixtures.PageTasks)
}

// checkCount reports a decoded collection of the wrong size.
func checkCount(what string, got, want int) error {
	if got != want {
		return fmt.Errorf("decoded %d %s, want %d", got, what, want)
	}
	return nil
}

// checkID reports a missing association id in a decoded response.
func checkID(id *string) error {
	if id == nil || *id != fixtures.AssociationID {
		return fmt.Errorf("association id not decoded")
	}
	return nil
}
