package document

// Preparing a caller's value for smithy-go's document encoder. The walk
// visits what that encoder visits (pointers, interfaces, maps, slices,
// arrays and the exported fields of structs) and does three things the
// encoder does not:
//
//   - a json.Number held in an interface value becomes a smithy-go
//     document.Number, which the encoder writes as a number; it would
//     write the json.Number as a string, and a caller who built a value
//     with json.Number (say, from encoding/json's UseNumber) wants the
//     number with every digit;
//   - a json.RawMessage held in an interface value becomes the value its
//     JSON spells (numbers as document.Number); the encoder would write
//     the bytes of the text as a list of numbers, which no caller means;
//   - it refuses, with an error naming where in the value, what JSON
//     cannot hold and the encoder would mishandle (refuse.go).
//
// Only the containers on the way to a replaced value are copied; the
// caller's value is never changed.

import (
	"encoding/json"
	"fmt"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"time"

	smithydocument "github.com/aws/smithy-go/document"
)

var (
	jsonNumberType = reflect.TypeFor[json.Number]()
	rawMessageType = reflect.TypeFor[json.RawMessage]()
	bigFloatType   = reflect.TypeFor[big.Float]()
	bigIntType     = reflect.TypeFor[big.Int]()
	timeType       = reflect.TypeFor[time.Time]()
)

// prepare returns v ready for smithy-go's encoder, or an error saying
// where in v and why it cannot be written.
func prepare(v any) (any, error) {
	var w walker
	out, changed, err := w.value(reflect.ValueOf(&v).Elem())
	if err != nil || !changed {
		return v, err
	}
	return out.Interface(), nil
}

// walker walks one value. onPath holds the pointers, maps and slices
// between the root and the current value once depth passes
// cycleCheckDepth.
type walker struct {
	depth  int
	onPath map[visit]struct{}
}

// value walks rv and returns it, or a copy of the same type with
// json.Numbers and json.RawMessages replaced, reporting which. A value
// reached through an unexported field cannot be copied and is left to
// the encoder.
func (w *walker) value(rv reflect.Value) (reflect.Value, bool, error) {
	if !rv.IsValid() || !rv.CanInterface() {
		return rv, false, nil
	}

	switch rv.Kind() {
	case reflect.Interface:
		return w.iface(rv)
	case reflect.Pointer:
		return w.pointer(rv)
	case reflect.Map:
		return w.mapValue(rv)
	case reflect.Slice, reflect.Array:
		return w.list(rv)
	case reflect.Struct:
		return w.structValue(rv)
	case reflect.Float32, reflect.Float64:
		return rv, false, checkFloat(rv.Float())
	default:
		return rv, false, nil
	}
}

// iface walks the value an interface holds; a json.Number or a
// json.RawMessage is replaced where the interface type allows it.
func (w *walker) iface(rv reflect.Value) (reflect.Value, bool, error) {
	if rv.IsNil() {
		return rv, false, nil
	}

	elem := rv.Elem()
	switch {
	case elem.Type() == jsonNumberType:
		number := reflect.ValueOf(smithydocument.Number(elem.String()))
		if !number.Type().AssignableTo(rv.Type()) {
			return rv, false, nil
		}
		return boxed(rv.Type(), number), true, nil
	case elem.Type() == rawMessageType && rv.NumMethod() == 0:
		return w.rawMessage(rv.Type(), elem.Bytes())
	}

	out, changed, err := w.value(elem)
	if err != nil || !changed {
		return rv, false, err
	}
	return boxed(rv.Type(), out), true, nil
}

// rawMessage returns, in an empty interface of type t, the value the JSON
// text raw spells, with its numbers as document.Number.
func (w *walker) rawMessage(t reflect.Type, raw []byte) (reflect.Value, bool, error) {
	tree, err := parseValue(raw)
	if err != nil {
		rule := "json.RawMessage is not valid JSON: " + err.Error()
		return reflect.Value{}, false, &walkError{rule: rule}
	}

	out, _, err := w.value(reflect.ValueOf(&tree).Elem())
	if err != nil {
		return reflect.Value{}, false, err
	}
	return boxed(t, out), true, nil
}

// pointer walks what a non-nil pointer points to.
func (w *walker) pointer(rv reflect.Value) (reflect.Value, bool, error) {
	if rv.IsNil() {
		return rv, false, nil
	}
	if err := w.enter(rv); err != nil {
		return rv, false, err
	}
	defer w.leave(rv)

	out, changed, err := w.value(rv.Elem())
	if err != nil || !changed {
		return rv, false, err
	}
	p := reflect.New(rv.Type().Elem())
	p.Elem().Set(out)
	return p, true, nil
}

