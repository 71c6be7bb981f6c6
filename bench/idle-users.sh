#!/usr/bin/env bash
# What an idle virtual user costs: USERS users with a long think time (THINK_MIN-THINK_MAX,
# 60-180 s: each sends one request when it starts, then waits) against a local nginx /fast, sharing MAX_CONNECTIONS
# connections (this machine's 20,000 open files would not hold one per user). Once every user is
# up and waiting, Horde's resident memory (RSS) and a heap histogram after a full GC
# (jcmd GC.class_histogram) are read; the run then goes on to its end, and its achieved rate is
# printed beside the expected one: each request that completed in second s is followed by its
# user's next one 60-180 s later (uniform), 1/120 of a request in each of those seconds (half at
# both ends), so the expected rate of second t is the sum of the completions of seconds
# t-180..t-60 over 120. It is
# compared from 60 s after the last user started (first requests no longer mixed in) to the end
# (RUN - 5 s); with users started all at once it tends to users / 120 s from 180 s on.
# With a short think time (THINK_MIN=1 THINK_MAX=3) the same runs many busy users instead, and
# PIN=0 pins Horde to that CPU (the JVM then sees one core and picks its collector for one).
#
#   bench/idle-users.sh                           # 10,000 users, 200 connections
#   USERS=100000 bench/idle-users.sh
#   USERS=1000000 SPAWN_RATE=50000 MAX_CONNECTIONS=2000 bench/idle-users.sh
# Env: USERS, THINK_MIN/THINK_MAX (s; 60, 180), PIN (a CPU for Horde; none), MAX_CONNECTIONS (200), SPAWN_RATE (USERS/10 a second), RUN (run time, s; 125),
#      MEASURE_AT (s after launch the memory is read; spawn time + 15 s), TOP (histogram rows; 15),
#      HISTOGRAM=0 (RSS only: no heap histogram, whose full GC pauses the run),
#      HORDE_JAVA_OPTS (JVM flags, passed on), OUT (directory kept for the outputs; a temp one).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
USERS="${USERS:-10000}"
CONNS="${MAX_CONNECTIONS:-200}"
SPAWN_RATE="${SPAWN_RATE:-$(( USERS / 10 > 1000 ? USERS / 10 : 1000 ))}"
RUN="${RUN:-200}"
THINK_MIN="${THINK_MIN:-60}"
THINK_MAX="${THINK_MAX:-180}"
PIN="${PIN:-}"
MEASURE_AT="${MEASURE_AT:-$(( USERS / SPAWN_RATE + 15 ))}"
TOP="${TOP:-15}"
ulimit -n "$(ulimit -Hn)"
"$ROOT/horde" --version >/dev/null   # build now, outside the measured run
source "$ROOT/scripts/jdk.sh"; horde_find_jdk 0
JCMD="$(dirname "$JAVA")/jcmd"

source "$ROOT/bench/local-nginx.sh"
bench_workdir
start_local_nginx "$work/nginx"

cat >"$work/idle.yaml" <<YAML
target: http://127.0.0.1:$NGINX_PORT
preflight: false
http: {max_connections: $CONNS}
users:
  - name: idler
    wait: between ${THINK_MIN}s and ${THINK_MAX}s
    tasks: [{steps: [{get: /fast}]}]
load: {users: $USERS, spawn_rate: $SPAWN_RATE, run_time: ${RUN}s}
YAML

echo "load before: $(uptime)"
start=$(date +%s.%N)
${PIN:+taskset -c $PIN} "$ROOT/horde" run "$work/idle.yaml" --no-history -o "$work/result.json" >"$work/run.log" 2>&1 &
horde=$!
sleep "$MEASURE_AT"
rss=$(ps -o rss= -p "$horde" | tr -d ' ')
# The histogram's full GC stops the run for seconds at a million users: HISTOGRAM=0 leaves it out.
[[ "${HISTOGRAM:-1}" == 0 ]] && : >"$work/histogram.txt" || "$JCMD" "$horde" GC.class_histogram >"$work/histogram.txt" 2>&1 || true
rss_after_gc=$(ps -o rss= -p "$horde" | tr -d ' ')
"$JCMD" "$horde" GC.heap_info >"$work/heap.txt" 2>&1 || true
"$JCMD" "$horde" VM.flags >"$work/flags.txt" 2>&1 || true
peak=$(grep VmHWM "/proc/$horde/status" | awk '{print $2}')
wait "$horde" || true
horde=""
end=$(date +%s.%N)
echo "load after: $(uptime)"

