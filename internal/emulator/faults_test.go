package emulator

// Tests of fault injection on the wire: what a queued fault answers, in
// what order faults apply, what comes before them, and bad faults.

import (
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFaultAnswer(t *testing.T) {
	cases := []struct {
		name       string
		fault      Fault
		wantStatus int
		wantBody   string
	}{
		{"status from the model", Fault{Code: "ThrottlingException", Message: "Rate exceeded"},
			http.StatusTooManyRequests, `{"message":"Rate exceeded"}`},
		{"server error", Fault{Code: "InternalServerException"},
			http.StatusInternalServerError,
			`{"message":"InternalServerException injected by the emulator"}`},
		{"quota", Fault{Code: "ServiceQuotaExceededException", Message: "too many"},
			http.StatusPaymentRequired, `{"message":"too many"}`},
		{"modeled error without @httpError", Fault{Code: "ValidationException", Message: "no"},
			http.StatusBadRequest, `{"message":"no"}`},
		{"status overrides the model", Fault{Code: "ThrottlingException", Status: 400,
			Message: "slow down"}, http.StatusBadRequest, `{"message":"slow down"}`},
		{"unmodeled code with a status", Fault{Code: "ServiceUnavailable", Status: 503,
			Message: "down"}, http.StatusServiceUnavailable, `{"message":"down"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := newEnv(t, nil)
			require.NoError(t, env.srv.FailNext("GetService", tc.fault))

			res := env.call(t, http.MethodGet, "/v1/services/x", nil)
			assert.Equal(t, tc.wantStatus, res.status)
			assert.Equal(t, tc.fault.Code, res.errorType())
			assert.Equal(t, contentTypeJSON, res.header.Get("Content-Type"))
			assert.Equal(t, tc.wantBody, string(res.raw))

			res = env.call(t, http.MethodGet, "/v1/services/x", nil)
			requireError(t, res, http.StatusNotFound, codeResourceNotFound,
				"service x is not registered")
		})
	}
}

func TestFaultOrderAndCounts(t *testing.T) {
	env := newEnv(t, nil)
	require.NoError(t, env.srv.FailNext("GetService", Fault{Code: "ThrottlingException", Times: 2}))
	require.NoError(t, env.srv.FailNext("GetService", Fault{Code: "InternalServerException"}))

	var codes []string
	for range 4 {
		codes = append(codes, env.call(t, http.MethodGet, "/v1/services/x", nil).errorType())
	}
	assert.Equal(t, []string{"ThrottlingException", "ThrottlingException",
		"InternalServerException", codeResourceNotFound}, codes)

	requireStatus(t, env.call(t, http.MethodPost, "/v1/services/list", map[string]any{}),
		http.StatusOK)
	calls, err := env.srv.Calls("GetService")
	require.NoError(t, err)
	assert.Equal(t, 4, calls)
	calls, err = env.srv.Calls("ListServices")
	require.NoError(t, err)
	assert.Equal(t, 1, calls)
}

// TestFaultPlace checks what comes before a fault (the signature check)
// and what comes after it (validation).
func TestFaultPlace(t *testing.T) {
	env := newEnv(t, func(o *Options) {
		o.Credentials = &Credentials{AccessKeyID: testCreds.AccessKeyID,
			SecretAccessKey: testCreds.SecretAccessKey}
	})
	require.NoError(t, env.srv.FailNext("ListBacklogTasks", Fault{Code: "ThrottlingException"}))

	req := env.request(t, http.MethodPost, listTasksPath, map[string]any{})
	env.sign(t, req, aws.Credentials{AccessKeyID: "OTHER", SecretAccessKey: "x"})
	res := env.send(t, req)
	assert.Equal(t, http.StatusForbidden, res.status)
	assert.Equal(t, codeAccessDenied, res.errorType())
	calls, err := env.srv.Calls("ListBacklogTasks")
	require.NoError(t, err)
	assert.Equal(t, 0, calls, "a badly signed call does not count")

	res = env.call(t, http.MethodPost, listTasksPath, map[string]any{"limit": 5000})
	assert.Equal(t, "ThrottlingException", res.errorType(), "the fault comes before validation")
	res = env.call(t, http.MethodPost, listTasksPath, map[string]any{"limit": 5000})
	assert.Equal(t, codeValidation, res.errorType())
}

func TestFailNextRefuses(t *testing.T) {
	env := newEnv(t, nil)
	cases := []struct {
		name, operation string
		fault           Fault
		wantErr         string
	}{
		{"unknown operation", "DeleteEverything", Fault{Code: "ThrottlingException"},
			`emulator: no operation named "DeleteEverything"`},
		{"no code", "GetService", Fault{Status: 500},
			"emulator: fault for GetService: code is empty"},
		{"unmodeled code without status", "GetService", Fault{Code: "Throttling"},
			`emulator: fault for GetService: code "Throttling" is not a modeled error ` +
				`of the service; set Status to send it anyway`},
		{"code with a newline", "GetService", Fault{Code: "X\nY", Status: 500},
			`emulator: fault for GetService: code "X\nY" may hold only printable ASCII ` +
				`without spaces`},
		{"success status", "GetService", Fault{Code: "ThrottlingException", Status: 200},
			"emulator: fault for GetService: status 200 is not an error status (400 to 599)"},
		{"negative times", "GetService", Fault{Code: "ThrottlingException", Times: -1},
			"emulator: fault for GetService: times -1 is negative"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.EqualError(t, env.srv.FailNext(tc.operation, tc.fault), tc.wantErr)
		})
	}

	_, err := env.srv.Calls("getService")
	require.EqualError(t, err, `emulator: no operation named "getService"`)
	requireError(t, env.call(t, http.MethodGet, "/v1/services/x", nil),
		http.StatusNotFound, codeResourceNotFound, "service x is not registered")
}
