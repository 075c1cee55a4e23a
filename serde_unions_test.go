package devopsagent

// Every member of every union is written and read back through the
// restJson1 engine. The written bodies are compared with
// testdata/union_bodies.golden (go test -run TestUnionMembers -update
// rewrites it; review the diff), and reading each body back must give the
// value that was written.

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	smithy "github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/document"
	"github.com/devopsagent-go/devopsagent/internal/schemas"
	"github.com/devopsagent-go/devopsagent/types"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files of the serde tests")

// bodyCase is one value written as a body and read back.
type bodyCase struct {
	name  string
	shape *smithy.Schema
	value interface {
		smithy.Serializable
		smithy.Deserializable
	}
	member any // the union member value the case is about
}

func TestUnionMembers(t *testing.T) {
	cases := unionCases()
	golden := readGolden(t, "testdata/union_bodies.golden")
	got := map[string]string{}

	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := encodeBody(t, c.shape, c.value)
			got[c.name] = body
			if !*updateGolden {
				assert.Equal(t, golden[c.name], body)
			}

			back := reflect.New(reflect.TypeOf(c.value).Elem()).Interface().(smithy.Deserializable)
			require.NoError(t, decodeBody(c.shape, body, back))
			assert.Equal(t, normalizeDocuments(c.value), normalizeDocuments(back))
			assert.Equal(t, reflect.TypeOf(c.member), reflect.TypeOf(findUnion(back, c.member)))
		})
	}

	if *updateGolden {
		writeGolden(t, "testdata/union_bodies.golden", got)
		return
	}
	assert.Len(t, golden, len(cases), "golden file has cases that no longer exist")
}

// unionCases lists one case per union member, each inside the smallest
// input or output that holds the union.
func unionCases() []bodyCase {
	var cases []bodyCase
	add := func(union string, shape *smithy.Schema, member any, value interface {
		smithy.Serializable
		smithy.Deserializable
	},
	) {
		name := union + "/" + strings.TrimPrefix(reflect.TypeOf(member).Elem().Name(),
			union+"Member")
		cases = append(cases, bodyCase{name: name, shape: shape, value: value, member: member})
	}

	for _, m := range serviceConfigurationMembers() {
		add("ServiceConfiguration", schemas.AssociateServiceInput, m,
			&AssociateServiceInput{Configuration: m})
	}
	for _, m := range serviceDetailsMembers() {
		add("ServiceDetails", schemas.RegisterServiceInput, m,
			&RegisterServiceInput{ServiceDetails: m})
	}
	for _, m := range additionalServiceDetailsMembers() {
		add("AdditionalServiceDetails", schemas.GetServiceOutput, m,
			&GetServiceOutput{Service: &types.RegisteredService{AdditionalServiceDetails: m}})
	}
	step := filled[types.AdditionalServiceRegistrationStepMemberOauth]()
	add("AdditionalServiceRegistrationStep", schemas.RegisterServiceOutput, step,
		&RegisterServiceOutput{AdditionalStep: step})

	for _, m := range assetContentMembers() {
		add("AssetContent", schemas.CreateAssetRequest, m, &CreateAssetInput{Content: m})
	}
	for _, m := range []types.AssetFileBody{
		&types.AssetFileBodyMemberBytes{Value: []byte("file\x00bytes")},
		&types.AssetFileBodyMemberText{Value: "line 1\nline \"2\""},
	} {
		content := &types.AssetContentMemberFile{Value: types.AssetFileContent{Path: ptr("a/b.txt"),
			Body: m}}
		add("AssetFileBody", schemas.CreateAssetRequest, m, &CreateAssetInput{Content: content})
	}

	for _, a := range authConfigCases() {
		add(a.union, schemas.RegisterServiceInput, a.member,
			&RegisterServiceInput{ServiceDetails: a.details})
	}
	return cases
}

func serviceConfigurationMembers() []types.ServiceConfiguration {
	return filledMembers([]types.ServiceConfiguration{
		&types.ServiceConfigurationMemberSourceAws{},
		&types.ServiceConfigurationMemberAws{},
		&types.ServiceConfigurationMemberGithub{},
		&types.ServiceConfigurationMemberSlack{},
		&types.ServiceConfigurationMemberDynatrace{},
		&types.ServiceConfigurationMemberServicenow{},
		&types.ServiceConfigurationMemberMcpservernewrelic{},
		&types.ServiceConfigurationMemberMcpserverdatadog{},
		&types.ServiceConfigurationMemberMcpserver{},
		&types.ServiceConfigurationMemberGitlab{},
		&types.ServiceConfigurationMemberMcpserversplunk{},
		&types.ServiceConfigurationMemberEventChannel{},
		&types.ServiceConfigurationMemberAzure{},
		&types.ServiceConfigurationMemberAzuredevops{},
		&types.ServiceConfigurationMemberMcpservergrafana{},
		&types.ServiceConfigurationMemberPagerduty{},
		&types.ServiceConfigurationMemberMcpserversigv4{},
		&types.ServiceConfigurationMemberRemoteagent{},
		&types.ServiceConfigurationMemberRemoteagentsigv4{},
	})
}

