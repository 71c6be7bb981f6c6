#!/usr/bin/env bash
# Horde against its peers (wrk, h2load over HTTP/1.1, Locust's FastHttpUser) on the same local
# nginx /fast, one after the other in alternating rounds, each generator pinned to CPU 0 and nginx
# to CPU 1, 50 connections, keep-alive, no think time. Prints each one's requests per generator
# CPU-second (median and spread) as a ratio of wrk's and of the best peer's (JVM start-up included
# in Horde's CPU), the latency check against nginx's own timing on /sleep/50, and the machine's load.
#
# Uses the shared harness (../shared/bench: nginx target, CPU pinning, quiet-machine waits, access
# log counts). Its report and raw outputs go to bench/results/<stamp>/ here.
#
#   bench/compare.sh                      # 20 s runs, 4 alternating rounds, medians (~12 min)
#   DURATION=60 REPEATS=3 bench/compare.sh
#   GENERATORS="wrk horde" bench/compare.sh   # fewer (or other) tools (see ../shared/bench/README.md)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
HARNESS="${HORDE_BENCH_HARNESS:-$ROOT/../shared/bench}"
[[ -x "$HARNESS/run-generators.sh" ]] || { echo "compare: no harness at $HARNESS (set HORDE_BENCH_HARNESS)" >&2; exit 2; }
# The peers come from Debian's packages: installed here when missing and we are root, else named.
GENERATORS="${GENERATORS:-wrk horde h2load_h1 locust_fast}"
need=()
for tool in wrk:wrk h2load:nghttp2-client locust:python3-locust; do
  [[ " $GENERATORS " == *" ${tool%%:*}"* ]] && ! command -v "${tool%%:*}" >/dev/null && need+=("${tool#*:}")
done
if ((${#need[@]})); then
  if [[ $(id -u) == 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
  fi
  command -v wrk >/dev/null || { echo "compare: wrk is missing (apt-get install ${need[*]})" >&2; exit 2; }
fi

"$ROOT/horde" --version >/dev/null   # build now, outside the measured runs
load="$(cut -d' ' -f1-3 /proc/loadavg)"
OUT="$HERE/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
cd "$ROOT"
HORDE_HOME="$ROOT" DURATION="${DURATION:-20}" REPEATS="${REPEATS:-4}" \
  RESULTS="$OUT/report.md" RAWDIR="$OUT/raw" \
  "$HARNESS/run-generators.sh" $GENERATORS >"$OUT/log.txt" 2>&1 || {
    tail -20 "$OUT/log.txt" >&2; exit 1; }
{
  python3 "$HERE/ratio.py" "$OUT/raw/rows.tsv"
  echo
  echo "Machine load at the start: $load; at the end: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)."
} | tee "$OUT/ratio.md"
echo "full report: $OUT/report.md"
