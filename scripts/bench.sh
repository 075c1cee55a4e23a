#!/usr/bin/env bash
# Runs the benchmarks module (our client against the official one, on the
# same response bytes, in one process) and summarises the run: benchstat
# tables of ours vs official and ours vs the json.Valid floor, then the
# median ratios next to the performance targets. Timing is informational:
# this script fails only when the benchmarks themselves fail. The CI gate
# is TestAllocationBudget (allocations only), run by scripts/test.sh.
#
# Usage: scripts/bench.sh [-count N] [-bench REGEXP] [-benchtime T] [-out DIR]
# The same settings can come from COUNT, BENCH, BENCHTIME and OUT.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCHSTAT=golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
COUNT=${COUNT:-6}
BENCH=${BENCH:-.}
BENCHTIME=${BENCHTIME:-1s}
OUT=${OUT:-}

usage() {
  sed -n 's/^# Usage: //p' "$0" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case $1 in
    -count) COUNT=${2:?}; shift 2 ;;
    -bench) BENCH=${2:?}; shift 2 ;;
    -benchtime) BENCHTIME=${2:?}; shift 2 ;;
    -out) OUT=${2:?}; shift 2 ;;
    *) usage ;;
  esac
done

if [ -z "$OUT" ]; then
  OUT=$(mktemp -d "${TMPDIR:-/tmp}/devopsagent-bench.XXXXXX")
fi
mkdir -p "$OUT"
raw=$OUT/raw.txt
named=$OUT/named.txt

step() { printf '\n== %s\n' "$*"; }

# -p 1 runs one package's benchmarks at a time: by default go test runs
# packages in parallel, and their benchmarks would then compete for the CPU
# (the garbage collector's share above all).
step "go test -p 1 -bench '$BENCH' -benchmem -count $COUNT -benchtime $BENCHTIME (raw: $raw)"
(cd benchmarks && go test -p 1 -run '^$' -bench "$BENCH" -benchmem \
  -count "$COUNT" -benchtime "$BENCHTIME" ./...) | tee "$raw"

# benchstat projects columns only from key=value name parts, so the
# sub-benchmark (ours, official, jsonValid, ...) becomes impl=<name>.
sed -E 's#^(Benchmark[A-Za-z0-9_]+)/([A-Za-z0-9_]+)#\1/impl=\2#' "$raw" > "$named"

step "benchstat: ours vs official"
go run "$BENCHSTAT" -col '/impl@(official ours)' \
  -filter '/impl:(official OR ours) -.name:DecodeTasks1000' "$named"

step "benchstat: decoders vs the json.Valid floor"
go run "$BENCHSTAT" -col '/impl' \
  -filter '.name:/^Decode/ .unit:(sec/op OR allocs/op OR allocs/task OR x-floor)' \
  "$named"

step "median ratios (targets from the performance issue)"
awk -f - "$named" <<'AWK' | sort
# Collects every value per benchmark, implementation and unit, then prints
# median ratios: the CPU-time ratio a benchmark reports itself, ours over
# official, and every decoder over jsonValid.
function median(key,   n, i, j, v, t) {
  n = count[key]
  for (i = 1; i <= n; i++) v[i] = vals[key, i]
  for (i = 2; i <= n; i++) {
    t = v[i]
    for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]
    v[j + 1] = t
  }
  if (n % 2) return v[(n + 1) / 2]
  return (v[n / 2] + v[n / 2 + 1]) / 2
}
function verdict(ratio, target) {
  if (target == "") return ""
  return sprintf("  (target <= %s: %s)", target, ratio <= target ? "met" : "MISSED")
}
/^Benchmark/ {
  name = $1
  sub(/^Benchmark/, "", name)
  sub(/-[0-9]+$/, "", name)
  split(name, parts, "/impl=")
  if (parts[2] == "") {
    # A benchmark that compares the clients itself (AssociateServiceCPU)
    # reports its ratio as the unit ours/official.
    for (i = 3; i < NF; i += 2) {
      if ($(i + 1) != "ours/official") continue
      cpu[name] = 1
      key = name SUBSEP "cpu" SUBSEP "ratio"
      vals[key, ++count[key]] = $i
    }
    next
  }
  bench = parts[1]; impl = parts[2]
  benches[bench] = 1
  impls[bench, impl] = 1
  for (i = 3; i < NF; i += 2) {
    key = bench SUBSEP impl SUBSEP $(i + 1)
    vals[key, ++count[key]] = $i
  }
}
END {
  target["AssociateServiceRoundTrip", "ns/op"] = 0.8
  target["AssociateServiceCPU", "ratio"] = 0.8
  for (b in cpu) {
    r = median(b SUBSEP "cpu" SUBSEP "ratio")
    printf "%-28s ours/official CPU time %6.3fx%s\n", b, r, verdict(r, target[b, "ratio"])
  }
  target["DecodeTasks1000", "floor"] = 1.25
  for (b in benches) {
    if ((b, "ours") in impls && (b, "official") in impls) {
      for (u = 1; u <= 2; u++) {
        unit = u == 1 ? "ns/op" : "allocs/op"
        r = median(b SUBSEP "ours" SUBSEP unit) / median(b SUBSEP "official" SUBSEP unit)
        printf "%-28s ours/official %-9s %6.3fx%s\n", b, unit, r, verdict(r, target[b, unit])
      }
    }
    if ((b, "jsonValid") in impls) {
      floor = median(b SUBSEP "jsonValid" SUBSEP "ns/op")
      for (k in impls) {
        split(k, kp, SUBSEP)
        if (kp[1] != b || kp[2] == "jsonValid") continue
        r = median(b SUBSEP kp[2] SUBSEP "ns/op") / floor
        printf "%-28s %s/floor ns/op %6.3fx%s\n", b, kp[2], r,
          verdict(r, target[b, "floor"])
      }
    }
  }
  for (k in count) {
    split(k, kp, SUBSEP)
    if (kp[3] != "allocs/task" || kp[2] == "official") continue
    r = median(k)
    printf "%-28s %s allocs/task %6.1f  (target <= 20: %s)\n", kp[1], kp[2], r,
      r <= 20 ? "met" : "MISSED"
  }
}
AWK
echo
echo "raw results: $raw"
