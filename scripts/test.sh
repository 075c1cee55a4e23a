#!/usr/bin/env bash
# The project's test command (the README names it): static checks, the
# generated-code drift check, unit tests with the race detector, the
# conformance module that compares us with the official client, the
# allocation budget of the benchmarks, and a short run of every fuzz target.
set -euo pipefail
cd "$(dirname "$0")/.."

STATICCHECK_VERSION=v0.8.2
# An execution count, not a duration: with a duration, Go 1.26's fuzz
# coordinator can report a spurious "context deadline exceeded" failure when
# the time runs out mid-input (golang/go#75804, fixed in Go 1.27). A count
# has no deadline to race. Set FUZZTIME=60s for a longer local run.
FUZZTIME=${FUZZTIME:-10000x}

step() { printf '\n== %s\n' "$*"; }

step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

step "go vet"
go vet ./...
for mod in conformance benchmarks; do
  (cd "$mod" && go vet ./...)
done

step "staticcheck"
go run "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION" ./...

step "generated code is reproducible"
tree_state() { { git diff; git status --porcelain; } | sha256sum; }
before=$(tree_state)
go generate ./...
if [ "$before" != "$(tree_state)" ]; then
  echo "go generate changed files: the committed generated code is stale"
  git status --porcelain
  exit 1
fi

step "unit tests (race detector)"
go test -race -count=1 ./...

step "allocation tests that -race defeats"
go test -count=1 ./internal/jsonwire/

step "conformance against the official client"
(cd conformance && go test -race -count=1 ./...)

step "allocation budget"
(cd benchmarks && go test -count=1 -run 'TestAllocationBudget' ./...)

step "fuzz targets (${FUZZTIME} each)"
# Every "func FuzzXxx" in a _test.go file of the main module, by package.
{ git grep -n -o '^func Fuzz[A-Za-z0-9_]*' -- '*_test.go' ':!conformance' ':!benchmarks' || true; } |
  while IFS=: read -r file _ match; do
    target=${match#func }
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "$FUZZTIME" "./$(dirname "$file")"
  done
