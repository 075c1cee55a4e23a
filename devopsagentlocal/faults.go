package devopsagentlocal

// This file lets tests make the server fail on purpose: queued faults per
// operation, and call counts to see how often a client tried.

import "github.com/devopsagent-go/devopsagent/internal/emulator"

// Fault is an error the server answers in place of running an operation,
// written like the service's own errors (status, X-Amzn-ErrorType header,
// JSON body {"message": ...}), so the client decodes it into its
// types.Xxx error and retries it as it would the real one. Its fields:
//
//   - Code, the error code, for example "ThrottlingException"; unless
//     Status is set it must name one of the service's modeled errors.
//   - Status, the HTTP status (400 to 599); 0 takes the one the service
//     model gives Code: 429 for ThrottlingException, 500 for
//     InternalServerException, 402 for ServiceQuotaExceededException.
//   - Message, the error's message; "" sends one saying it was injected.
//   - Times, how many calls the fault answers; 0 means one.
type Fault = emulator.Fault

// FailNext queues f for operation (a name such as "CreateBacklogTask"):
// the next f.Times calls of it are answered with f instead of being run.
// Faults queued for one operation apply in turn and leave the others
// alone. A fault answers only calls that pass the signature check (a
// badly signed call still gets AccessDeniedException and leaves the fault
// queued), and it answers before the input is validated. FailNext fails
// for an operation the service does not have and for a fault it cannot
// send (see Fault); it is safe to call while requests are in flight.
func (s *Server) FailNext(operation string, f Fault) error {
	return s.emu.FailNext(operation, f)
}

// Calls returns how many calls of operation the server has received that
// passed the signature check, whether a fault, an error or a result
// answered them: after a call that the client's retryer retried twice, it
// has grown by three. It fails for an operation the service does not
// have.
func (s *Server) Calls(operation string) (int, error) {
	return s.emu.Calls(operation)
}
