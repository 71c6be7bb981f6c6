#!/usr/bin/env bash
# Where a run's CPU goes by thread, one checkout against another: a 20 s `GET /fast` run at 50
# users, each with its own connection (Horde pinned to CPU 0, a local nginx to CPU 1, as compare.sh pins them), read from
# /proc at 19 s: each thread's CPU (ms), and how often the event loop was preempted (involuntary
# context switches) and the control thread woke (voluntary ones). ROUNDS alternating rounds.
# SLEEP=1 sends `GET /sleep` answered after that many seconds instead (many users, few requests:
# the cost of the self-check's descriptor count, say), with the descriptor limit raised to the hard one.
#
#   git worktree add /tmp/base HEAD~1 && bench/threads.sh /tmp/base "$PWD"
#   USERS=9000 SLEEP=1 bench/threads.sh /tmp/base "$PWD"
# Env: ROUNDS (2), USERS (50), SLEEP (s; none).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
(($#)) || set -- "$ROOT"
for h in "$@"; do "$h/horde" --version >/dev/null; done   # build now, outside the measured runs
ulimit -n "$(ulimit -Hn)"
source "$ROOT/bench/local-nginx.sh"
bench_workdir
path=/fast
if [[ -n ${SLEEP:-} ]]; then
  path=/sleep
  NGINX_EXTRA="    location = /sleep { echo_sleep $SLEEP; echo ok; }"
fi
start_local_nginx "$work/nginx"
pin_local_nginx 1
printf 'target: http://127.0.0.1:%s\nusers:\n  - name: client\n    tasks: [{get: %s}]\n' "$NGINX_PORT" "$path" >"$work/s.yaml"
switches() { awk -v k="$2" '$1 == k":" {print $2}' "$1/status"; }
for round in $(seq "${ROUNDS:-2}"); do
  for h in "$@"; do
    taskset -c 0 "$h/horde" run "$work/s.yaml" --users "${USERS:-50}" --spawn-rate "${USERS:-50}" -t 20s --no-history -q \
      -o "$work/r.json" >/dev/null 2>&1 &
    horde=$!
    sleep 19
    line=""
    for t in /proc/"$horde"/task/*; do
      name="$(cat "$t/comm")"
      case "$name" in
        horde-loop-1-1) line+=" $name=$(awk '{print ($14 + $15) * 10}' "$t/stat") (preempted $(switches "$t" nonvoluntary_ctxt_switches))" ;;
        horde-control) line+=" $name=$(awk '{print ($14 + $15) * 10}' "$t/stat") (woke $(switches "$t" voluntary_ctxt_switches))" ;;
        horde-*|C1*|C2*|java) line+=" ${name// /_}=$(awk '{print ($14 + $15) * 10}' "$t/stat")" ;;
      esac
    done
    wait "$horde" || true; horde=""
    echo "round $round $h (CPU ms):$line"
  done
done
