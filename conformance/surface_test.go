package conformance

// Drop-in compatibility of the exported API: every type, field, union
// member and enum value v1.5.2 has for the shared operations exists in
// ours with the same shape, and what ours has beyond that is exactly the
// v1.8.0 delta of facts.md §E; the client and options surface (Options,
// constructors, functional options, resolvers, auth types) matches
// declaration by declaration.

import (
	"fmt"
	"os/exec"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	official "github.com/aws/aws-sdk-go-v2/service/devopsagent"
	otypes "github.com/aws/aws-sdk-go-v2/service/devopsagent/types"
	ours "github.com/devopsagent-go/devopsagent"
	"github.com/devopsagent-go/devopsagent/conformance/internal/apisurface"
	"github.com/devopsagent-go/devopsagent/conformance/internal/mirror"
	"github.com/devopsagent-go/devopsagent/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// surfaceRoots pairs the top-level types of the shared operations.
var surfaceRoots = [][2]any{
	{official.AssociateServiceInput{}, ours.AssociateServiceInput{}},
	{official.AssociateServiceOutput{}, ours.AssociateServiceOutput{}},
	{official.CreateBacklogTaskInput{}, ours.CreateBacklogTaskInput{}},
	{official.CreateBacklogTaskOutput{}, ours.CreateBacklogTaskOutput{}},
	{official.GetAssociationInput{}, ours.GetAssociationInput{}},
	{official.GetAssociationOutput{}, ours.GetAssociationOutput{}},
	{official.GetBacklogTaskInput{}, ours.GetBacklogTaskInput{}},
	{official.GetBacklogTaskOutput{}, ours.GetBacklogTaskOutput{}},
	{official.GetServiceInput{}, ours.GetServiceInput{}},
	{official.GetServiceOutput{}, ours.GetServiceOutput{}},
	{official.ListAssociationsInput{}, ours.ListAssociationsInput{}},
	{official.ListAssociationsOutput{}, ours.ListAssociationsOutput{}},
	{official.ListBacklogTasksInput{}, ours.ListBacklogTasksInput{}},
	{official.ListBacklogTasksOutput{}, ours.ListBacklogTasksOutput{}},
	{official.ListServicesInput{}, ours.ListServicesInput{}},
	{official.ListServicesOutput{}, ours.ListServicesOutput{}},
	{official.RegisterServiceInput{}, ours.RegisterServiceInput{}},
	{official.RegisterServiceOutput{}, ours.RegisterServiceOutput{}},
	{official.UpdateAssociationInput{}, ours.UpdateAssociationInput{}},
	{official.UpdateAssociationOutput{}, ours.UpdateAssociationOutput{}},
	{official.UpdateBacklogTaskInput{}, ours.UpdateBacklogTaskInput{}},
	{official.UpdateBacklogTaskOutput{}, ours.UpdateBacklogTaskOutput{}},
	{official.ListAssociationsPaginatorOptions{}, ours.ListAssociationsPaginatorOptions{}},
	{official.ListBacklogTasksPaginatorOptions{}, ours.ListBacklogTasksPaginatorOptions{}},
	{official.ListServicesPaginatorOptions{}, ours.ListServicesPaginatorOptions{}},
	{otypes.AccessDeniedException{}, types.AccessDeniedException{}},
	{otypes.ConflictException{}, types.ConflictException{}},
	{otypes.ContentSizeExceededException{}, types.ContentSizeExceededException{}},
	{otypes.InternalServerException{}, types.InternalServerException{}},
	{otypes.InvalidParameterException{}, types.InvalidParameterException{}},
	{otypes.ResourceNotFoundException{}, types.ResourceNotFoundException{}},
	{otypes.ServiceQuotaExceededException{}, types.ServiceQuotaExceededException{}},
	{otypes.ThrottlingException{}, types.ThrottlingException{}},
	{otypes.ValidationException{}, types.ValidationException{}},
}

// v180Additions is what facts.md §E says v1.8.0 added to the types the
// shared operations reach: fields as Type.Field, union members as
// Union/MemberType.
var v180Additions = []string{
	"AdditionalServiceDetails/AdditionalServiceDetailsMemberRemoteagent",
	"AdditionalServiceDetails/AdditionalServiceDetailsMemberRemoteagentsigv4",
	"AssociateServiceInput.Capabilities",
	"Association.Capabilities",
	"GitHubConfiguration.RuntimeRoleArn",
	"GitLabConfiguration.RuntimeRoleArn",
	"MCPServerSigV4AuthorizationConfig.McpRoleArn",
	"RegisterServiceInput.ExchangeUrlPrivateConnectionName",
	"RegisterServiceInput.TargetUrlPrivateConnectionName",
	"RegisteredMCPServerSigV4Details.McpRoleArn",
	"ServiceConfiguration/ServiceConfigurationMemberRemoteagent",
	"ServiceConfiguration/ServiceConfigurationMemberRemoteagentsigv4",
	"ServiceDetails/ServiceDetailsMemberRemoteagent",
	"ServiceDetails/ServiceDetailsMemberRemoteagentsigv4",
	"UpdateAssociationInput.Capabilities",
}

// surfaceWalk compares an official type with ours, depth first.
type surfaceWalk struct {
	extras   []string // what ours has beyond v1.5.2
	problems []string // what v1.5.2 has that ours lacks or shapes differently
	seen     map[[2]reflect.Type]bool
}

func (w *surfaceWalk) compare(where string, ot, ut reflect.Type) {
	key := [2]reflect.Type{ot, ut}
	if ot == ut || w.seen[key] {
		return
	}
	w.seen[key] = true

	if ot.Kind() != ut.Kind() || ot.Name() != ut.Name() {
		w.problems = append(w.problems, where+": official "+ot.String()+", ours "+ut.String())
		return
	}

	switch ot.Kind() {
	case reflect.Pointer, reflect.Slice:
		w.compare(where, ot.Elem(), ut.Elem())
	case reflect.Map:
		w.compare(where+" key", ot.Key(), ut.Key())
		w.compare(where, ot.Elem(), ut.Elem())
	case reflect.Struct:
		w.fields(ot, ut)
	case reflect.Interface:
		if ot.Name() != "Interface" { // documents are compared by behaviour
			w.union(ot, ut)
		}
	}
}

func (w *surfaceWalk) fields(ot, ut reflect.Type) {
	for i := range ot.NumField() {
		f := ot.Field(i)
		if !f.IsExported() || f.Anonymous {
			continue
		}
		uf, ok := ut.FieldByName(f.Name)
		if !ok {
			w.problems = append(w.problems, ot.Name()+"."+f.Name+": missing in ours")
			continue
		}
		w.compare(ot.Name()+"."+f.Name, f.Type, uf.Type)
	}

	for i := range ut.NumField() {
		f := ut.Field(i)
		if _, ok := ot.FieldByName(f.Name); f.IsExported() && !f.Anonymous && !ok {
			w.extras = append(w.extras, ot.Name()+"."+f.Name)
		}
	}
}

func (w *surfaceWalk) union(ot, ut reflect.Type) {
	theirs := officialUnionMembers.MembersOf(ot)
	mine := ourUnionMembers.MembersOf(ut)
	for name, t := range theirs {
		if u, ok := mine[name]; ok {
			w.compare(ot.Name()+"/"+name, t, u)
		} else {
			w.problems = append(w.problems, ot.Name()+"/"+name+": missing in ours")
		}
	}
	for name := range mine {
		if _, ok := theirs[name]; !ok {
			w.extras = append(w.extras, ot.Name()+"/"+name)
		}
	}
}

func TestTypeSurface(t *testing.T) {
	w := &surfaceWalk{seen: map[[2]reflect.Type]bool{}}
	for _, pair := range surfaceRoots {
		ot, ut := reflect.TypeOf(pair[0]), reflect.TypeOf(pair[1])
		w.compare(ot.Name(), ot, ut)
	}

	sort.Strings(w.extras)
	sort.Strings(w.problems)
	assert.Empty(t, w.problems, "official API surface ours lacks")
	assert.Equal(t, v180Additions, w.extras, "ours beyond v1.5.2 must be the v1.8.0 delta")
}

// TestErrorMethods checks the methods callers use on modeled errors.
func TestErrorMethods(t *testing.T) {
	for _, pair := range surfaceRoots {
		ot := reflect.PointerTo(reflect.TypeOf(pair[0]))
		if !ot.Implements(reflect.TypeOf((*error)(nil)).Elem()) {
			continue
		}
		ut := reflect.PointerTo(reflect.TypeOf(pair[1]))
		for i := range ot.NumMethod() {
			m := ot.Method(i)
			um, ok := ut.MethodByName(m.Name)
			if assert.True(t, ok, "%s.%s missing in ours", ut, m.Name) {
				assert.Equal(t, m.Type.NumOut(), um.Type.NumOut(), "%s.%s results", ut, m.Name)
			}
		}
	}
}

// v180EnumAdditions are the enum values facts.md §E adds, in model order.
var v180EnumAdditions = map[string][]string{
	"PostRegisterServiceSupportedService": {"remoteagent", "remoteagentsigv4"},
	"Service":                             {"remoteagent", "remoteagentsigv4"},
	"TaskStatus":                          {"SKIPPED"},
	"TaskType":                            {"RELEASE_READINESS_REVIEW", "RELEASE_TESTING"},
}

func TestEnumSurface(t *testing.T) {
	for name, sample := range officialEnums {
		mine, ok := ourEnums[name]
		if !assert.True(t, ok, "enum %s missing in ours", name) {
			continue
		}
		want := slices.Concat(mirror.EnumValues(sample), v180EnumAdditions[name])
		assert.Equal(t, want, mirror.EnumValues(mine), "values of %s", name)
	}

	// The two enums v1.8.0 introduced (facts.md §C.2).
	assert.Equal(t, []string{"RELEASE_READINESS_REVIEW", "RELEASE_READINESS_REVIEW_AUTOMATED_TESTING"},
		mirror.EnumValues(ourEnums["CapabilityType"]))
	assert.Equal(t, []string{"oauth-client-credentials", "api-key", "bearer-token"},
		mirror.EnumValues(ourEnums["RemoteAgentAuthorizationMethod"]))
}

// clientSurfaceFiles are the files of v1.5.2 that declare the client and
// options surface: everything but operations, types and serde.
var clientSurfaceFiles = []string{"api_client.go", "options.go", "auth.go", "endpoints.go"}

// clientSurfaceDifferences are declarations of those files that ours
// declares differently or leaves out, with the reason.
var clientSurfaceDifferences = map[string]string{
	"NewDefaultEndpointResolver": "returns our *DefaultEndpointResolver: v1.5.2 returns " +
		"*endpoints.Resolver of its internal package, which no other module can name",
	"EndpointResolverOptions": "our own struct where v1.5.2 aliases its internal " +
		"endpoints.Options; fields and methods are compared one by one",
	"PartialResult": "the result type of event-stream operations, which ours does not cover",
}

// clientSurfaceAdditions are the exported declarations of our
// hand-written files that v1.5.2 does not have.
var clientSurfaceAdditions = []string{
	"DefaultEndpointResolver",                 // see NewDefaultEndpointResolver
	"DefaultEndpointResolver.ResolveEndpoint", // the v1 endpoint table
	"Options.DisableHostPrefix",               // for local endpoints such as 127.0.0.1
}

// TestClientSurface compares the client and options surface declaration
// by declaration: every exported type, field, function and method of
// v1.5.2's client files exists in ours with the same signature, except
// the differences listed above, and ours adds only the listed additions.
func TestClientSurface(t *testing.T) {
	theirs := officialSurface(t)
	mine := loadSurface(t, "github.com/devopsagent-go/devopsagent")

	var problems []string
	for name, want := range theirs {
		if !slices.Contains(clientSurfaceFiles, want.File) || isDifference(name) {
			continue
		}
		got, ok := mine[name]
		switch {
		case !ok:
			problems = append(problems, name+": missing in ours")
		case got.Kind != want.Kind || got.Sig != want.Sig:
			problems = append(problems, fmt.Sprintf("%s: official %s %s, ours %s %s",
				name, want.Kind, want.Sig, got.Kind, got.Sig))
		}
	}
	sort.Strings(problems)
	assert.Empty(t, problems, "client surface of v1.5.2 that ours lacks or declares differently")

	var additions []string
	for name, d := range mine {
		if _, ok := theirs[name]; !ok && !d.Generated {
			additions = append(additions, name)
		}
	}
	sort.Strings(additions)
	assert.Equal(t, clientSurfaceAdditions, additions, "hand-written API beyond v1.5.2")
}

// isDifference reports whether a declaration is a listed difference or
// a field of PartialResult.
func isDifference(name string) bool {
	_, listed := clientSurfaceDifferences[name]
	return listed || strings.HasPrefix(name, "PartialResult.")
}

// officialSurface returns v1.5.2's declarations, with the members of the
// internal endpoints.Options that its EndpointResolverOptions aliases
// listed as EndpointResolverOptions members.
func officialSurface(t *testing.T) map[string]apisurface.Decl {
	t.Helper()
	const pkg = "github.com/aws/aws-sdk-go-v2/service/devopsagent"
	decls := loadSurface(t, pkg)

	internal := loadSurface(t, pkg+"/internal/endpoints")
	for name, d := range internal {
		if member, ok := strings.CutPrefix(name, "Options."); ok {
			d.File = "endpoints.go"
			decls["EndpointResolverOptions."+member] = d
		}
	}
	return decls
}

// loadSurface returns the declarations of a package of the build.
func loadSurface(t *testing.T, pkg string) map[string]apisurface.Decl {
	t.Helper()
	out, err := exec.Command("go", "list", "-f", "{{.Dir}}", pkg).Output()
	require.NoError(t, err, "go list %s", pkg)

	decls, err := apisurface.Load(strings.TrimSpace(string(out)))
	require.NoError(t, err)
	return decls
}