func serviceDetailsMembers() []types.ServiceDetails {
	return filledMembers([]types.ServiceDetails{
		&types.ServiceDetailsMemberDynatrace{},
		&types.ServiceDetailsMemberServicenow{},
		&types.ServiceDetailsMemberMcpserverdatadog{},
		&types.ServiceDetailsMemberMcpserver{},
		&types.ServiceDetailsMemberGitlab{},
		&types.ServiceDetailsMemberMcpserversplunk{},
		&types.ServiceDetailsMemberMcpservernewrelic{},
		&types.ServiceDetailsMemberEventChannel{},
		&types.ServiceDetailsMemberMcpservergrafana{},
		&types.ServiceDetailsMemberPagerduty{},
		&types.ServiceDetailsMemberAzureidentity{},
		&types.ServiceDetailsMemberMcpserversigv4{},
		&types.ServiceDetailsMemberRemoteagent{},
		&types.ServiceDetailsMemberRemoteagentsigv4{},
	})
}

func additionalServiceDetailsMembers() []types.AdditionalServiceDetails {
	return filledMembers([]types.AdditionalServiceDetails{
		&types.AdditionalServiceDetailsMemberGithub{},
		&types.AdditionalServiceDetailsMemberSlack{},
		&types.AdditionalServiceDetailsMemberMcpserverdatadog{},
		&types.AdditionalServiceDetailsMemberMcpserver{},
		&types.AdditionalServiceDetailsMemberServicenow{},
		&types.AdditionalServiceDetailsMemberGitlab{},
		&types.AdditionalServiceDetailsMemberMcpserversplunk{},
		&types.AdditionalServiceDetailsMemberMcpservernewrelic{},
		&types.AdditionalServiceDetailsMemberAzuredevops{},
		&types.AdditionalServiceDetailsMemberAzureidentity{},
		&types.AdditionalServiceDetailsMemberMcpservergrafana{},
		&types.AdditionalServiceDetailsMemberPagerduty{},
		&types.AdditionalServiceDetailsMemberMcpserversigv4{},
		&types.AdditionalServiceDetailsMemberRemoteagent{},
		&types.AdditionalServiceDetailsMemberRemoteagentsigv4{},
	})
}

func assetContentMembers() []types.AssetContent {
	file := &types.AssetContentMemberFile{}
	fill(file)
	file.Value.Body = &types.AssetFileBodyMemberText{Value: "text"}
	return append([]types.AssetContent{file}, filledMembers([]types.AssetContent{
		&types.AssetContentMemberZip{},
		&types.AssetContentMemberSourceUrl{},
	})...)
}

// filledMembers fills the value of every union member.
func filledMembers[U any](members []U) []U {
	for _, m := range members {
		fill(m)
	}
	return members
}

// authConfigCase is one member of an authorization union, placed in the
// service details that hold it.
type authConfigCase struct {
	union   string
	member  any
	details types.ServiceDetails
}

