package serde

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadUnion(t *testing.T) {
	text := func(s string) *string { return &s }
	number := func(n int32) *int32 { return &n }

	tests := []struct {
		name       string
		body       string
		text       *string
		number     *int32
		unknown    string
		unknownRaw string
	}{
		{name: "one known member", body: `{"choice":{"text":"hi"}}`, text: text("hi")},
		{name: "null members are ignored", body: `{"choice":{"text":null,"number":7}}`, number: number(7)},
		{name: "all null", body: `{"choice":{"text":null}}`},
		{name: "empty object", body: `{"choice":{}}`},
		{name: "known wins over a later unknown", body: `{"choice":{"text":"a","zzz":{"b":1}}}`, text: text("a")},
		{name: "known wins over an earlier unknown", body: `{"choice":{"zzz":[1],"number":2}}`, number: number(2)},
		{
			name:       "unknown only keeps tag and JSON value",
			body:       `{"choice":{"newKind":{"z":1,"a":[12345678901234567890,0.1,null,"<&>"]}}}`,
			unknown:    "newKind",
			unknownRaw: `{"a":[12345678901234567890,0.1,null,"\u003c\u0026\u003e"],"z":1}`,
		},
		{name: "first unknown is kept", body: `{"choice":{"u1":true,"u2":false}}`, unknown: "u1", unknownRaw: "true"},
		{name: "unknown scalar", body: `{"choice":{"u":"s"}}`, unknown: "u", unknownRaw: `"s"`},
		{name: "first of two known members wins", body: `{"choice":{"text":"a","number":1}}`,
			text: text("a")},
		{name: "first of two known members wins, either order",
			body: `{"choice":{"number":1,"text":"a"}}`, number: number(1)},
		{name: "a repeated key keeps its first value", body: `{"choice":{"text":"a","text":"b"}}`,
			text: text("a")},
		{name: "a null repeat does not clear the member",
			body: `{"choice":{"text":"a","text":null}}`, text: text("a")},
		{name: "a repeat after a null is read", body: `{"choice":{"text":null,"text":"b"}}`,
			text: text("b")},
		{name: "later members are skipped whatever their value",
			body:   `{"choice":{"number":3,"zzz":{"deep":[[{}]]},"text":"x","number":"bad"}}`,
			number: number(3)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := decode(t, tt.body)
			require.NoError(t, err)
			assert.Equal(t, tt.text, h.Text)
			assert.Equal(t, tt.number, h.Number)
			assert.Equal(t, tt.unknown, h.Unknown)
			if tt.unknownRaw == "" {
				assert.Nil(t, h.UnknownRaw)
			} else {
				assert.Equal(t, tt.unknownRaw, string(h.UnknownRaw))
			}
		})
	}
}

func TestReadUnionSkipsLaterMembersWithoutAcceptingBadJSON(t *testing.T) {
	_, err := decode(t, `{"choice":{"text":"a","number":[1,}}`)
	require.Error(t, err)
}

func TestReadUnionRejectsNonObjects(t *testing.T) {
	_, err := decode(t, `{"choice":"text"}`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "expected '{'")
}
