#!/usr/bin/env bash
# Horde against wrk on the same local nginx /fast, one after the other, each generator pinned to
# CPU 0 and nginx to CPU 1, 50 connections, keep-alive, no think time. Prints Horde's requests per
# generator CPU-second as a ratio of wrk's (JVM start-up included in Horde's CPU), and the latency
# check against nginx's own timing on /sleep/50.
#
# Uses the shared harness (../shared/bench: nginx target, CPU pinning, quiet-machine waits, access
# log counts). Its report and raw outputs go to bench/results/<stamp>/ here.
#
#   bench/compare.sh                      # 20 s runs, 4 alternating rounds, medians (~6 min)
#   DURATION=60 REPEATS=3 bench/compare.sh
#   GENERATORS="wrk horde locust_fast" bench/compare.sh   # more tools (see ../shared/bench/README.md)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
HARNESS="${HORDE_BENCH_HARNESS:-$ROOT/../shared/bench}"
[[ -x "$HARNESS/run-generators.sh" ]] || { echo "compare: no harness at $HARNESS (set HORDE_BENCH_HARNESS)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "compare: wrk is missing (apt-get install wrk, or $HARNESS/install-tools.sh)" >&2; exit 2; }

"$ROOT/horde" --version >/dev/null   # build now, outside the measured runs
OUT="$HERE/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
cd "$ROOT"
HORDE_HOME="$ROOT" DURATION="${DURATION:-20}" REPEATS="${REPEATS:-4}" \
  RESULTS="$OUT/report.md" RAWDIR="$OUT/raw" \
  "$HARNESS/run-generators.sh" ${GENERATORS:-wrk horde} >"$OUT/log.txt" 2>&1 || {
    tail -20 "$OUT/log.txt" >&2; exit 1; }
python3 "$HERE/ratio.py" "$OUT/raw/rows.tsv" | tee "$OUT/ratio.md"
echo "full report: $OUT/report.md"
