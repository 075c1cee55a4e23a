package codegen

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPrintMethod(t *testing.T) {
	str := &shape{kind: kindString}
	secretMember := func(name string) *member { return &member{name: name, target: str, sensitive: true} }
	plainMember := func(name string) *member { return &member{name: name, target: str} }
	mapOf := func(key, value *member) *shape {
		return &shape{kind: kindMap, members: []*member{key, value}}
	}
	listOf := func(elem *member) *shape { return &shape{kind: kindList, members: []*member{elem}} }
	field := func(target *shape) *member { return &member{name: "f", target: target} }

	tests := []struct {
		name  string
		m     *member
		whole bool
		want  string
	}{
		{"plain string", plainMember("f"), false, "Field"},
		{"sensitive string", secretMember("f"), false, "Secret"},
		{"member of a sensitive union", plainMember("f"), true, "Secret"},
		{"map of secrets", field(mapOf(plainMember("key"), secretMember("value"))), false, "SecretValues"},
		{"map with secret keys", field(mapOf(secretMember("key"), plainMember("value"))), false, "Secret"},
		{"map of lists of secrets", field(mapOf(plainMember("key"),
			&member{name: "value", target: listOf(secretMember("member"))})), false, "Secret"},
		{"list of secrets", field(listOf(secretMember("member"))), false, "Secret"},
		{"list of strings", field(listOf(plainMember("member"))), false, "Field"},
		{"structure", field(&shape{kind: kindStructure, members: []*member{secretMember("x")}}), false,
			"Field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, printMethod(tt.m, tt.whole))
		})
	}
}

func TestSecretHolders(t *testing.T) {
	a := loadTestAPI(t)
	holds := a.secretHolders()

	var holders []string
	for _, s := range a.shapes {
		if holds[s] {
			holders = append(holders, s.name)
		}
	}
	assert.Equal(t, []string{"ListStationsOutput", "Station", "StationList"}, holders)
}
