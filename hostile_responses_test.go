package devopsagent

// Large and hostile successful responses: a 50 MB page of backlog tasks
// decodes without allocating more than a small multiple of its size, and
// documents nested 10,000 levels deep, wherever they hide in a body, are
// rejected with a decoding error instead of exhausting the stack. Both
// tests go through the client, so they hold whichever JSON reader
// protocol.go uses.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithy "github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// largeBodySize is the size of the large response.
const largeBodySize = 50 << 20

// peakFactor bounds the heap that decoding the large response may use at
// its peak, garbage included, as a multiple of the body's size;
// retainedFactor bounds what the decoded output keeps.
const (
	peakFactor     = 4
	retainedFactor = 2
)

// largeTaskPage returns a ListBacklogTasks body of at least size bytes
// and the number of tasks in it. The tasks are realistic: every member
// set, a description of some length, metadata documents.
func largeTaskPage(size int) ([]byte, int) {
	var b bytes.Buffer
	b.Grow(size + 4096)
	b.WriteString(`{"tasks":[`)
	n := 0
	for b.Len() < size {
		if n > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"agentSpaceId":"space-1","taskId":"task-%08d",`+
			`"executionId":"exec-%08d","title":"Disk full on host %d",`+
			`"description":"%s","taskType":"INVESTIGATION","priority":"HIGH",`+
			`"status":"IN_PROGRESS","createdAt":"2026-01-02T15:04:05.123Z",`+
			`"updatedAt":"2026-01-02T15:04:06Z","version":%d,"hasLinkedTasks":true,`+
			`"reference":{"system":"Jira","title":"OPS-%d","referenceId":"OPS-%d",`+
			`"referenceUrl":"https://jira.example.com/browse/OPS-%d"},`+
			`"metadata":{"host":"ip-10-0-0-%d","tags":["disk","prod"],"load":0.75}}`,
			n, n, n, strings.Repeat("The volume is nearly full. ", 8), n%100, n, n, n, n%250)
		n++
	}
	b.WriteString(`],"nextToken":"page-2"}`)
	return b.Bytes(), n
}

// bodyClient returns a client whose HTTP client answers every request
// with a 200 response carrying body.
func bodyClient(body []byte) *Client {
	answer := httpClientFunc(func(*http.Request) (*http.Response, error) {
		resp := jsonResponse(http.StatusOK, "")
		resp.Body = io.NopCloser(bytes.NewReader(body))
		resp.ContentLength = int64(len(body))
		return resp, nil
	})
	return New(Options{Region: "us-east-1", Credentials: aws.AnonymousCredentials{},
		HTTPClient: answer, RetryMaxAttempts: 1})
}

func TestLargeResponseDecodesInBoundedMemory(t *testing.T) {
	body, tasks := largeTaskPage(largeBodySize)
	c := bodyClient(body)
	input := &ListBacklogTasksInput{AgentSpaceId: aws.String("space-1")}
	defer debug.SetGCPercent(debug.SetGCPercent(100)) // the peak depends on GC pacing

	var out *ListBacklogTasksOutput
	var err error
	peak, retained := heapUse(func() {
		out, err = c.ListBacklogTasks(context.Background(), input)
	})

	require.NoError(t, err)
	require.Len(t, out.Tasks, tasks)
	last := out.Tasks[tasks-1]
	assert.Equal(t, fmt.Sprintf("task-%08d", tasks-1), aws.ToString(last.TaskId))
	assert.Equal(t, "page-2", aws.ToString(out.NextToken))

	size := uint64(len(body))
	t.Logf("body %d bytes, %d tasks; heap peak %.2fx, retained %.2fx", size, tasks,
		float64(peak)/float64(size), float64(retained)/float64(size))
	assert.LessOrEqual(t, peak, peakFactor*size, "heap peak")
	assert.LessOrEqual(t, retained, retainedFactor*size, "heap kept by the output")
}

// heapUse runs fn and returns how far the heap grew above what it held
// before, at its peak while fn ran and after fn once garbage is
// collected. The peak is sampled, so a very short spike can be missed.
func heapUse(fn func()) (peak, retained uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	heap := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}

	runtime.GC()
	base := heap()
	stop, peakc := make(chan struct{}), make(chan uint64)
	go func() {
		highest := base
		for {
			highest = max(highest, heap())
			select {
			case <-stop:
				peakc <- highest
				return
			case <-time.After(50 * time.Microsecond):
			}
		}
	}()

	fn()
	close(stop)
	highest := <-peakc
	runtime.GC()
	return highest - base, max(heap(), base) - base
}

// nestedArrays returns depth nested JSON arrays.
func nestedArrays(depth int) string {
	return strings.Repeat("[", depth) + strings.Repeat("]", depth)
}

// nestedObjects returns depth nested JSON objects.
func nestedObjects(depth int) string {
	return strings.Repeat(`{"a":`, depth) + "1" + strings.Repeat("}", depth)
}

func TestDeeplyNestedResponsesAreRejected(t *testing.T) {
	tests := []struct {
		name string
		op   *operation
		body func(depth int) string
	}{
		{"arrays in a document member", opListBacklogTasks, func(d int) string {
			return `{"tasks":[{"taskId":"t","metadata":` + nestedArrays(d) + `}]}`
		}},
		{"objects in a document member", opGetBacklogTask, func(d int) string {
			return `{"task":{"supportMetadata":` + nestedObjects(d) + `}}`
		}},
		{"documents in a document list", opGetService, func(d int) string {
			return `{"service":{"accessibleResources":[` + nestedObjects(d) + `]}}`
		}},
		{"arrays in an unknown top-level member", opListBacklogTasks, func(d int) string {
			return `{"unknown":` + nestedArrays(d) + `}`
		}},
		{"objects in an unknown nested member", opGetAssociation, func(d int) string {
			return `{"association":{"agentSpaceId":"a","extra":` + nestedObjects(d) + `}}`
		}},
		{"arrays in an unknown union member", opGetService, func(d int) string {
			return `{"service":{"additionalServiceDetails":{"future":` + nestedArrays(d) + `}}}`
		}},
		{"objects in a known union member", opGetAssociation, func(d int) string {
			return `{"association":{"configuration":{"github":{"repoName":` +
				nestedObjects(d) + `}}}}`
		}},
	}
	for _, depth := range []int{10_000, 1_000_000} {
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/%d", tt.name, depth), func(t *testing.T) {
				err := callWithBody(t, fuzzClient(), tt.op, filledInput(t, tt.op),
					http.StatusOK, nil, []byte(tt.body(depth)))

				var deserErr *smithy.DeserializationError
				require.ErrorAs(t, err, &deserErr)
				assert.NotEmpty(t, deserErr.Err.Error())
			})
		}
	}
}

// filledInput returns a filled input of op; the operations used here
// have no union in their input.
func filledInput(t *testing.T, op *operation) smithy.Serializable {
	t.Helper()
	switch op {
	case opListBacklogTasks:
		return filled[ListBacklogTasksInput]()
	case opGetBacklogTask:
		return filled[GetBacklogTaskInput]()
	case opGetService:
		return filled[GetServiceInput]()
	case opGetAssociation:
		return filled[GetAssociationInput]()
	}
	t.Fatalf("no input for %s", op.name)
	return nil
}
