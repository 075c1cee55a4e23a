package serde

import (
	"errors"
	"testing"

	smithy "github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInvalidParamErrorPaths(t *testing.T) {
	// A union error inside a list inside a structure, nested the way the
	// generated validators nest them.
	union := smithy.InvalidParamsError{Context: "Sky"}
	union.Add(NewInvalidParamError("", `unknown union member "hail" cannot be sent`))
	list := smithy.InvalidParamsError{Context: "SkyList"}
	list.AddNested("[2]", union)
	reading := smithy.InvalidParamsError{Context: "Reading"}
	reading.Add(smithy.NewErrParamRequired("Value"))
	reading.AddNested("History", list)
	input := smithy.InvalidParamsError{Context: "PutReadingInput"}
	input.AddNested("Reading", reading)

	assert.Equal(t, "2 validation error(s) found.\n"+
		"- missing required field, PutReadingInput.Reading.Value.\n"+
		"- unknown union member \"hail\" cannot be sent, PutReadingInput.Reading.History[2].\n",
		input.Error())

	var field smithy.InvalidParamError
	require.True(t, errors.As(input.Errs()[1], &field))
	assert.Equal(t, "PutReadingInput.Reading.History[2]", field.Field())
}

func TestInvalidParamErrorWithField(t *testing.T) {
	params := smithy.InvalidParamsError{Context: "CreateAssetInput"}
	params.Add(NewInvalidParamError("Metadata", "document cannot be encoded as JSON"))
	assert.Equal(t, "1 validation error(s) found.\n"+
		"- document cannot be encoded as JSON, CreateAssetInput.Metadata.\n", params.Error())
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