func authConfigCases() []authConfigCase {
	datadog := filled[types.DatadogAuthorizationConfigMemberAuthorizationDiscovery]()
	dynatrace := filled[types.DynatraceServiceAuthorizationConfigMemberOAuthClientCredentials]()
	newRelic := filled[types.NewRelicServiceAuthorizationConfigMemberApiKey]()
	pagerDuty := filled[types.PagerDutyAuthorizationConfigMemberOAuthClientCredentials]()
	serviceNow := filled[types.ServiceNowServiceAuthorizationConfigMemberOAuthClientCredentials]()

	cases := []authConfigCase{
		{"DatadogAuthorizationConfig", datadog, &types.ServiceDetailsMemberMcpserverdatadog{
			Value: types.DatadogServiceDetails{AuthorizationConfig: datadog},
		}},
		{"DynatraceServiceAuthorizationConfig", dynatrace, &types.ServiceDetailsMemberDynatrace{
			Value: types.DynatraceServiceDetails{AuthorizationConfig: dynatrace},
		}},
		{"NewRelicServiceAuthorizationConfig", newRelic,
			&types.ServiceDetailsMemberMcpservernewrelic{
				Value: types.NewRelicServiceDetails{AuthorizationConfig: newRelic},
			}},
		{"PagerDutyAuthorizationConfig", pagerDuty, &types.ServiceDetailsMemberPagerduty{
			Value: types.PagerDutyDetails{AuthorizationConfig: pagerDuty},
		}},
		{"ServiceNowServiceAuthorizationConfig", serviceNow, &types.ServiceDetailsMemberServicenow{
			Value: types.ServiceNowServiceDetails{AuthorizationConfig: serviceNow},
		}},
	}

	for _, m := range filledMembers([]types.MCPServerAuthorizationConfig{
		&types.MCPServerAuthorizationConfigMemberOAuthClientCredentials{},
		&types.MCPServerAuthorizationConfigMemberOAuth3LO{},
		&types.MCPServerAuthorizationConfigMemberApiKey{},
		&types.MCPServerAuthorizationConfigMemberBearerToken{},
		&types.MCPServerAuthorizationConfigMemberAuthorizationDiscovery{},
	}) {
		details := types.MCPServerDetails{AuthorizationConfig: m}
		cases = append(cases, authConfigCase{"MCPServerAuthorizationConfig", m,
			&types.ServiceDetailsMemberMcpserver{Value: details}})
	}

	for _, m := range filledMembers([]types.RemoteAgentAuthorizationConfig{
		&types.RemoteAgentAuthorizationConfigMemberApiKey{},
		&types.RemoteAgentAuthorizationConfigMemberOAuthClientCredentials{},
		&types.RemoteAgentAuthorizationConfigMemberBearerToken{},
	}) {
		details := types.RemoteAgentServiceDetails{AuthorizationConfig: m}
		cases = append(cases, authConfigCase{"RemoteAgentAuthorizationConfig", m,
			&types.ServiceDetailsMemberRemoteagent{Value: details}})
	}
	return cases
}

// findUnion returns the value in v whose type is that of member: v itself
// or any field, element or union value reachable from it.
func findUnion(v any, member any) any {
	want := reflect.TypeOf(member)
	var found any
	var walk func(rv reflect.Value)
	walk = func(rv reflect.Value) {
		if found != nil || !rv.IsValid() {
			return
		}
		if rv.Type() == want {
			found = rv.Interface()
			return
		}
		switch rv.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !rv.IsNil() {
				walk(rv.Elem())
			}
		case reflect.Struct:
			for i := 0; i < rv.NumField(); i++ {
				walk(rv.Field(i))
			}
		}
	}
	walk(reflect.ValueOf(v))
	return found
}

// normalizeDocuments returns a copy of v, by way of reflection, in which
// every document is replaced by a lazy document of its JSON encoding, so
// that a document written and one read back compare equal.
func normalizeDocuments(v any) any {
	out := reflect.New(reflect.TypeOf(v).Elem())
	out.Elem().Set(reflect.ValueOf(v).Elem())
	normalizeValue(out.Elem())
	return out.Interface()
}

func normalizeValue(v reflect.Value) {
	if v.Type() == documentType && !v.IsNil() && v.CanSet() {
		raw, err := v.Interface().(document.Interface).MarshalSmithyDocument()
		if err == nil {
			v.Set(reflect.ValueOf(document.NewLazyDocument(json.RawMessage(raw))))
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			cp := reflect.New(v.Type().Elem())
			cp.Elem().Set(v.Elem())
			normalizeValue(cp.Elem())
			v.Set(cp)
		}
	case reflect.Interface:
		if !v.IsNil() && v.Elem().Kind() == reflect.Pointer {
			cp := reflect.New(v.Elem().Type().Elem())
			cp.Elem().Set(v.Elem().Elem())
			normalizeValue(cp.Elem())
			v.Set(cp)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).CanSet() {
				normalizeValue(v.Field(i))
			}
		}
	case reflect.Slice:
		if !v.IsNil() && v.Type().Elem().Kind() != reflect.Uint8 {
			cp := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			reflect.Copy(cp, v)
			for i := 0; i < cp.Len(); i++ {
				normalizeValue(cp.Index(i))
			}
			v.Set(cp)
		}
	}
}

// readGolden reads "name<TAB>body" lines.
func readGolden(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if os.IsNotExist(err) && *updateGolden {
		return map[string]string{}
	}
	require.NoError(t, err)
	defer f.Close()

	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		name, body, ok := strings.Cut(sc.Text(), "\t")
		require.True(t, ok, "bad golden line %q", sc.Text())
		out[name] = body
	}
	require.NoError(t, sc.Err())
	return out
}

func writeGolden(t *testing.T, path string, bodies map[string]string) {
	t.Helper()
	names := make([]string, 0, len(bodies))
	for name := range bodies {
		names = append(names, name)
	}
	sort.Strings(names)

	var b strings.Builder
	for _, name := range names {
		fmt.Fprintf(&b, "%s\t%s\n", name, bodies[name])
	}
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
}

func ptr[T any](v T) *T { return &v }
