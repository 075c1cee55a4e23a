// Package benchmarks measures our DevOps Agent client against the official
// aws-sdk-go-v2 client on the same response bytes, in the same process.
//
// Everything here lives in test files: bench_test.go holds the benchmarks,
// budget_test.go the allocation budget CI enforces (limits in budget.json),
// agree_test.go the check that both clients decode the fixtures alike, and
// stub_test.go the in-memory HTTP client both send through. The response
// bodies come from package fixtures; package clientdecode runs our decoder
// without the middleware stack. Package prototype holds experimental
// decoders kept apart from the client, to measure what decoding outside
// smithy-go's JSON reader would buy. scripts/bench.sh at the repository
// root runs the benchmarks and compares the results with benchstat.
package benchmarks
