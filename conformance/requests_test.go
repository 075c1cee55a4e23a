package conformance

// Both clients must put the same request on the wire for the same input.

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRequestsMatchOfficial(t *testing.T) {
	cases := requestCases(officialEnumValues())
	require.NotEmpty(t, cases)

	for _, tc := range cases {
		t.Run(tc.op+"/"+tc.name, func(t *testing.T) {
			if tc.skip != "" {
				t.Skip(tc.skip)
			}
			op := operations[tc.op]
			theirs, mine := runBoth(t, op, tc.input)
			require.NoError(t, theirs.err, "official client")
			require.NoError(t, mine.err, "our client")

			assertSameRequests(t, theirs.requests, mine.requests, tc.canonical)
		})
	}
}

// TestRequestsCoverEveryOperation guards the case table: each shared
// operation is exercised, with every label value where it has labels.
func TestRequestsCoverEveryOperation(t *testing.T) {
	seen := map[string]int{}
	for _, tc := range requestCases(officialEnumValues()) {
		seen[tc.op]++
	}
	for name := range operations {
		assert.GreaterOrEqual(t, seen[name], len(labels), "cases for %s", name)
	}
}

// TestHostAndPathEscaping pins the parts of the wire form the comparison
// relies on, so a harness bug cannot make both sides agree on nothing.
func TestHostAndPathEscaping(t *testing.T) {
	const unicode = "%C3%BCn%C3%AF-%E6%97%A5%E6%9C%AC-%F0%9F%99%82"
	tests := []struct {
		op, label, wantHost, wantPath string
	}{
		{"GetService", "space", "cp.aidevops.us-east-1.api.aws", "/v1/services/with%20space"},
		{"GetService", "slash", "cp.aidevops.us-east-1.api.aws", "/v1/services/a%2Fb%2Fc"},
		{"GetService", "percent", "cp.aidevops.us-east-1.api.aws", "/v1/services/100%2525done"},
		{"GetService", "reserved", "cp.aidevops.us-east-1.api.aws",
			"/v1/services/a%2Bb%3Dc%26d%3Fe%23f%3Bg%2Ch"},
		{"GetBacklogTask", "unicode", "dp.aidevops.us-east-1.api.aws",
			"/backlog/agent-space/" + unicode + "/tasks/" + unicode},
	}

	for _, tt := range tests {
		t.Run(tt.op+"/"+tt.label, func(t *testing.T) {
			theirs, mine := runBoth(t, operations[tt.op], labelInput(t, tt.op, tt.label))
			require.NoError(t, theirs.err)
			require.NoError(t, mine.err)

			for _, ex := range []exchange{theirs, mine} {
				c := ex.requests[0]
				assert.Equal(t, tt.wantHost, c.req.URL.Host)
				assert.Equal(t, tt.wantPath, c.req.URL.EscapedPath())

				unescaped, err := url.PathUnescape(tt.wantPath)
				require.NoError(t, err)
				assert.Equal(t, unescaped, c.req.URL.Path)
			}
		})
	}
}

// labelInput returns the label case of op for the named label value.
func labelInput(t *testing.T, op, labelName string) any {
	t.Helper()
	for _, tc := range labelCases(nil) {
		if tc.op == op && tc.name == "label/"+labelName {
			return tc.input
		}
	}
	t.Fatalf("no label case %s %s", op, labelName)
	return nil
}
