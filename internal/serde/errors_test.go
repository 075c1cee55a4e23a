package serde

import (
	"errors"
	"testing"

	smithy "github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nestedProblems builds what the generated validators return for an input
// with a missing required member and an unknown union member inside a
// list inside a structure, nested the way they nest them.
func nestedProblems() smithy.InvalidParamsError {
	union := smithy.InvalidParamsError{Context: "Sky"}
	union.Add(NewUnsendableError("", `unknown union member "hail" cannot be sent`))
	list := smithy.InvalidParamsError{Context: "SkyList"}
	list.AddNested("[2]", union)
	reading := smithy.InvalidParamsError{Context: "Reading"}
	reading.Add(smithy.NewErrParamRequired("Value"))
	reading.AddNested("History", list)
	input := smithy.InvalidParamsError{Context: "PutReadingInput"}
	input.AddNested("Reading", reading)
	return input
}

func TestUnsendableErrorPaths(t *testing.T) {
	input := nestedProblems()
	require.Equal(t, 2, input.Len())

	var field smithy.InvalidParamError
	require.True(t, errors.As(input.Errs()[1], &field))
	assert.Equal(t, "PutReadingInput.Reading.History[2]", field.Field())
	assert.EqualError(t, field,
		`PutReadingInput.Reading.History[2]: unknown union member "hail" cannot be sent`)
}

func TestUnsendableErrorWithField(t *testing.T) {
	params := smithy.InvalidParamsError{Context: "CreateAssetInput"}
	params.Add(NewUnsendableError("Metadata", "document cannot be encoded as JSON"))

	err := Unsendable(params)
	assert.EqualError(t, err,
		"serialization failed: CreateAssetInput.Metadata: document cannot be encoded as JSON")
	assert.NoError(t, MissingMembers(params))
}

func TestMissingMembersComeFirst(t *testing.T) {
	input := nestedProblems()

	missing := MissingMembers(input)
	var params smithy.InvalidParamsError
	require.True(t, errors.As(missing, &params), "got %T", missing)
	assert.Equal(t, "1 validation error(s) found.\n"+
		"- missing required field, PutReadingInput.Reading.Value.\n", missing.Error())

	unsendable := Unsendable(input)
	var serr *smithy.SerializationError
	require.True(t, errors.As(unsendable, &serr), "got %T", unsendable)
	var cause *UnsendableError
	require.True(t, errors.As(unsendable, &cause))
	assert.Equal(t, "PutReadingInput.Reading.History[2]", cause.Field())
}

func TestNoProblems(t *testing.T) {
	none := smithy.InvalidParamsError{Context: "PingInput"}
	assert.NoError(t, MissingMembers(none))
	assert.NoError(t, Unsendable(none))
}

func TestEmptyLabelError(t *testing.T) {
	err := EmptyLabelError("agentSpaceId")
	var serr *smithy.SerializationError
	require.True(t, errors.As(err, &serr))
	assert.Equal(t, "serialization failed: input member agentSpaceId must not be empty", err.Error())
}

func TestMemberError(t *testing.T) {
	cause := errors.New("bad value")
	err := MemberError(holderWhen, cause)
	assert.EqualError(t, err, "when: bad value")
	assert.ErrorIs(t, err, cause)
}

// skyMember stands for a generated union member type.
type skyMember struct {
	Value *string
}

func TestCheckUnionMember(t *testing.T) {
	requireValue := func(v **string) smithy.InvalidParamsError {
		p := smithy.InvalidParamsError{Context: "Cloud"}
		if *v == nil {
			p.Add(smithy.NewErrParamRequired("Value"))
		}
		return p
	}
	text := "cover"
	cases := []struct {
		name   string
		member *skyMember
		check  func(**string) smithy.InvalidParamsError
		want   []string
	}{
		{"nil member", nil, requireValue,
			[]string{"Sky: union member cloudy is a nil pointer"}},
		{"problem nested", &skyMember{}, requireValue,
			[]string{"missing required field, Sky[cloudy].Value."}},
		{"valid value", &skyMember{Value: &text}, requireValue, nil},
		{"no check", &skyMember{}, nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := smithy.InvalidParamsError{Context: "Sky"}
			CheckUnionMember(&p, "cloudy", tc.member, tc.check)

			var got []string
			for _, err := range p.Errs() {
				got = append(got, err.Error())
			}
			assert.Equal(t, tc.want, got)
		})
	}
}