heap=$(awk '/^Total/ {print $3}' "$work/histogram.txt"); heap=${heap:-0}
users_in_heap=$(awk '$4 == "horde.engine.VirtualUser" {print $2}' "$work/histogram.txt")
echo "users: $USERS, max_connections: $CONNS, JVM: $(grep -o 'Use[A-Za-z]*GC' "$work/flags.txt" | head -1) $(grep -o 'MaxHeapSize=[0-9]*' "$work/flags.txt")"
echo "RSS at ${MEASURE_AT}s: $((rss / 1024)) MB ($((rss * 1024 / USERS)) B a user); after the histogram's full GC: $((rss_after_gc / 1024)) MB; peak (VmHWM) $((peak / 1024)) MB"
echo "live heap after a full GC: $((heap / 1048576)) MB, $((heap / USERS)) B a user ($users_in_heap VirtualUser objects)"
echo "top of the histogram (instances, bytes, bytes a user):"
awk -v n="$USERS" -v top="$TOP" 'NR > 3 && NR <= 3 + top {printf "  %-60s %10d %12d %8.1f\n", $4, $2, $3, $3 / n}' "$work/histogram.txt"
echo "run: $(grep -E '^(/fast|Total|GET /fast) ' "$work/run.log" | head -2 | tr -s ' ')"
python3 - "$work/result.json" "$USERS" "$(( USERS / SPAWN_RATE + THINK_MIN + 5 ))" "$(( RUN - 5 ))" "$THINK_MIN" "$THINK_MAX" <<'PY' || true
import json, sys
r = json.load(open(sys.argv[1])); users = int(sys.argv[2]); start, end = int(sys.argv[3]), int(sys.argv[4])
lo, hi = int(sys.argv[5]), int(sys.argv[6])
done = {int(p["t"]): p["requests"] for p in r["timeline"]}
def expected(t):  # a completion in second s is followed lo..hi s later: 1/(hi-lo) a second, half at both ends
    return sum(done.get(t - m, 0) * (0.5 if m in (lo, hi) else 1.0) for m in range(lo, hi + 1)) / (hi - lo)
window = [p for p in r["timeline"] if start < p["t"] <= end]
if window:
    got = sum(p["requests"] for p in window)
    want = sum(expected(int(p["t"])) for p in window)
    lag = max(p["generator"]["loop_lag_p99_ms"] for p in window)
    gc = max(p["generator"]["gc_pause_ms"] for p in window)
    gc_all = sum(p["generator"]["gc_pause_ms"] for p in window)
    p99 = sorted(p["p99_ms"] for p in window)
    print(f"rate {start}-{end} s: {got / len(window):.1f}/s, expected {want / len(window):.1f}/s"
          f" (users / mean think: {users / ((lo + hi) / 2):.1f}): {got / want:.4f};"
          f" loop lag p99 at most {lag} ms, GC pauses at most {gc} ms in a second ({gc_all:.0f} ms in all);"
          f" p99 per second: median {p99[len(p99) // 2]:.1f} ms, max {p99[-1]:.1f} ms")
else:
    print("no window: RUN must exceed the spawn time + 65 s")
for f in r.get("findings", []):
    print("finding:", f.get("text", f.get("message", ""))[:150])
PY
printf 'launch to exit: %.1f s (run time %s s)\n' "$(echo "$end - $start" | bc)" "$RUN"
grep -iE 'finding|generator_|dropped|behind' "$work/run.log" | head -5 || true
