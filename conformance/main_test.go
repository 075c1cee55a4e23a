package conformance

// TestMain fails the run if any test leaves a goroutine behind (a client
// or server that was not shut down, a response body never closed).

import (
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
