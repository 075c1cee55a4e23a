package codegen

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBreakLine(t *testing.T) {
	long := "\t\ts.WriteString(schemas.RegisterServiceInput_exchangeUrlPrivateConnectionName, " +
		"*v.ExchangeUrlPrivateConnectionName)"
	tests := []struct {
		name string
		line string
		want []string
	}{
		{"short line stays", "\treturn nil", []string{"\treturn nil"}},
		{"comment stays", "\t// " + strings.Repeat("word ", 30), []string{"\t// " + strings.Repeat("word ", 30)}},
		{"breaks after a comma", long, []string{
			"\t\ts.WriteString(schemas.RegisterServiceInput_exchangeUrlPrivateConnectionName,",
			"\t\t\t*v.ExchangeUrlPrivateConnectionName)",
		}},
		{"breaks after &&", "\tif p.options.StopOnDuplicateToken && prev != nil && p.nextToken != nil && " +
			"*prev == *p.nextToken {", []string{
			"\tif p.options.StopOnDuplicateToken && prev != nil && p.nextToken != nil &&",
			"\t\t*prev == *p.nextToken {",
		}},
		{"never inside a string", `	x := "` + strings.Repeat("a, ", 40) + `"`, []string{
			`	x := "` + strings.Repeat("a, ", 40) + `"`,
		}},
		{"not between results", "\tListServices(context.Context, *ListServicesInput, ...func(*Options)) " +
			"(*ListServicesOutput, error)", []string{
			"\tListServices(context.Context, *ListServicesInput,",
			"\t\t...func(*Options)) (*ListServicesOutput, error)",
		}},
		{"between results when nothing else fits", "\tF() (*AVeryLongResultTypeNameThatRunsOnAndOnAndOnAndOn, " +
			"AnotherVeryLongResultTypeNameThatRunsOnAndOn)", []string{
			"\tF() (*AVeryLongResultTypeNameThatRunsOnAndOnAndOnAndOn,",
			"\t\tAnotherVeryLongResultTypeNameThatRunsOnAndOn)",
		}},
		{"not after a receiver", "func (*RemoteAgentAuthorizationConfigMemberOAuthClientCredentials) " +
			"isRemoteAgentAuthorizationConfig() {}", []string{
			"func (*RemoteAgentAuthorizationConfigMemberOAuthClientCredentials) " +
				"isRemoteAgentAuthorizationConfig() {}",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, breakLine(tt.line))
		})
	}
}

func TestRewrapComments(t *testing.T) {
	src := "// This file holds the ListBacklogTasks operation: the client method, its input and\n" +
		"// output types.\n" +
		"//\n" +
		"//   - ListItemThatIsNotTouchedEvenThoughItIsLongerThanTheLimitOfEightyColumnsForSure\n" +
		"package x\n"
	want := "// This file holds the ListBacklogTasks operation: the client method, its input\n" +
		"// and output types.\n" +
		"//\n" +
		"//   - ListItemThatIsNotTouchedEvenThoughItIsLongerThanTheLimitOfEightyColumnsForSure\n" +
		"package x\n"
	assert.Equal(t, want, string(rewrapComments([]byte(src))))
}
