package mirror

// Tests of the converter and the normaliser on two small type universes:
// the package-level types play "ours" (the newer model) and the types
// declared inside newerToOlder play the destination with an older model.
// Go gives function-local types their plain names, so matching by name
// works across the two exactly as it does across two packages.

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/aws/smithy-go/middleware"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type Color string

func (Color) Values() []Color { return []Color{"red", "green", "blue"} }

type Shape interface{ isShape() }

type ShapeMemberCircle struct{ Value Circle }

func (*ShapeMemberCircle) isShape() {}

type ShapeMemberSquare struct{ Value int32 }

func (*ShapeMemberSquare) isShape() {}

// marker stands in for the unexported embedded field generated structs
// carry; the converter must skip it.
//
//lint:ignore U1000 present only to be skipped
type marker struct{}

type Circle struct {
	marker //lint:ignore U1000 present only to be skipped
	Radius *int32
	Color  Color
}

type Input struct {
	Name    *string
	Tags    map[Color]Circle
	Shape   Shape
	Shapes  []Shape
	Flag    bool
	Added   *string
	Created *time.Time
}

func ptr[T any](v T) *T { return &v }

type olderUniverse struct {
	reg *Registry
	new func() any
}

// newerToOlder declares the destination universe: Color lacks "blue",
// Shape lacks the Square member, Input lacks Added.
func newerToOlder() olderUniverse {
	type Shape interface{ isShape() }
	type Circle struct {
		Radius *int32
		Color  Color2
	}
	type ShapeMemberCircle struct {
		Shape `json:"-"` // gives the local type the union's marker method
		Value Circle
	}
	type Input struct {
		Name    *string
		Tags    map[Color2]Circle
		Shape   Shape
		Shapes  []Shape
		Flag    bool
		Created *time.Time
	}
	return olderUniverse{
		reg: NewRegistry(&ShapeMemberCircle{}),
		new: func() any { return &Input{} },
	}
}

// Color2 is the destination's enum; its name differs but the converter
// goes by the destination field's type, not by the enum's name.
type Color2 string

func (Color2) Values() []Color2 { return []Color2{"red", "green"} }

func TestConvertCopiesByNameAndReportsGaps(t *testing.T) {
	created := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name     string
		in       Input
		wantGaps []string
		wantJSON string
	}{
		{
			name:     "all known",
			in:       Input{Name: ptr("n"), Flag: true, Created: &created},
			wantJSON: `{"Name":"n","Tags":null,"Shape":null,"Shapes":null,"Flag":true,"Created":"2026-01-02T03:04:05Z"}`,
		},
		{
			name: "union member and map with enum keys",
			in: Input{
				Shape: &ShapeMemberCircle{Value: Circle{Radius: ptr[int32](2), Color: "red"}},
				Tags:  map[Color]Circle{"green": {Color: "green"}},
			},
			wantJSON: `{"Name":null,"Tags":{"green":{"Radius":null,"Color":"green"}},` +
				`"Shape":{"Value":{"Radius":2,"Color":"red"}},"Shapes":null,"Flag":false,"Created":null}`,
		},
		{
			name: "every kind of gap",
			in: Input{
				Added:  ptr("x"),
				Shapes: []Shape{&ShapeMemberSquare{Value: 1}, &ShapeMemberCircle{Value: Circle{Color: "blue"}}},
			},
			wantGaps: []string{
				`Input.Shapes[0]: union member ShapeMemberSquare unknown to the destination`,
				`Input.Shapes[1].ShapeMemberCircle.Value.Color: enum value "blue" unknown to Color2`,
				`Input.Added: field unknown to Input`,
			},
			wantJSON: `{"Name":null,"Tags":null,"Shape":null,` +
				`"Shapes":[null,{"Value":{"Radius":null,"Color":"blue"}}],"Flag":false,"Created":null}`,
		},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := newerToOlder()
			dst := u.new()

			gaps, err := Convert(u.reg, &tt.in, dst)
			require.NoError(t, err)

			var got []string
			for _, g := range gaps {
				got = append(got, g.String())
			}
			assert.Equal(t, tt.wantGaps, got)

			b, err := json.Marshal(dst)
			require.NoError(t, err)
			assert.JSONEq(t, tt.wantJSON, string(b))
		})
	}
}

func TestConvertRejectsKindMismatch(t *testing.T) {
	type Src struct{ A *string }
	type Dst struct{ A *int32 }

	_, err := Convert(NewRegistry(), &Src{A: ptr("x")}, &Dst{})
	require.EqualError(t, err, "mirror: Src.A: cannot convert string to int32")

	_, err = Convert(NewRegistry(), &Src{}, Dst{})
	require.Error(t, err)
}

func TestMembersOf(t *testing.T) {
	reg := NewRegistry(&ShapeMemberCircle{}, &ShapeMemberSquare{}, &Circle{})
	got := reg.MembersOf(reflect.TypeOf((*Shape)(nil)).Elem())
	assert.Equal(t, map[string]reflect.Type{
		"ShapeMemberCircle": reflect.TypeOf(ShapeMemberCircle{}),
		"ShapeMemberSquare": reflect.TypeOf(ShapeMemberSquare{}),
	}, got)
	assert.Equal(t, []string{"Circle", "ShapeMemberCircle", "ShapeMemberSquare"}, reg.Names())
}

func TestEnumValues(t *testing.T) {
	assert.Equal(t, []string{"red", "green", "blue"}, EnumValues(Color("")))
	assert.Nil(t, EnumValues(""))
}

// doc is a document that decodes to a fixed any value, like a client's
// document type does after it decoded a response.
type doc struct{ v any }

func (d *doc) MarshalSmithyDocument() ([]byte, error) { return json.Marshal(d.v) }

func (d *doc) UnmarshalSmithyDocument(v any) error {
	p, ok := v.(*any)
	if !ok {
		return errors.New("want *any")
	}
	*p = d.v
	return nil
}

// Number stands in for a document library's own number type.
type Number string

type Output struct {
	When           *time.Time
	Shape          Shape
	Doc            interface{ MarshalSmithyDocument() ([]byte, error) }
	List           []Circle
	Empty          []string
	Missing        []string
	Raw            []byte
	Count          *int32
	ResultMetadata middleware.Metadata
}

func TestTree(t *testing.T) {
	east := time.FixedZone("east", 3600)
	out := Output{
		When:  ptr(time.Date(2026, 1, 2, 4, 4, 5, 120000000, east)),
		Shape: &ShapeMemberSquare{Value: 3},
		Doc: &doc{v: map[string]any{
			"n": Number("12345678901234567890"), "f": 1.5, "i": 7,
			"l": []any{true, nil, "s"},
		}},
		List:  []Circle{{Color: "red"}},
		Empty: []string{},
		Raw:   []byte("{}"),
		Count: ptr[int32](4),
	}

	got, err := Tree(&out)
	require.NoError(t, err)

	want := map[string]any{
		"When":  "2026-01-02T03:04:05.12Z",
		"Shape": map[string]any{"union": "ShapeMemberSquare", "value": map[string]any{"Value": int64(3)}},
		"Doc": map[string]any{"document": map[string]any{
			"n": json.Number("12345678901234567890"), "f": json.Number("1.5"), "i": json.Number("7"),
			"l": []any{true, nil, "s"},
		}},
		"List":  []any{map[string]any{"Color": "red"}},
		"Empty": []any{},
		"Raw":   "{}",
		"Count": int64(4),
	}
	assert.Equal(t, want, got)
}
