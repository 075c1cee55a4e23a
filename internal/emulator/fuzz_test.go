package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/devopsagent-go/devopsagent/internal/model"
)

// FuzzRequests sends arbitrary bodies to every body-reading operation and
// checks the emulator never panics and always answers JSON: a success, or
// an error naming its type.
func FuzzRequests(f *testing.F) {
	f.Add(0, `{"title":"t","taskType":"INVESTIGATION","priority":"LOW"}`)
	f.Add(1, `{"filter":{"priority":["HIGH"],"status":["FAILED"]},"sortField":"PRIORITY"}`)
	f.Add(2, `{"serviceDetails":{"eventChannel":{}}}`)
	f.Add(3, `{"assetType":"a","content":{"zip":{"zipFile":"UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="}}}`)
	f.Add(4, `{"serviceId":"aws","configuration":{"sourceAws":{}}}`)
	f.Add(5, `{"nextToken":"eyJvcCI6Ikxpc3RCYWNrbG9nVGFza3MifQ"}`)
	f.Add(0, `{"title":"a","reference":{"system":"s","system":"s"},"title":"b"}`)

	m, err := model.Load()
	if err != nil {
		f.Fatal(err)
	}
	targets := []struct{ method, path string }{
		{http.MethodPost, "/backlog/agent-space/default/tasks"},
		{http.MethodPost, "/backlog/agent-space/default/tasks/list"},
		{http.MethodPost, "/v1/register/eventChannel"},
		{http.MethodPost, "/asset/agent-space/default/assets"},
		{http.MethodPost, "/v1/agentspaces/default/associations"},
		{http.MethodPost, "/backlog/agent-space/default/tasks/list"},
	}

	f.Fuzz(func(t *testing.T, target int, body string) {
		if target < 0 {
			target = -target
		}
		tg := targets[target%len(targets)]
		req := httptest.NewRequest(tg.method, tg.path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Amz-Date", "20260701T120000Z")
		req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260701/us-east-1/"+
			"aidevops/aws4_request, SignedHeaders=host;x-amz-date, Signature="+
			strings.Repeat("0", 64))

		// A fresh server per input keeps runs independent and fast.
		srv, err := New(Options{Model: m})
		if err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)

		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("answer is not JSON: %q", rec.Body.Bytes())
		}
		if rec.Code >= 300 && rec.Header().Get(headerErrorType) == "" {
			t.Fatalf("error %d without X-Amzn-ErrorType: %s", rec.Code, rec.Body.Bytes())
		}
		if rec.Code >= 500 {
			t.Fatalf("server error: %s", bytes.TrimSpace(rec.Body.Bytes()))
		}
	})
}
