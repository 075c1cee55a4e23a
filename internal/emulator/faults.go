package emulator

// This file holds fault injection: errors queued per operation that answer
// the next calls in place of the operation, so that users can test how
// their code handles throttling, server errors and modeled errors. It also
// counts the calls each operation receives, so a test can see retries.

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

// Fault is an error the server answers in place of running an operation.
// It is written like every other error of the emulator: the status, the
// code in the X-Amzn-ErrorType header and a JSON body {"message": ...}.
type Fault struct {
	// Code is the error code, for example "ThrottlingException". Unless
	// Status is set, it must name one of the service's modeled errors.
	Code string

	// Status is the HTTP status, 400 to 599; 0 takes the status the model
	// gives Code (429 for ThrottlingException, 500 for
	// InternalServerException, ...).
	Status int

	// Message is the body's message; "" sends one saying the fault was
	// injected.
	Message string

	// Times is how many calls the fault answers; 0 means one.
	Times int
}

// faultQueue holds the faults waiting per operation and the number of
// calls each operation has received. It is safe for concurrent use.
type faultQueue struct {
	mu      sync.Mutex
	pending map[string][]*pendingFault
	calls   map[string]int
}

// pendingFault is a queued fault and how many more calls it answers.
type pendingFault struct {
	err  *apiError
	left int
}

// newFaultQueue returns an empty queue.
func newFaultQueue() *faultQueue {
	return &faultQueue{pending: map[string][]*pendingFault{}, calls: map[string]int{}}
}

// FailNext queues f for operation: the next f.Times calls of the operation
// that pass the signature check are answered with f instead of being run,
// before their input is bound or validated, as a throttling front end
// would. Faults queued for the same operation apply one after the other.
// A badly signed request still gets its AccessDeniedException and leaves
// the queue alone. It fails for an operation the model does not have and
// for a fault that cannot be written (see Fault).
func (s *Server) FailNext(operation string, f Fault) error {
	if err := s.checkOperation(operation); err != nil {
		return err
	}
	if err := s.checkFault(f); err != nil {
		return fmt.Errorf("emulator: fault for %s: %w", operation, err)
	}

	message := f.Message
	if message == "" {
		message = f.Code + " injected by the emulator"
	}
	s.faults.push(operation, &pendingFault{
		err:  &apiError{code: f.Code, message: message, status: f.Status},
		left: max(f.Times, 1),
	})
	return nil
}

// Calls returns how many calls of operation the server has received that
// passed the signature check, whether a fault, an error or the operation
// answered them. It fails for an operation the model does not have.
func (s *Server) Calls(operation string) (int, error) {
	if err := s.checkOperation(operation); err != nil {
		return 0, err
	}

	return s.faults.count(operation), nil
}

// checkOperation fails unless the model has an operation of that name.
func (s *Server) checkOperation(name string) error {
	for _, rt := range s.routes {
		if rt.name == name {
			return nil
		}
	}
	return fmt.Errorf("emulator: no operation named %q", name)
}

// checkFault fails for a fault that cannot be answered as asked.
func (s *Server) checkFault(f Fault) error {
	switch {
	case f.Code == "":
		return errors.New("code is empty")
	case strings.ContainsFunc(f.Code, notCodeRune):
		return fmt.Errorf("code %q may hold only printable ASCII without spaces", f.Code)
	case f.Status != 0 && (f.Status < 400 || f.Status > 599):
		return fmt.Errorf("status %d is not an error status (400 to 599)", f.Status)
	case f.Status == 0 && !s.errorShapes[f.Code]:
		return fmt.Errorf("code %q is not a modeled error of the service; "+
			"set Status to send it anyway", f.Code)
	case f.Times < 0:
		return fmt.Errorf("times %d is negative", f.Times)
	}
	return nil
}

// notCodeRune reports whether r cannot appear in an error code, which
// travels in a header.
func notCodeRune(r rune) bool {
	return r <= ' ' || r > '~'
}

// push queues a fault behind those already waiting for operation.
func (q *faultQueue) push(operation string, f *pendingFault) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.pending[operation] = append(q.pending[operation], f)
}

// count returns the number of calls of operation taken so far.
func (q *faultQueue) count(operation string) int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.calls[operation]
}

// take counts a call of operation and returns the fault that answers it,
// or nil when none is queued.
func (q *faultQueue) take(operation string) *apiError {
	q.mu.Lock()
	defer q.mu.Unlock()

	q.calls[operation]++
	queue := q.pending[operation]
	if len(queue) == 0 {
		return nil
	}

	next := queue[0]
	next.left--
	if next.left == 0 {
		q.pending[operation] = queue[1:]
	}
	return next.err
}