// mapValue walks the values of a map.
func (w *walker) mapValue(rv reflect.Value) (reflect.Value, bool, error) {
	if rv.IsNil() || isScalar(rv.Type().Elem()) {
		return rv, false, nil
	}
	if err := w.enter(rv); err != nil {
		return rv, false, err
	}
	defer w.leave(rv)

	var out reflect.Value
	for iter := rv.MapRange(); iter.Next(); {
		item, changed, err := w.value(iter.Value())
		if err != nil {
			return rv, false, within(err, "["+strconv.Quote(fmt.Sprint(iter.Key()))+"]")
		}
		if !changed {
			continue
		}
		if !out.IsValid() {
			out = cloneMap(rv)
		}
		out.SetMapIndex(iter.Key(), item)
	}
	return copied(rv, out)
}

// list walks the elements of a slice or an array.
func (w *walker) list(rv reflect.Value) (reflect.Value, bool, error) {
	if isScalar(rv.Type().Elem()) || rv.Kind() == reflect.Slice && rv.IsNil() {
		return rv, false, nil
	}
	if rv.Kind() == reflect.Slice {
		if err := w.enter(rv); err != nil {
			return rv, false, err
		}
		defer w.leave(rv)
	}

	var out reflect.Value
	for i := range rv.Len() {
		item, changed, err := w.value(rv.Index(i))
		if err != nil {
			return rv, false, within(err, "["+strconv.Itoa(i)+"]")
		}
		if !changed {
			continue
		}
		if !out.IsValid() {
			out = cloneList(rv)
		}
		out.Index(i).Set(item)
	}
	return copied(rv, out)
}

// structValue checks a big.Float and walks the fields smithy-go writes of
// any other struct; big.Int and time.Time it writes or refuses itself.
func (w *walker) structValue(rv reflect.Value) (reflect.Value, bool, error) {
	t := rv.Type()
	switch {
	case t.ConvertibleTo(bigFloatType):
		return rv, false, checkBigFloat(rv)
	case t.ConvertibleTo(bigIntType), t.ConvertibleTo(timeType):
		return rv, false, nil
	}

	var out reflect.Value
	for i := range t.NumField() {
		name, ok := fieldName(t.Field(i))
		if !ok {
			continue
		}
		field, changed, err := w.value(rv.Field(i))
		if err != nil {
			return rv, false, within(err, "."+name)
		}
		if !changed {
			continue
		}
		if !out.IsValid() {
			out = boxed(t, rv)
		}
		out.Field(i).Set(field)
	}
	return copied(rv, out)
}

// fieldName returns the name smithy-go writes a struct field under, or
// false for a field it skips: an unexported field that is not embedded,
// or one tagged `document:"-"`.
func fieldName(f reflect.StructField) (string, bool) {
	if !f.IsExported() && !f.Anonymous {
		return "", false
	}
	name, _, _ := strings.Cut(f.Tag.Get("document"), ",")
	switch name {
	case "-":
		return "", false
	case "":
		return f.Name, true
	default:
		return name, true
	}
}

// isScalar reports whether values of t hold nothing the walk changes or
// checks: booleans, integers, strings (json.Number is one, but only one
// held in an interface value is replaced) and complex numbers.
func isScalar(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Uintptr, reflect.Complex64, reflect.Complex128:
		return true
	default:
		return false
	}
}

// boxed returns a new settable value of type t holding v.
func boxed(t reflect.Type, v reflect.Value) reflect.Value {
	out := reflect.New(t).Elem()
	out.Set(v)
	return out
}

func cloneMap(rv reflect.Value) reflect.Value {
	out := reflect.MakeMapWithSize(rv.Type(), rv.Len())
	for iter := rv.MapRange(); iter.Next(); {
		out.SetMapIndex(iter.Key(), iter.Value())
	}
	return out
}

func cloneList(rv reflect.Value) reflect.Value {
	if rv.Kind() == reflect.Array {
		return boxed(rv.Type(), rv)
	}
	out := reflect.MakeSlice(rv.Type(), rv.Len(), rv.Len())
	reflect.Copy(out, rv)
	return out
}

// copied returns out and true if the walk made a copy, else rv and false.
func copied(rv, out reflect.Value) (reflect.Value, bool, error) {
	if out.IsValid() {
		return out, true, nil
	}
	return rv, false, nil
}
