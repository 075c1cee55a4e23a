package emulator

// This file writes responses: JSON success bodies and restJson1 error
// answers (status from the model's @httpError, X-Amzn-ErrorType header,
// {"message": ...} body, fieldList for ValidationException).

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/devopsagent-go/devopsagent/internal/emulator/validate"
)

// Error codes the emulator answers. All but the last three are modeled
// error shapes of the service.
const (
	codeAccessDenied         = "AccessDeniedException"
	codeConflict             = "ConflictException"
	codeContentSize          = "ContentSizeExceededException"
	codeInternal             = "InternalServerException"
	codeResourceNotFound     = "ResourceNotFoundException"
	codeValidation           = "ValidationException"
	codeSerialization        = "SerializationException"
	codeUnknownOperation     = "UnknownOperationException"
	codeUnsupportedMediaType = "UnsupportedMediaTypeException"
)

const (
	headerErrorType       = "X-Amzn-ErrorType"
	headerRequestID       = "X-Amzn-Requestid"
	contentTypeJSON       = "application/json"
	unmodeledClientStatus = http.StatusBadRequest
)

// unmodeledStatus gives the status of the error codes the model does not
// define and that are not answered with unmodeledClientStatus.
var unmodeledStatus = map[string]int{
	codeUnknownOperation:     http.StatusNotFound,
	codeUnsupportedMediaType: http.StatusUnsupportedMediaType,
}

// apiError is an error answered to the caller as a restJson1 error.
type apiError struct {
	code    string
	message string
	fields  []validate.Violation

	// status, when not 0, replaces the status the code calls for.
	status int
}

// Error returns the code and the message, for logs and tests.
func (e *apiError) Error() string {
	return e.code + ": " + e.message
}

// newError makes an apiError with a formatted message.
func newError(code, format string, args ...any) *apiError {
	return &apiError{code: code, message: fmt.Sprintf(format, args...)}
}

// errNotFound answers a ResourceNotFoundException.
func errNotFound(format string, args ...any) *apiError {
	return newError(codeResourceNotFound, format, args...)
}

// errConflict answers a ConflictException.
func errConflict(format string, args ...any) *apiError {
	return newError(codeConflict, format, args...)
}

// errAccessDenied answers an AccessDeniedException.
func errAccessDenied(format string, args ...any) *apiError {
	return newError(codeAccessDenied, format, args...)
}

// errInvalid answers a ValidationException listing every violation.
func errInvalid(vs ...validate.Violation) *apiError {
	return &apiError{code: codeValidation, message: validate.Summary(vs), fields: vs}
}

// errField answers a ValidationException about a single field.
func errField(path, format string, args ...any) *apiError {
	return errInvalid(validate.Violation{Path: path, Message: fmt.Sprintf(format, args...)})
}

type errorBody struct {
	Message   string       `json:"message"`
	FieldList []fieldEntry `json:"fieldList,omitempty"`
}

type fieldEntry struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// writeError answers e with its own status if it has one, else with the
// status its code calls for (see errorStatusOf).
func (s *Server) writeError(w http.ResponseWriter, e *apiError) int {
	status := e.status
	if status == 0 {
		status = s.errorStatusOf(e.code)
	}

	body := errorBody{Message: e.message}
	for _, v := range e.fields {
		body.FieldList = append(body.FieldList, fieldEntry{
			Path: v.Path, Message: validate.FieldMessage(v),
		})
	}

	w.Header().Set(headerErrorType, e.code)
	writeJSON(w, status, body)
	return status
}

// errorStatusOf gives the status of an error code: the one the model's
// @httpError gives its shape, a fixed one for the protocol's own errors,
// or unmodeledClientStatus.
func (s *Server) errorStatusOf(code string) int {
	if status, ok := s.errorStatus[code]; ok {
		return status
	}
	if status, ok := unmodeledStatus[code]; ok {
		return status
	}
	return unmodeledClientStatus
}

// writeJSON writes v as a JSON body with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		// Every value written here is built by the emulator from plain
		// types, so this cannot happen short of a programming error.
		http.Error(w, `{"message":"internal error"}`, http.StatusInternalServerError)
		return
	}

	w.Header().Set("Content-Type", contentTypeJSON)
	w.WriteHeader(status)
	_, _ = w.Write(data)
}
