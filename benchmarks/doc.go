// Package benchmarks measures our DevOps Agent client against the official
// aws-sdk-go-v2 client on the same response bytes, in the same process.
//
// The measurements live in test files: bench_test.go holds the benchmarks,
// budget_test.go the allocation budget CI enforces (limits in budget.json),
// agree_test.go the check that both clients decode the fixtures alike, and
// stub_test.go the in-memory HTTP client both send through. Two small
// packages support them: fixtures builds the response bodies, and
// clientdecode runs our decoder without the middleware stack. The decoder
// prototypes that led to internal/jsonwire are described in PROFILE.md and
// were removed once it landed. scripts/bench.sh at the repository root
// runs the benchmarks and compares the results with benchstat.
package benchmarks
