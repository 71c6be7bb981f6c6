#!/usr/bin/env bash
# Horde against its peers (wrk, h2load over HTTP/1.1, Locust's FastHttpUser, Gatling) on the same
# local nginx /fast, one after the other in alternating rounds, each generator pinned to CPU 0 and
# nginx to CPU 1, 50 connections, keep-alive, no think time. Prints each one's requests per
# generator CPU-second (median and spread) as a ratio of wrk's and of the best peer's (JVM start-up
# included in Horde's and Gatling's CPU), the latency check against nginx's own timing on
# /sleep/50 (each p99's excess over nginx's as a multiple of wrk's, and Horde's after its first
# SETTLE seconds, 4 by default), and the machine's load.
#
# --post runs the templated POST instead: a JSON body with a fresh UUID per request, a JSON check
# and a save, by Horde, wrk (Lua body, no check), Locust and Gatling, beside wrk's and Horde's GET
# in the same rounds (no latency check).
#
# Uses the shared harness (../shared/bench: nginx target, CPU pinning, quiet-machine waits, access
# log counts) through an overlay that adds bench/peers.sh's generators. Its report and raw outputs
# go to bench/results/<stamp>/ here. Gatling is built once (bench/gatling/build.sh: Maven Central
# the first time, offline after).
#
#   bench/compare.sh                      # 20 s runs, 4 alternating rounds, medians (~15 min)
#   bench/compare.sh --post               # the templated POST and its peers (~12 min)
#   DURATION=60 REPEATS=3 bench/compare.sh
#   GENERATORS="wrk horde" bench/compare.sh   # fewer (or other) tools (see ../shared/bench/README.md)
#   LAT_CONNS=2000 SKIP_THROUGHPUT=1 GENERATORS="wrk horde" bench/compare.sh   # the tail at 2,000 connections
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
HARNESS="${HORDE_BENCH_HARNESS:-$ROOT/../shared/bench}"
[[ -x "$HARNESS/run-generators.sh" ]] || { echo "compare: no harness at $HARNESS (set HORDE_BENCH_HARNESS)" >&2; exit 2; }
SCENARIO=get
[[ "${1:-}" == --post ]] && SCENARIO=post
if [[ $SCENARIO == post ]]; then
  GENERATORS="${GENERATORS:-wrk horde wrk_post horde_post locust_post gatling_post}"
  export SKIP_LATENCY=1
else
  GENERATORS="${GENERATORS:-wrk horde h2load_h1 locust_fast gatling}"
fi
# The peers come from Debian's packages: installed here when missing and we are root, else named.
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

# Build now, outside the measured runs.
"$ROOT/horde" --version >/dev/null
if [[ " $GENERATORS " == *" gatling"* ]]; then
  GATLING_JAVA_HOME="$("$HERE/gatling/build.sh")" || exit 2
  export GATLING_JAVA_HOME
fi
load="$(cut -d' ' -f1-3 /proc/loadavg)"
OUT="$HERE/results/$(date +%Y%m%d-%H%M%S)"
[[ $SCENARIO == get ]] || OUT+="-$SCENARIO"
mkdir -p "$OUT"

# The overlay: the harness's files by link, its generators plus bench/peers.sh, its Locust file
# plus the POST user, its access-log count for any method, and wrk with the POST script.
H="$OUT/harness"
mkdir -p "$H/lib" "$H/bin"
for f in run-generators.sh start-target.sh stop-target.sh check-target.sh nginx.conf .tools; do
  [[ -e "$HARNESS/$f" ]] && ln -s "$HARNESS/$f" "$H/$f"
done
for f in "$HARNESS"/lib/*; do ln -s "$f" "$H/lib/"; done
rm -f "$H/lib/generators.sh" "$H/lib/locustfile.py" "$H/lib/logstats.py"
ln -s "$HERE/locustfile.py" "$H/lib/locustfile.py"
ln -s "$HERE/logstats.py" "$H/lib/logstats.py"
printf 'source "%s"\nPEERS_DIR="%s"\nPEERS_BIN="%s"\nsource "%s"\n' "$HARNESS/lib/generators.sh" "$HERE" "$H/bin" \
  "$HERE/peers.sh" >"$H/lib/generators.sh"
printf '#!/bin/sh\nexec "%s" -s "%s" "$@"\n' "$(command -v wrk)" "$HERE/wrk-post.lua" >"$H/bin/wrk"
chmod +x "$H/bin/wrk"
export HORDE_BENCH_HARNESS="$HARNESS"

cd "$ROOT"
HORDE_HOME="$ROOT" DURATION="${DURATION:-20}" REPEATS="${REPEATS:-4}" \
  RESULTS="$OUT/report.md" RAWDIR="$OUT/raw" \
  "$H/run-generators.sh" $GENERATORS >"$OUT/log.txt" 2>&1 || {
    tail -20 "$OUT/log.txt" >&2; exit 1; }
# Horde's tail without its cold start: the same latency runs from their second SETTLE on
# (`horde report --from`, recomputed from the result's per-second intervals), beside the whole run.
SETTLE="${SETTLE:-4}"
for f in "$OUT"/raw/r*-latency-horde*.json; do
  [[ -e $f ]] || continue
  "$ROOT/horde" report "$f" --from "${SETTLE}s" -o "${f%.json}.steady" >/dev/null 2>&1 || continue
  python3 -c 'import json, sys; s = json.load(open(sys.argv[1]))["summary"]["latency_ms"]; print(s["p99"], s["max"])' \
    "${f%.json}.steady" | sed "s#^#$(basename "$f" .json) #"
done >"$OUT/raw/steady.txt"
{
  SETTLE="$SETTLE" python3 "$HERE/ratio.py" "$OUT/raw/rows.tsv"
  echo
  echo "Machine load at the start: $load; at the end: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)."
} | tee "$OUT/ratio.md"
echo "full report: $OUT/report.md"
