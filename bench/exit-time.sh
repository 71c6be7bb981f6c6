#!/usr/bin/env bash
# How long a large closed-model run takes from the end of its graceful stop to the process's exit:
# USERS users (think THINK_MIN-THINK_MAX s) against a local nginx /fast for RUN s, graceful stop
# GRACE. Each line of Horde's output is printed with the seconds since launch; the run's own end
# is the launch-to-start time ("Running ..." line) plus RUN plus GRACE, and the exit is the last line.
#
#   bench/exit-time.sh                                   # 100,000 users, think 1-3 s, no max_connections
#   MAX_CONNECTIONS=200 bench/exit-time.sh              # the same, sharing 200 connections
# Env: USERS (100000), RUN (15), GRACE (1s), THINK_MIN/THINK_MAX (1, 3), MAX_CONNECTIONS (none),
#      PIN (a CPU to pin Horde to; none), HORDE_JAVA_OPTS, OUT (kept outputs; a temp dir).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
USERS="${USERS:-100000}"; RUN="${RUN:-15}"; GRACE="${GRACE:-1s}"
THINK_MIN="${THINK_MIN:-1}"; THINK_MAX="${THINK_MAX:-3}"
ulimit -n "$(ulimit -Hn)"
"$ROOT/horde" --version >/dev/null   # build now, outside the measured run
source "$ROOT/bench/local-nginx.sh"
bench_workdir
start_local_nginx "$work/nginx"
cat >"$work/exit.yaml" <<YAML
target: http://127.0.0.1:$NGINX_PORT
preflight: false
${MAX_CONNECTIONS:+http: {max_connections: $MAX_CONNECTIONS\}}
users:
  - name: u
    wait: between ${THINK_MIN}s and ${THINK_MAX}s
    tasks: [{steps: [{get: /fast}]}]
load: {users: $USERS, spawn_rate: $(( USERS / 5 )), run_time: ${RUN}s}
YAML
echo "load before: $(uptime)"
t0=$(date +%s.%N)
${PIN:+taskset -c $PIN} "$ROOT/horde" run "$work/exit.yaml" --no-history --graceful-stop "$GRACE" -o "$work/result.json" 2>&1 \
  | while IFS= read -r line; do printf '%7.2f %s\n' "$(echo "$(date +%s.%N) - $t0" | bc)" "$line"; done >"$work/run.log" || true
python3 - "$work/run.log" "$RUN" "${GRACE%s}" <<'PY'
import sys, re
lines = [l.rstrip("\n") for l in open(sys.argv[1]) if l.strip()]
t = lambda l: float(l.split()[0])
start = next(t(l) for l in lines if " Running " in l)
summary = next((t(l) for l in lines if re.search(r" against .*: [0-9.]+s$", l)), None)
end = start + float(sys.argv[2]) + float(sys.argv[3])
exit_ = t(lines[-1])
print(f"launch to start {start:.1f} s; the run's end (start + run + grace) {end:.1f} s; summary printed {summary:.1f} s;"
      f" exit {exit_:.1f} s: {exit_ - end:.1f} s from the end of the graceful stop to the exit")
PY
echo "load after: $(uptime)"
