// Package conformance checks that this module's DevOps Agent client sends
// and decodes exactly what the official aws-sdk-go-v2 client v1.5.2 does.
//
// It is a separate, test-only module so the official client never becomes
// a dependency of the main module. Everything lives in _test.go files:
//
//   - harness_test.go: the recording transport and the two clients
//   - registry_test.go: union member and enum types of both clients
//   - inputs_test.go, fixtures_test.go: request inputs (stated once, in
//     our types) and canned response bodies
//   - wire_test.go, requests_test.go: what goes on the wire
//   - sign_test.go, sigv4_test.go: SigV4 re-signed with the public signer
//   - endpoints_test.go: endpoint rules, host prefixes, custom endpoints
//   - responses_test.go, errors_test.go: what comes back
//   - paginators_test.go: page-by-page request sequences
//   - surface_test.go: types, fields, union members, enum values, and the
//     client and options surface declaration by declaration
//   - options_test.go: legacy endpoint resolver, auth options, signing
//     overrides and DefaultsMode
//   - telemetry_test.go: interceptor hooks, tracing spans and metrics
//   - document_test.go: the two public document packages
//   - coverage_test.go: guards that the tables exercise everything
//   - differences_test.go, differences_wire_test.go: where we deliberately
//     behave differently (the second: request escaping, nulls, unknown
//     union values, non-JSON error bodies, request ids), asserting ours
//     and recording what v1.5.2 does
//   - assets_test.go, additions_test.go: operations and members newer
//     than v1.5.2, checked against shared/spec/facts.md instead
//   - emulator_test.go: the official client against devopsagentlocal
//   - cancel_test.go: cancellation and deadlines at every stage of a call
//
// No test is skipped: every difference from the official client is
// either fixed or deliberate, and a deliberate one asserts both clients'
// behaviour.
//
// The generic reflection helpers (conversion between the two type
// universes, comparable trees of decoded values) live in internal/mirror;
// internal/apisurface lists a package's exported declarations from its
// source.
package conformance
