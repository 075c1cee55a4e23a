package document

// Writing a caller's Go value as JSON. smithy-go's document/json encoder,
// the one the official client uses, does the writing; walk.go first
// prepares the value where smithy-go would lose digits or crash.

import (
	"errors"
	"fmt"

	smithydocumentjson "github.com/aws/smithy-go/document/json"
)

// errNoValue reports a value that smithy-go writes as nothing at all.
var errNoValue = errors.New("no JSON value (a function or channel is not encodable)")

// encode returns the JSON of v as smithy-go's document encoder writes it:
// struct fields named by their `document` tags, map keys sorted, HTML
// characters not escaped, functions and channels inside a value skipped.
// Unlike smithy-go it writes a json.Number or a json.RawMessage held in an
// interface value as the number or the JSON it holds, and it fails with
// an error, naming where in v, on a NaN or infinite float, an infinite
// *big.Float and a cyclic value (see walk.go).
func encode(v any) (data []byte, err error) {
	prepared, err := prepare(v)
	if err != nil {
		return nil, fmt.Errorf("document: encode %T: %w", v, err)
	}

	// smithy-go's encoder panics on a few values prepare does not reach
	// (a NaN behind an unexported embedded struct, for one); a document
	// is caller input, so the panic becomes an error.
	defer func() {
		if r := recover(); r != nil {
			data, err = nil, fmt.Errorf("document: encode %T: %v", v, r)
		}
	}()

	data, err = smithydocumentjson.NewEncoder().Encode(prepared)
	if err != nil {
		return nil, fmt.Errorf("document: encode %T: %w", v, err)
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("document: encode %T: %w", v, errNoValue)
	}
	return data, nil
}
