package devopsagent

// Printing values with fmt (%v, %+v, %s, %#v) never shows a member the
// model marks sensitive, and shows everything else. The test builds every
// operation input and output, every union member and every structure they
// reach, with a distinct token in each string, and decides from the model
// itself (not from the generator) which tokens are secret.

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/internal/model"
	"github.com/devopsagent-go/devopsagent/internal/smithymodel"
	"github.com/devopsagent-go/devopsagent/types"
)

// allUnionMembers holds one value of every union member type;
// TestAllUnionMembersAreListed keeps it complete.
var allUnionMembers = []any{
	&types.UnknownUnionMember{},
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
	&types.AdditionalServiceRegistrationStepMemberOauth{},
	&types.AssetContentMemberFile{},
	&types.AssetContentMemberZip{},
	&types.AssetContentMemberSourceUrl{},
	&types.AssetFileBodyMemberBytes{},
	&types.AssetFileBodyMemberText{},
	&types.DatadogAuthorizationConfigMemberAuthorizationDiscovery{},
	&types.DynatraceServiceAuthorizationConfigMemberOAuthClientCredentials{},
	&types.MCPServerAuthorizationConfigMemberOAuthClientCredentials{},
	&types.MCPServerAuthorizationConfigMemberOAuth3LO{},
	&types.MCPServerAuthorizationConfigMemberApiKey{},
	&types.MCPServerAuthorizationConfigMemberBearerToken{},
	&types.MCPServerAuthorizationConfigMemberAuthorizationDiscovery{},
	&types.NewRelicServiceAuthorizationConfigMemberApiKey{},
	&types.PagerDutyAuthorizationConfigMemberOAuthClientCredentials{},
	&types.RemoteAgentAuthorizationConfigMemberApiKey{},
	&types.RemoteAgentAuthorizationConfigMemberOAuthClientCredentials{},
	&types.RemoteAgentAuthorizationConfigMemberBearerToken{},
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
	&types.ServiceNowServiceAuthorizationConfigMemberOAuthClientCredentials{},
}

// protection is how the model protects a field's value.
type protection int

const (
	open       protection = iota
	whole                 // the value is sensitive
	valuesOnly            // a map whose values are sensitive, not its keys
)

// modelProtections maps "GoType.Field" to the protection the model gives
// it. Union members are "UnionMemberX.Value". UnknownUnionMember.Value is
// treated as secret: it may be a member of a sensitive union.
func modelProtections(t *testing.T) map[string]protection {
	t.Helper()
	m, err := model.Load()
	require.NoError(t, err)
	ops, err := m.Operations()
	require.NoError(t, err)

	goNames := map[string]string{}
	for _, op := range ops {
		goNames[op.Input], goNames[op.Output] = op.Name()+"Input", op.Name()+"Output"
	}

	out := map[string]protection{"UnknownUnionMember.Value": whole}
	for _, id := range m.ShapeIDs() {
		s := m.Shape(id)
		name := goNames[id]
		if name == "" {
			name = s.Name()
		}
		for _, mem := range s.Members {
			switch s.Type {
			case "structure":
				out[name+"."+goField(mem.Name)] = protectionOf(m, s, mem)
			case "union":
				out[name+"Member"+goField(mem.Name)+".Value"] = protectionOf(m, s, mem)
			}
		}
	}
	return out
}

func protectionOf(m *smithymodel.Model, parent *smithymodel.Shape, mem *smithymodel.Member) protection {
	sensitive := func(mem *smithymodel.Member) bool {
		return m.EffectiveTraits(mem).Has(smithymodel.TraitSensitive)
	}
	if sensitive(mem) || (parent.Type == "union" && parent.Traits.Has(smithymodel.TraitSensitive)) {
		return whole
	}

	target := m.Shape(mem.Target)
	switch {
	case target.Type == "list" && sensitive(target.Member("member")):
		return whole
	case target.Type == "map" && sensitive(target.Member("key")):
		return whole
	case target.Type == "map" && sensitive(target.Member("value")):
		return valuesOnly
	}
	return open
}

// goField is the Go field name of a member: its first letter upper-cased.
func goField(member string) string {
	return strings.ToUpper(member[:1]) + member[1:]
}

// tokenPlanter fills values with tokens and remembers which are secret.
type tokenPlanter struct {
	protections map[string]protection
	variant     int // which member a union field gets: variant modulo their number
	tokens      map[string]bool
	structs     map[reflect.Type]bool // every struct type met
	count       *int                  // tokens made so far, shared by all planters
}

// token returns a new token; no token is a substring of another.
func (p *tokenPlanter) token(secret bool) string {
	*p.count++
	tok := fmt.Sprintf("<tok%05d>", *p.count)
	p.tokens[tok] = secret
	return tok
}

