package jsonwire

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	smithy "github.com/aws/smithy-go"
	smithydocument "github.com/aws/smithy-go/document"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/devopsagent-go/devopsagent/internal/serde"
)

// point is decoded the way generated code decodes a structure.
type point struct {
	X     *int32
	Label *string
}

func (p *point) Deserialize(d smithy.ShapeDeserializer) error {
	if err := d.ReadStruct(pointSchema); err != nil {
		return err
	}
	for {
		ms, err := d.ReadStructMember()
		if ms == nil || err != nil {
			return err
		}
		switch ms {
		case pointX:
			p.X = new(int32)
			err = d.ReadInt32(ms, p.X)
		case pointLabel:
			p.Label = new(string)
			err = d.ReadString(ms, p.Label)
		default:
			err = d.ReadTime(ms, &time.Time{})
		}
		if err != nil {
			return serde.MemberError(ms, err)
		}
	}
}

func TestReadStruct(t *testing.T) {
	x := func(n int32) *int32 { return &n }
	label := func(s string) *string { return &s }

	tests := []struct {
		name string
		body string
		want point
	}{
		{"members by JSON name", `{"x":3,"Label":"a"}`, point{X: x(3), Label: label("a")}},
		{"member name is not the JSON name", `{"label":"a"}`, point{}},
		{"null members are skipped", `{"x":null,"Label":"b"}`, point{Label: label("b")}},
		{"unknown members are skipped", `{"y":{"deep":[1,{"z":null}]},"x":1,"xx":"no"}`,
			point{X: x(1)}},
		{"escaped key", `{"\u0078":5}`, point{X: x(5)}},
		{"empty", ` { } `, point{}},
		{"null structure", `null`, point{}},
		{"repeated member, last wins", `{"x":1,"x":2}`, point{X: x(2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got point
			require.NoError(t, Unmarshal([]byte(tt.body), &got))
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestReadStructRejects(t *testing.T) {
	tests := []struct {
		body string
		want string
	}{
		{`[]`, `json: offset 0: expected '{', found '['`},
		{`{"x":1,}`, `json: offset 7: expected a string key, found '}'`},
		{`{"x":1 "Label":"a"}`, `json: offset 7: expected ',' or '}', found '"'`},
		{`{"x":"1"}`, `x: json: offset 5: expected an integer (int32), found '"'`},
		{`{"x":1e10}`, `x: json: offset 5: expected an integer (int32), found a number ` +
			`with a fraction or exponent`},
		{`{"y":[1,}`, `json: offset 8: expected a value, found '}'`},
		{`{"x":1`, `json: offset 6: expected ',' or '}', found end of input`},
		{`{"x":1}}`, `json: offset 7: expected end of input after the top-level value, found '}'`},
		{`{"x":nul}`, `json: offset 8: expected null, found '}'`},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			var got point
			err := Unmarshal([]byte(tt.body), &got)
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

func TestDepthLimitCountsOpenStructures(t *testing.T) {
	// Each level opens a decoder frame; the value at the bottom is
	// skipped, so both kinds of nesting count toward the limit.
	var nested readFunc
	levels := 0
	nested = func(d smithy.ShapeDeserializer) error {
		if err := d.ReadList(nil); err != nil {
			return err
		}
		levels++
		if levels == 500 {
			return d.ReadStruct(pointSchema)
		}
		if _, err := d.ReadListItem(nil); err != nil {
			return err
		}
		return nested(d)
	}
	body := strings.Repeat("[", 500) + `{"unknown":` + strings.Repeat("[", 600)
	err := Unmarshal([]byte(body), readFunc(func(d smithy.ShapeDeserializer) error {
		if err := nested(d); err != nil {
			return err
		}
		_, err := d.ReadStructMember()
		return err
	}))

	var jsonErr *Error
	require.ErrorAs(t, err, &jsonErr)
	assert.Equal(t, "objects and arrays nested deeper than 1000 levels", jsonErr.Msg)
	assert.Equal(t, 500+len(`{"unknown":`)+499, jsonErr.Offset)
}

func TestReadUnion(t *testing.T) {
	read := func(body string) ([]string, error) {
		var names []string
		err := Unmarshal([]byte(body), readFunc(func(d smithy.ShapeDeserializer) error {
			return smithy.ReadUnion(d, shapeSchema, func(ms *smithy.Schema) error {
				names = append(names, ms.MemberName())
				var n int32
				return d.ReadInt32(ms, &n)
			})
		}))
		return names, err
	}

	names, err := read(`{"circle":null,"future":{"a":1},"square":4}`)
	require.NoError(t, err)
	assert.Equal(t, []string{"square"}, names)

	names, err = read(`null`)
	require.NoError(t, err)
	assert.Empty(t, names)

	_, err = read(`{"circle":1,"square":2}`)
	assert.EqualError(t, err, "union has more than one non-nil member: square")
}

func TestReadMapAndList(t *testing.T) {
	got := map[string][]string{}
	err := Unmarshal([]byte(`{"a":["x","y"],"b":[],"c\u00e9":[null,"z"]}`),
		readFunc(func(d smithy.ShapeDeserializer) error {
			return serde.ReadMap(d, groupsSchema, func(key string) error {
				got[key] = []string{}
				return serde.ReadList(d, namesSchema, func() error {
					var s string
					err := d.ReadString(nil, &s)
					got[key] = append(got[key], s)
					return err
				})
			})
		}))
	require.NoError(t, err)
	assert.Equal(t, map[string][]string{"a": {"x", "y"}, "b": {}, "cé": {"z"}}, got)

	err = Unmarshal([]byte(`["a" "b"]`), readFunc(func(d smithy.ShapeDeserializer) error {
		return serde.ReadList(d, namesSchema, func() error { return d.ReadString(nil, new(string)) })
	}))
	assert.EqualError(t, err, `json: offset 5: expected ',' or ']', found '"'`)
}

func TestMisuseIsAnErrorNotAPanic(t *testing.T) {
	err := Unmarshal([]byte(`{}`), readFunc(func(d smithy.ShapeDeserializer) error {
		_, err := d.ReadStructMember()
		return err
	}))
	assert.ErrorIs(t, err, errNoFrame)

	err = Unmarshal([]byte(`[]`), readFunc(func(d smithy.ShapeDeserializer) error {
		if err := d.ReadList(nil); err != nil {
			return err
		}
		_, _, err := d.ReadMapKey(nil)
		return err
	}))
	assert.ErrorIs(t, err, errNoFrame)
}

func TestReadRawJSONKeepsBytesAsSent(t *testing.T) {
	var raw, next []byte
	err := Unmarshal([]byte(`[ {"z" : [1, 2], "a":0.10} , "x"]`),
		readFunc(func(d smithy.ShapeDeserializer) error {
			return readAll(d.ReadList(nil),
				func() error { _, err := d.ReadListItem(nil); return err },
				func() (err error) { raw, err = d.(serde.RawJSONReader).ReadRawJSON(); return err },
				func() error { _, err := d.ReadListItem(nil); return err },
				func() (err error) { next, err = d.(serde.RawJSONReader).ReadRawJSON(); return err },
				func() error { _, err := d.ReadListItem(nil); return err },
			)
		}))
	require.NoError(t, err)
	assert.Equal(t, `{"z" : [1, 2], "a":0.10}`, string(raw))
	assert.Equal(t, `"x"`, string(next))
	assert.Equal(t, len(raw), cap(raw), "appending must not reach the arena's next bytes")
}

func TestReadDocumentLikeSmithyGo(t *testing.T) {
	var v smithydocument.Value
	err := Unmarshal([]byte(`{"n":12345678901234567890,"l":[0.1,null,true,"s"]}`),
		readFunc(func(d smithy.ShapeDeserializer) error { return d.ReadDocument(nil, &v) }))
	require.NoError(t, err)
	assert.Equal(t, smithydocument.Opaque{Value: map[string]any{
		"n": json.Number("12345678901234567890"),
		"l": []any{json.Number("0.1"), nil, true, "s"},
	}}, v)
}
