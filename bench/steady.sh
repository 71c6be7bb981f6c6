#!/usr/bin/env bash
# Requests in the steady seconds, and what each cost the target and the generator: wrk and Horde in
# alternating rounds on a local nginx `GET /fast` (one worker pinned to CPU 1, each generator to CPU
# 0, 50 connections, 16 s runs), measured from 5 s to 13 s of each run by nginx's own request count
# (stub_status) and the CPU of nginx's worker and of the generator (/proc). Start-up and JIT
# warm-up are left out on purpose: what is left is the request path's cost in the steady state.
# LOG=1 gives nginx an access log line a request, as the shared harness's nginx writes.
#
#   bench/steady.sh
#   PAIRS=5 LOG=1 bench/steady.sh
# Env: PAIRS (3), LOG (0).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
command -v wrk >/dev/null || { echo "steady: wrk is missing (apt-get install wrk)" >&2; exit 2; }
"$ROOT/horde" --version >/dev/null   # build now, outside the measured runs
source "$ROOT/bench/local-nginx.sh"
bench_workdir
NGINX_EXTRA="    location = /status { stub_status; access_log off; }"
[[ ${LOG:-0} == 1 ]] && NGINX_EXTRA+=$'\n    access_log logs/access.log combined buffer=256k flush=1s;'
export NGINX_EXTRA
start_local_nginx "$work/nginx"
pin_local_nginx 1
worker="$(pgrep -P "$NGINX_PID" | head -1)"
printf 'target: http://127.0.0.1:%s\nusers:\n  - name: client\n    tasks: [{get: /fast}]\n' "$NGINX_PORT" >"$work/s.yaml"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
served() { curl -s "http://127.0.0.1:$NGINX_PORT/status" | awk 'NR == 3 {print $3}'; }
for round in $(seq "${PAIRS:-3}"); do
  for gen in wrk horde; do
    if [[ $gen == wrk ]]; then
      taskset -c 0 wrk -t1 -c50 -d16s "http://127.0.0.1:$NGINX_PORT/fast" >/dev/null &
    else
      taskset -c 0 "$ROOT/horde" run "$work/s.yaml" --users 50 --spawn-rate 50 -t 16s --no-history -q -o "$work/r.json" \
        >/dev/null 2>&1 &
    fi
    horde=$!
    sleep 5; r1="$(served)"; n1="$(ticks "$worker")"; g1="$(ticks "$horde")"
    sleep 8; r2="$(served)"; n2="$(ticks "$worker")"; g2="$(ticks "$horde")"
    wait "$horde" || true; horde=""
    # /proc's ticks are 10 ms; 8 s is 800 of them
    awk -v g="$gen" -v r=$((r2 - r1)) -v n=$((n2 - n1)) -v c=$((g2 - g1)) -v k="$round" 'BEGIN {
      printf "round %s %-5s %7.0f requests/s; nginx %.2f µs a request (%.2f of its core), generator %.2f µs (%.2f)\n",
        k, g, r / 8, n * 1e4 / r, n / 800, c * 1e4 / r, c / 800 }'
  done
done
