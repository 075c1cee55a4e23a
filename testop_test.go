package devopsagent

// This file defines a small operation, PutWidget, used only by the
// runtime's tests: hand-built smithy-go schemas, input/output/error types
// with their serde methods, and the operation descriptor. It exercises
// what the runtime must handle without depending on generated code: a
// path label, a query parameter, an idempotency token, sensitive members
// (a string, map values, a union) and two modeled errors.

import (
	"context"
	"errors"
	"fmt"

	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/traits"
)

func testID(name string) smithy.ShapeID {
	return smithy.ShapeID{Namespace: "test.widgets", Name: name}
}

// Target shapes.
var (
	tsString    = smithy.NewSchema(testID("String"), smithy.ShapeTypeString, 0)
	tsSecret    = smithy.NewSchema(testID("Secret"), smithy.ShapeTypeString, 0, &traits.Sensitive{})
	tsSecretMap = smithy.NewSchema(testID("SecretMap"), smithy.ShapeTypeMap, 2)
	tsCred      = smithy.NewSchema(testID("Credential"), smithy.ShapeTypeUnion, 1, &traits.Sensitive{})
	tsFieldList = smithy.NewSchema(testID("FieldList"), smithy.ShapeTypeList, 1)
	tsField     = smithy.NewSchema(testID("Field"), smithy.ShapeTypeStructure, 2)
)

// Operation, input, output and error shapes.
var (
	tsPutWidget = smithy.NewSchema(testID("PutWidget"), smithy.ShapeTypeOperation, 0,
		&traits.HTTP{Method: "POST", URI: "/v1/widgets/{widgetId}", Code: 200})
	tsInput      = smithy.NewSchema(testID("PutWidgetRequest"), smithy.ShapeTypeStructure, 7)
	tsOutput     = smithy.NewSchema(testID("PutWidgetResponse"), smithy.ShapeTypeStructure, 2)
	tsThrottling = smithy.NewSchema(testID("ThrottlingException"), smithy.ShapeTypeStructure, 1,
		&traits.Error{Type: "client"}, &traits.HTTPError{Code: 429})
	tsValidation = smithy.NewSchema(testID("ValidationException"), smithy.ShapeTypeStructure, 2,
		&traits.Error{Type: "client"})
)

// Member schemas.
var (
	tsInputWidgetID    = tsInput.AddMember("widgetId", tsString, &traits.HTTPLabel{})
	tsInputFilter      = tsInput.AddMember("filter", tsString, &traits.HTTPQuery{Name: "filter"})
	tsInputClientToken = tsInput.AddMember("clientToken", tsString)
	tsInputSecret      = tsInput.AddMember("secret", tsSecret)
	tsInputNote        = tsInput.AddMember("note", tsString)
	tsInputTags        = tsInput.AddMember("tags", tsSecretMap)
	tsInputCredential  = tsInput.AddMember("credential", tsCred)

	tsCredAPIKey = tsCred.AddMember("apiKey", tsString)

	tsOutputID     = tsOutput.AddMember("id", tsString)
	tsOutputSecret = tsOutput.AddMember("secret", tsSecret)

	tsThrottlingMessage = tsThrottling.AddMember("message", tsString)

	tsValidationMessage   = tsValidation.AddMember("message", tsString)
	tsValidationFieldList = tsValidation.AddMember("fieldList", tsFieldList)

	tsFieldPath    = tsField.AddMember("path", tsString)
	tsFieldMessage = tsField.AddMember("message", tsString)
)

func init() {
	tsSecretMap.AddMember("key", tsString)
	tsSecretMap.AddMember("value", tsSecret)
	tsFieldList.AddMember("member", tsField)
}

// testTypes is the error registry of the test service.
var testTypes = &smithy.TypeRegistry{Entries: map[string]*smithy.TypeRegistryEntry{
	"test.widgets#ThrottlingException": smithy.RegistryEntry[testThrottlingError](tsThrottling),
	"test.widgets#ValidationException": smithy.RegistryEntry[testValidationError](tsValidation),
	"test.widgets#PutWidgetResponse":   smithy.RegistryEntry[putWidgetOutput](tsOutput),
}}

// putWidgetInput is the input of PutWidget.
type putWidgetInput struct {
	WidgetID    *string
	Filter      *string
	ClientToken *string
	Secret      *string
	Note        *string
	Tags        map[string]string
	APIKey      *string // the apiKey member of the credential union
}

func (v *putWidgetInput) Serialize(s smithy.ShapeSerializer) {
	s.WriteStruct(tsInput)
	writeOptionalString(s, tsInputWidgetID, v.WidgetID)
	writeOptionalString(s, tsInputFilter, v.Filter)
	writeOptionalString(s, tsInputClientToken, v.ClientToken)
	writeOptionalString(s, tsInputSecret, v.Secret)
	writeOptionalString(s, tsInputNote, v.Note)
	if v.Tags != nil {
		s.WriteMap(tsInputTags)
		for k, tag := range v.Tags {
			s.WriteKey(tsInputTags.MapKey(), k)
			s.WriteString(tsInputTags.MapValue(), tag)
		}
		s.CloseMap()
	}
	if v.APIKey != nil {
		s.WriteUnion(tsInputCredential, tsCredAPIKey)
		s.WriteString(tsCredAPIKey, *v.APIKey)
		s.CloseUnion()
	}
	s.CloseStruct()
}

