package document

// What the walk in walk.go refuses, and how it says where. smithy-go's
// document encoder panics on a NaN or infinite float, writes "+Inf",
// which is not JSON, for an infinite *big.Float, and recurses until the
// goroutine's stack overflows, which kills the program, on a value that
// contains itself; each is an error here instead, naming its place in the
// caller's value so that the validators can report it before sending.

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
)

// cycleCheckDepth is how many pointers, maps and slices deep the walk goes
// before it starts to remember them to spot a cycle; shallower values,
// nearly all of them, cost no bookkeeping.
const cycleCheckDepth = 1000

// walkError is a value the walk refuses: where it sits in the caller's
// value (a path such as ["tags"][2].Limit) and the rule it breaks.
type walkError struct {
	path string
	rule string
}

func (e *walkError) Error() string {
	if e.path == "" {
		return e.rule
	}
	return e.path + ": " + e.rule
}

// maxPathLen caps the path in a walkError: a cycle's path repeats itself
// a thousand times, and the first steps say where it starts.
const maxPathLen = 120

// within prefixes the path of err, a *walkError, with one step, keeping
// at most maxPathLen bytes of it from the root.
func within(err error, step string) error {
	var we *walkError
	if errors.As(err, &we) {
		we.path = step + we.path
		if len(we.path) > maxPathLen {
			we.path = we.path[:maxPathLen] + "..."
		}
	}
	return err
}

// visit identifies a pointer, map or slice: two slices sharing an array
// differ by length, and a pointer to a struct and to its first field
// differ by type.
type visit struct {
	ptr uintptr
	typ reflect.Type
	len int
}

// enter records that the walk goes into a pointer, map or slice, and
// fails if, deep enough to be suspect, it is already on the path.
func (w *walker) enter(rv reflect.Value) error {
	w.depth++
	if w.depth <= cycleCheckDepth {
		return nil
	}

	key := visitOf(rv)
	if _, ok := w.onPath[key]; ok {
		return &walkError{rule: fmt.Sprintf("%s contains itself (a cycle)", rv.Type())}
	}
	if w.onPath == nil {
		w.onPath = make(map[visit]struct{})
	}
	w.onPath[key] = struct{}{}
	return nil
}

// leave undoes enter once the walk is back out of rv.
func (w *walker) leave(rv reflect.Value) {
	if w.depth > cycleCheckDepth {
		delete(w.onPath, visitOf(rv))
	}
	w.depth--
}

func visitOf(rv reflect.Value) visit {
	key := visit{ptr: rv.Pointer(), typ: rv.Type()}
	if rv.Kind() == reflect.Slice {
		key.len = rv.Len()
	}
	return key
}

// checkFloat refuses a float that JSON cannot hold.
func checkFloat(f float64) error {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return &walkError{rule: fmt.Sprintf("%v is not a JSON number", f)}
	}
	return nil
}

// checkBigFloat refuses an infinite big.Float.
func checkBigFloat(rv reflect.Value) error {
	f := rv.Convert(bigFloatType).Interface().(big.Float)
	if f.IsInf() {
		return &walkError{rule: fmt.Sprintf("big.Float %s is not a JSON number", f.String())}
	}
	return nil
}
