package mirror

// This file turns decoded outputs of either client into plain trees.

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"time"

	"github.com/aws/smithy-go/middleware"
)

// document is what both clients' document types implement.
type document interface {
	MarshalSmithyDocument() ([]byte, error)
	UnmarshalSmithyDocument(v any) error
}

var (
	timeType     = reflect.TypeOf(time.Time{})
	metadataType = reflect.TypeOf(middleware.Metadata{})
	documentType = reflect.TypeOf((*document)(nil)).Elem()
)

// Tree returns v as a tree built only from map[string]any, []any, string,
// json.Number, bool, int64, float64 and nil, so two clients' outputs can
// be compared with reflect.DeepEqual:
//
//   - structs become maps of their exported fields; nil fields are left
//     out, and so is ResultMetadata (it is transport state);
//   - union values become {"union": member type name, "value": ...};
//   - time.Time becomes its UTC instant in RFC 3339 with nanoseconds;
//   - documents become {"document": value} where value is the document
//     unmarshalled to any, with every number as a json.Number;
//   - enums and other named strings become plain strings, []byte a string;
//   - nil and empty slices and maps stay distinct (nil vs. empty value).
func Tree(v any) (any, error) {
	return tree("", reflect.ValueOf(v))
}

func tree(path string, v reflect.Value) (any, error) {
	if !v.IsValid() {
		return nil, nil
	}
	if v.Type().Implements(documentType) && v.Kind() != reflect.Interface {
		return documentTree(path, v)
	}

	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil, nil
		}
		return tree(path, v.Elem())
	case reflect.Interface:
		return interfaceTree(path, v)
	case reflect.Struct:
		return structTree(path, v)
	case reflect.Slice:
		return sliceTree(path, v)
	case reflect.Map:
		return mapTree(path, v)
	}
	return scalar(path, v)
}

func scalar(path string, v reflect.Value) (any, error) {
	switch v.Kind() {
	case reflect.String:
		return v.String(), nil
	case reflect.Bool:
		return v.Bool(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int(), nil
	case reflect.Float32, reflect.Float64:
		return v.Float(), nil
	}
	return nil, fmt.Errorf("mirror: %s: unsupported %s", path, v.Type())
}

// interfaceTree handles union interfaces and document interfaces.
func interfaceTree(path string, v reflect.Value) (any, error) {
	if v.IsNil() {
		return nil, nil
	}

	concrete := v.Elem()
	if concrete.Type().Implements(documentType) {
		return documentTree(path, concrete)
	}

	name := concrete.Type().Name()
	if concrete.Kind() == reflect.Pointer {
		name = concrete.Type().Elem().Name()
	}

	value, err := tree(path+"."+name, concrete)
	if err != nil {
		return nil, err
	}
	return map[string]any{"union": name, "value": value}, nil
}

func structTree(path string, v reflect.Value) (any, error) {
	if v.Type() == timeType {
		return v.Interface().(time.Time).UTC().Format(time.RFC3339Nano), nil
	}

	out := map[string]any{}
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Anonymous || f.Type == metadataType {
			continue
		}

		fv, err := tree(path+"."+f.Name, v.Field(i))
		if err != nil {
			return nil, err
		}
		if fv != nil {
			out[f.Name] = fv
		}
	}
	return out, nil
}

func sliceTree(path string, v reflect.Value) (any, error) {
	if v.IsNil() {
		return nil, nil
	}
	if v.Type().Elem().Kind() == reflect.Uint8 {
		return string(v.Bytes()), nil
	}

	out := make([]any, v.Len())
	for i := range v.Len() {
		ev, err := tree(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
		if err != nil {
			return nil, err
		}
		out[i] = ev
	}
	return out, nil
}

func mapTree(path string, v reflect.Value) (any, error) {
	if v.IsNil() {
		return nil, nil
	}

	out := make(map[string]any, v.Len())
	iter := v.MapRange()
	for iter.Next() {
		key := fmt.Sprint(iter.Key().Interface())
		ev, err := tree(path+"["+key+"]", iter.Value())
		if err != nil {
			return nil, err
		}
		out[key] = ev
	}
	return out, nil
}

// documentTree unmarshals a document to any through its own
// UnmarshalSmithyDocument and rewrites every number to json.Number.
func documentTree(path string, v reflect.Value) (any, error) {
	if v.Kind() == reflect.Pointer && v.IsNil() {
		return nil, nil
	}

	var decoded any
	if err := v.Interface().(document).UnmarshalSmithyDocument(&decoded); err != nil {
		return nil, fmt.Errorf("mirror: %s: unmarshal document: %w", path, err)
	}

	value, err := plainJSON(path, reflect.ValueOf(decoded))
	if err != nil {
		return nil, err
	}
	return map[string]any{"document": value}, nil
}

// plainJSON rewrites an unmarshalled document value: numbers of any Go
// type become json.Number (a float64 is written with the fewest digits
// that round-trip, so a client that decoded to float64 shows the loss).
func plainJSON(path string, v reflect.Value) (any, error) {
	if !v.IsValid() {
		return nil, nil
	}

	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return nil, nil
		}
		return plainJSON(path, v.Elem())
	case reflect.Map:
		return plainMap(path, v)
	case reflect.Slice:
		out := make([]any, v.Len())
		for i := range v.Len() {
			ev, err := plainJSON(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			if err != nil {
				return nil, err
			}
			out[i] = ev
		}
		return out, nil
	case reflect.String:
		if v.Type().Name() == "Number" {
			return json.Number(v.String()), nil
		}
		return v.String(), nil
	case reflect.Bool:
		return v.Bool(), nil
	case reflect.Float32, reflect.Float64:
		return json.Number(strconv.FormatFloat(v.Float(), 'g', -1, 64)), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return json.Number(strconv.FormatInt(v.Int(), 10)), nil
	}
	return nil, fmt.Errorf("mirror: %s: unsupported document value %s", path, v.Type())
}

func plainMap(path string, v reflect.Value) (any, error) {
	out := make(map[string]any, v.Len())
	iter := v.MapRange()
	for iter.Next() {
		key := iter.Key().String()
		ev, err := plainJSON(path+"."+key, iter.Value())
		if err != nil {
			return nil, err
		}
		out[key] = ev
	}
	return out, nil
}