func (p *tokenPlanter) fill(v reflect.Value, secret bool, depth int) {
	if depth > 12 {
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		p.fill(v.Elem(), secret, depth+1)
	case reflect.Interface:
		p.fillUnion(v, secret, depth)
	case reflect.Struct:
		p.fillStruct(v, secret, depth)
	case reflect.String:
		v.SetString(p.token(secret))
	case reflect.Slice:
		p.fillSlice(v, secret, depth)
	case reflect.Map:
		p.fillMap(v, secret, secret, depth)
	}
}

func (p *tokenPlanter) fillUnion(v reflect.Value, secret bool, depth int) {
	var members []reflect.Type
	for _, m := range allUnionMembers {
		if t := reflect.TypeOf(m); t.Implements(v.Type()) && t != reflect.TypeOf(&types.UnknownUnionMember{}) {
			members = append(members, t)
		}
	}
	if len(members) == 0 {
		return // a document
	}
	member := reflect.New(members[p.variant%len(members)].Elem())
	p.fill(member.Elem(), secret, depth+1)
	v.Set(member)
}

func (p *tokenPlanter) fillStruct(v reflect.Value, secret bool, depth int) {
	t := v.Type()
	if t == reflect.TypeOf(time.Time{}) {
		v.Set(reflect.ValueOf(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)))
		return
	}
	p.structs[t] = true
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Name == "ResultMetadata" {
			continue
		}
		switch p.protections[t.Name()+"."+f.Name] {
		case whole:
			p.fill(v.Field(i), true, depth+1)
		case valuesOnly:
			p.fillMap(v.Field(i), secret, true, depth+1)
		default:
			p.fill(v.Field(i), secret, depth+1)
		}
	}
}

// fillSlice gives a list one element. A blob gets a token's bytes, and the
// token is kept in the forms fmt prints bytes in.
func (p *tokenPlanter) fillSlice(v reflect.Value, secret bool, depth int) {
	if v.Type().Elem().Kind() == reflect.Uint8 {
		b := []byte(p.token(secret))
		p.tokens[strings.Trim(fmt.Sprint(b), "[]")] = secret
		p.tokens[fmt.Sprintf("%#v", b)] = secret
		v.SetBytes(b)
		return
	}
	v.Set(reflect.MakeSlice(v.Type(), 1, 1))
	p.fill(v.Index(0), secret, depth+1)
}

func (p *tokenPlanter) fillMap(v reflect.Value, keySecret, valueSecret bool, depth int) {
	m := reflect.MakeMap(v.Type())
	key := reflect.New(v.Type().Key()).Elem()
	p.fill(key, keySecret, depth+1)
	elem := reflect.New(v.Type().Elem()).Elem()
	p.fill(elem, valueSecret, depth+1)
	m.SetMapIndex(key, elem)
	v.Set(m)
}

// printRoots returns a pointer to a new value of every operation input
// and output and of every union member type.
func printRoots() []reflect.Type {
	var roots []reflect.Type
	client := reflect.TypeOf(&Client{})
	ctx := reflect.TypeOf((*context.Context)(nil)).Elem()
	for i := range client.NumMethod() {
		m := client.Method(i).Type
		if m.NumIn() == 4 && m.In(1) == ctx && m.NumOut() == 2 {
			roots = append(roots, m.In(2), m.Out(0))
		}
	}
	for _, member := range allUnionMembers {
		roots = append(roots, reflect.TypeOf(member))
	}
	return roots
}

// plantedValue is a filled value and the tokens in it.
type plantedValue struct {
	name   string
	value  reflect.Value // a pointer
	tokens map[string]bool
}

// plantAll fills every root type and every structure type reached from
// them, once per variant of union members.
func plantAll(t *testing.T) []plantedValue {
	protections := modelProtections(t)
	count := 0
	newTokenPlanter := func(variant int) *tokenPlanter {
		return &tokenPlanter{protections: protections, variant: variant, tokens: map[string]bool{},
			structs: map[reflect.Type]bool{}, count: &count}
	}

	var out []plantedValue
	plant := func(typ reflect.Type, variant int) map[reflect.Type]bool {
		p := newTokenPlanter(variant)
		v := reflect.New(typ.Elem())
		p.fill(v.Elem(), false, 0)
		out = append(out, plantedValue{fmt.Sprintf("%s/%d", typ.Elem().Name(), variant), v, p.tokens})
		return p.structs
	}

	structs := map[reflect.Type]bool{}
	const variants = 20 // more than the largest union has members
	for _, root := range printRoots() {
		for variant := range variants {
			for s := range plant(root, variant) {
				structs[s] = true
			}
		}
	}
	for s := range structs {
		plant(reflect.PointerTo(s), 0)
	}
	return out
}

