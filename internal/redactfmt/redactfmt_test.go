package redactfmt

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// key is a generated-style type with a sensitive member.
type key struct {
	Name   *string
	Secret *string
}

func (v key) String() string   { return v.print(Plain) }
func (v key) GoString() string { return v.print(GoSyntax) }

func (v key) print(style Style) string {
	s := NewStruct(style, "redactfmt.key")
	s.Field("Name", v.Name)
	s.Secret("Secret", v.Secret)
	return s.String()
}

// plain is a type without secrets and without methods.
type plain struct {
	Label *string
	Size  int32
}

// config holds every kind of field a generated String prints.
type config struct {
	ID      *string
	Count   *int32
	Key     *key
	Keys    []key
	Tags    map[string]string
	Headers map[string]string // sensitive values
	Token   *string           // sensitive
	Raw     []byte
	Plain   *plain
	Union   any
	Unset   *string
}

func (v config) String() string   { return v.print(Plain) }
func (v config) GoString() string { return v.print(GoSyntax) }

func (v config) print(style Style) string {
	s := NewStruct(style, "redactfmt.config")
	s.Field("ID", v.ID)
	s.Field("Count", v.Count)
	s.Field("Key", v.Key)
	s.Field("Keys", v.Keys)
	s.Field("Tags", v.Tags)
	s.SecretValues("Headers", v.Headers)
	s.Secret("Token", v.Token)
	s.Field("Raw", v.Raw)
	s.Field("Plain", v.Plain)
	s.Field("Union", v.Union)
	s.Field("Unset", v.Unset)
	return s.String()
}

func ptr[T any](v T) *T { return &v }

func sample() *config {
	return &config{
		ID:      ptr("cfg-1"),
		Count:   ptr(int32(3)),
		Key:     &key{Name: ptr("k"), Secret: ptr("hunter2")},
		Keys:    []key{{Name: ptr("a")}, {Secret: ptr("hunter3")}},
		Tags:    map[string]string{"b": "2", "a": "1"},
		Headers: map[string]string{"X-Token": "hunter4", "Accept": "hunter5"},
		Token:   ptr("hunter6"),
		Raw:     []byte{1, 2},
		Plain:   &plain{Label: ptr("L"), Size: 4},
		Union:   &key{Secret: ptr("hunter7")},
	}
}

func TestPrint(t *testing.T) {
	const r = Placeholder
	plainText := "{ID:cfg-1 Count:3 Key:{Name:k Secret:" + r + "} " +
		"Keys:[{Name:a Secret:<nil>} {Name:<nil> Secret:" + r + "}] Tags:map[a:1 b:2] " +
		"Headers:map[Accept:" + r + " X-Token:" + r + "] Token:" + r + " Raw:[1 2] " +
		"Plain:{Label:L Size:4} Union:{Name:<nil> Secret:" + r + "} Unset:<nil>}"
	const q = `"` + Placeholder + `"`
	goText := `redactfmt.config{ID:"cfg-1", Count:3, Key:redactfmt.key{Name:"k", Secret:` + q + `}, ` +
		`Keys:[]redactfmt.key{redactfmt.key{Name:"a", Secret:nil}, redactfmt.key{Name:nil, Secret:` + q + `}}, ` +
		`Tags:map[string]string{"a":"1", "b":"2"}, ` +
		`Headers:map[string]string{"Accept":` + q + `, "X-Token":` + q + `}, Token:` + q + `, ` +
		`Raw:[]byte{0x1, 0x2}, Plain:&redactfmt.plain{Label:"L", Size:4}, ` +
		`Union:redactfmt.key{Name:nil, Secret:` + q + `}, Unset:nil}`

	v := sample()
	tests := []struct {
		format string
		value  any
		want   string
	}{
		{"%v", v, plainText},
		{"%+v", v, plainText},
		{"%s", v, plainText},
		{"%v", *v, plainText},
		{"%#v", v, goText},
		{"%#v", *v, goText},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %T", tt.format, tt.value), func(t *testing.T) {
			got := fmt.Sprintf(tt.format, tt.value)
			assert.Equal(t, tt.want, got)
			assert.NotContains(t, got, "hunter")
		})
	}
}

func TestPrintNilSecrets(t *testing.T) {
	tests := []struct {
		style Style
		want  string
	}{
		{Plain, "{Headers:<nil> Token:<nil> Union:<nil>}"},
		{GoSyntax, "T{Headers:nil, Token:nil, Union:nil}"},
	}
	for _, tt := range tests {
		s := NewStruct(tt.style, "T")
		s.SecretValues("Headers", map[string]string(nil))
		s.Secret("Token", (*string)(nil))
		s.Secret("Union", nil)
		assert.Equal(t, tt.want, s.String())
	}
}

// node refers to itself.
type node struct {
	Next *node
}

func TestPrintStopsOnCycles(t *testing.T) {
	n := &node{}
	n.Next = n
	s := NewStruct(Plain, "T")
	s.Field("Node", n)

	levels := maxDepth / 2 // a pointer and a struct per level
	want := "{Node:" + strings.Repeat("{Next:", levels) + "..." + strings.Repeat("}", levels+1)
	assert.Equal(t, want, s.String())
}
