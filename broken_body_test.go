package devopsagent

// A response body that breaks off (the connection drops before
// Content-Length bytes arrived) is reported as a broken body, whether or
// not the client logs bodies: logging must not turn the read error into
// a JSON syntax error about the part that did arrive.

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	smithy "github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cutShort answers with status and the start of body under a
// Content-Length that promises more, then drops the connection.
func cutShort(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)

		rc := http.NewResponseController(w)
		_ = rc.Flush()
		if conn, _, err := rc.Hijack(); err == nil {
			_ = conn.Close()
		}
	}
}

func TestBrokenResponseBodyIsReportedAsSuch(t *testing.T) {
	responses := []struct {
		name   string
		status int
		body   string
	}{
		{"success", http.StatusOK, `{"tasks":[{"taskId":"t-1"},`},
		{"error", http.StatusServiceUnavailable, `{"__type":"InternalServerExc`},
	}
	modes := []struct {
		name string
		mode aws.ClientLogMode
	}{
		{"no logging", 0},
		{"body logging", logAllModes},
	}
	for _, r := range responses {
		for _, m := range modes {
			t.Run(r.name+"/"+m.name, func(t *testing.T) {
				server := httptest.NewServer(cutShort(r.status, r.body))
				t.Cleanup(server.Close)
				c := New(Options{Region: "us-east-1", Credentials: testCreds,
					BaseEndpoint: aws.String(server.URL), DisableHostPrefix: true,
					RetryMaxAttempts: 1, Logger: &logRecorder{}, ClientLogMode: m.mode})

				_, err := c.ListBacklogTasks(context.Background(),
					&ListBacklogTasksInput{AgentSpaceId: aws.String("a")})

				var deserErr *smithy.DeserializationError
				require.ErrorAs(t, err, &deserErr)
				assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
			})
		}
	}
}