// printsReadably reports whether fmt shows v's fields rather than their
// addresses: its type, or the value of a union member, has String.
func printsReadably(v reflect.Value) bool {
	stringer := reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
	if v.Type().Implements(stringer) {
		return true
	}
	value := v.Elem().FieldByName("Value")
	return value.IsValid() && value.Type().Implements(stringer)
}

func TestPrintingHidesSecrets(t *testing.T) {
	values := plantAll(t)
	require.Greater(t, len(values), 1000)

	secrets, shown := 0, 0
	for _, pv := range values {
		for _, format := range []string{"%v", "%+v", "%s", "%#v"} {
			for _, v := range []reflect.Value{pv.value, pv.value.Elem()} {
				text := fmt.Sprintf(format, v.Interface())
				for tok, secret := range pv.tokens {
					switch {
					case secret:
						secrets++
						if !assert.NotContains(t, text, tok, "%s %s", pv.name, format) {
							return
						}
					case printsReadably(pv.value) && strings.HasPrefix(tok, "<tok"):
						shown++
						if !assert.Contains(t, text, tok, "%s %s", pv.name, format) {
							return
						}
					}
				}
			}
		}
	}
	assert.Greater(t, secrets, 1000, "secrets were planted")
	assert.Greater(t, shown, 1000, "open values were checked")
}

// TestPrintingCoversTheSensitiveTypes checks that the model's sensitive
// members were met: every protected field belongs to a type the test
// printed.
func TestPrintingCoversTheSensitiveTypes(t *testing.T) {
	printed := map[string]bool{}
	for _, pv := range plantAll(t) {
		printed[pv.value.Type().Elem().Name()] = true
	}

	var missed []string
	for field, p := range modelProtections(t) {
		typ, _, _ := strings.Cut(field, ".")
		if p != open && !printed[typ] {
			missed = append(missed, field)
		}
	}
	sort.Strings(missed)
	assert.Empty(t, missed)
}

// TestAllUnionMembersAreListed compares allUnionMembers with the union
// member types declared in types/types.go.
func TestAllUnionMembersAreListed(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "types/types.go", nil, 0)
	require.NoError(t, err)

	var declared []string
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Recv == nil || !strings.HasPrefix(fn.Name.Name, "is") {
			continue
		}
		recv := fn.Recv.List[0].Type.(*ast.StarExpr).X.(*ast.Ident).Name
		if !slices.Contains(declared, recv) {
			declared = append(declared, recv)
		}
	}

	var listed []string
	for _, m := range allUnionMembers {
		listed = append(listed, reflect.TypeOf(m).Elem().Name())
	}
	sort.Strings(declared)
	sort.Strings(listed)
	assert.Equal(t, declared, listed)
}

func TestPrintingExamples(t *testing.T) {
	const r = "*** Sensitive Data Redacted ***"
	oauth := &types.MCPServerOAuth3LOConfig{
		ClientId:           ptr("client-7"),
		ClientSecret:       ptr("s3cret"),
		ExchangeParameters: map[string]string{"audience": "s3cret-aud"},
		Scopes:             []string{"read"},
	}
	dynatrace := &types.DynatraceServiceAuthorizationConfigMemberOAuthClientCredentials{
		Value: types.DynatraceOAuthClientCredentialsConfig{ClientSecret: ptr("s3cret")},
	}

	tests := []struct {
		format string
		value  any
		want   string
	}{
		{"%v", oauth, "{AuthorizationUrl:<nil> ClientId:" + r + " ExchangeUrl:<nil> " +
			"ReturnToEndpoint:<nil> ClientName:<nil> ClientSecret:" + r +
			" ExchangeParameters:map[audience:" + r + "] Scopes:[read] SupportCodeChallenge:false}"},
		{"%#v", oauth, `types.MCPServerOAuth3LOConfig{AuthorizationUrl:nil, ClientId:"` + r +
			`", ExchangeUrl:nil, ReturnToEndpoint:nil, ClientName:nil, ClientSecret:"` + r +
			`", ExchangeParameters:map[string]string{"audience":"` + r + `"}, ` +
			`Scopes:[]string{"read"}, SupportCodeChallenge:false}`},
		{"%v", dynatrace, "{Value:" + r + "}"},
		{"%#v", dynatrace, `types.DynatraceServiceAuthorizationConfigMemberOAuthClientCredentials{Value:"` +
			r + `"}`},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %T", tt.format, tt.value), func(t *testing.T) {
			assert.Equal(t, tt.want, fmt.Sprintf(tt.format, tt.value))
		})
	}
}