func writeOptionalString(s smithy.ShapeSerializer, member *smithy.Schema, v *string) {
	if v != nil {
		s.WriteString(member, *v)
	}
}

// putWidgetOutput is the output of PutWidget.
type putWidgetOutput struct {
	ID             *string
	Secret         *string
	ResultMetadata middleware.Metadata
}

func (v *putWidgetOutput) Deserialize(d smithy.ShapeDeserializer) error {
	return smithy.ReadStruct(d, tsOutput, func(m *smithy.Schema) error {
		switch m {
		case tsOutputID:
			v.ID = new(string)
			return d.ReadString(m, v.ID)
		case tsOutputSecret:
			v.Secret = new(string)
			return d.ReadString(m, v.Secret)
		}
		return nil
	})
}

// testThrottlingError is a modeled error with a message.
type testThrottlingError struct {
	Message *string
}

func (e *testThrottlingError) Error() string { return "ThrottlingException: " + deref(e.Message) }

func (e *testThrottlingError) ErrorCode() string { return "ThrottlingException" }

func (e *testThrottlingError) ErrorMessage() string { return deref(e.Message) }

func (e *testThrottlingError) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

func (e *testThrottlingError) Deserialize(d smithy.ShapeDeserializer) error {
	return smithy.ReadStruct(d, tsThrottling, func(m *smithy.Schema) error {
		if m == tsThrottlingMessage {
			e.Message = new(string)
			return d.ReadString(m, e.Message)
		}
		return nil
	})
}

// testValidationError is a modeled error with a message and a field list.
type testValidationError struct {
	Message   *string
	FieldList []testField
}

// testField is an element of testValidationError.FieldList.
type testField struct {
	Path    *string
	Message *string
}

func (e *testValidationError) Error() string { return "ValidationException: " + deref(e.Message) }

func (e *testValidationError) ErrorCode() string { return "ValidationException" }

func (e *testValidationError) ErrorMessage() string { return deref(e.Message) }

func (e *testValidationError) ErrorFault() smithy.ErrorFault { return smithy.FaultClient }

func (e *testValidationError) Deserialize(d smithy.ShapeDeserializer) error {
	return smithy.ReadStruct(d, tsValidation, func(m *smithy.Schema) error {
		switch m {
		case tsValidationMessage:
			e.Message = new(string)
			return d.ReadString(m, e.Message)
		case tsValidationFieldList:
			return smithy.ReadList(d, m, func() error {
				var f testField
				if err := f.deserialize(d); err != nil {
					return err
				}
				e.FieldList = append(e.FieldList, f)
				return nil
			})
		}
		return nil
	})
}

func (f *testField) deserialize(d smithy.ShapeDeserializer) error {
	return smithy.ReadStruct(d, tsField, func(m *smithy.Schema) error {
		switch m {
		case tsFieldPath:
			f.Path = new(string)
			return d.ReadString(m, f.Path)
		case tsFieldMessage:
			f.Message = new(string)
			return d.ReadString(m, f.Message)
		}
		return nil
	})
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// opPutWidget is the descriptor of the test operation.
var opPutWidget = &operation{
	name:       "PutWidget",
	schema:     smithy.NewOperationSchema(tsPutWidget, tsInput, tsOutput),
	hostPrefix: "dp.",
	newOutput:  func() smithy.Deserializable { return &putWidgetOutput{} },
	validate:   validatePutWidget,
	withIdempotencyToken: func(input any, newToken func() (string, error)) (any, error) {
		in := input.(*putWidgetInput)
		if in.ClientToken != nil {
			return in, nil
		}
		token, err := newToken()
		if err != nil {
			return nil, err
		}
		filled := *in
		filled.ClientToken = &token
		return &filled, nil
	},
}

func validatePutWidget(input any) error {
	in, ok := input.(*putWidgetInput)
	if !ok {
		return fmt.Errorf("unexpected input type %T", input)
	}
	if in.WidgetID == nil {
		return errors.New("PutWidgetInput.WidgetId: required")
	}
	return nil
}

// putWidget calls PutWidget the way a generated operation method does.
func (c *Client) putWidget(
	ctx context.Context, params *putWidgetInput, optFns ...func(*Options),
) (*putWidgetOutput, error) {
	result, metadata, err := c.invokeOperation(ctx, opPutWidget, params, optFns)
	if err != nil {
		return nil, err
	}
	out := result.(*putWidgetOutput)
	out.ResultMetadata = metadata
	return out, nil
}
