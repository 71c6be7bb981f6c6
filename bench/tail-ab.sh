#!/usr/bin/env bash
# The tail at many connections, one Horde checkout against another: CONNS users (2,000), each with
# its own connection, on a local nginx GET /sleep/50 (nginx answers after 50 ms, one worker pinned
# to CPU 1, Horde to CPU 0, as compare.sh pins them), RUN seconds, ROUNDS alternating rounds of
# each checkout. Prints, per run, the requests and the p99 of the whole run, after its first 4 s
# and after its first 10 s (`horde report --from`), then each checkout's per-second p99 / loop lag.
# nginx's own 50 ms is the floor: what is above it is the generator's.
#
#   bench/tail-ab.sh /work/old /work/new          # two checkouts (each builds itself if needed)
#   ROUNDS=5 RUN=25 CONNS=2000 bench/tail-ab.sh "$PWD"   # one checkout alone
#   bench/tail-ab.sh "$PWD" "$PWD --jit-warm-up off"     # a checkout, then with more flags for its runs
# 2,000 users started at once get Horde's JIT warm-up by default (--jit-warm-up auto).
# Env: CONNS, RUN (s), ROUNDS, HORDE_JAVA_OPTS, OUT (kept outputs; a temp dir).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CONNS="${CONNS:-2000}"; RUN="${RUN:-25}"; ROUNDS="${ROUNDS:-4}"
(($#)) || set -- "$ROOT"
ulimit -n "$(ulimit -Hn)"
for arg in "$@"; do "${arg%% *}/horde" --version >/dev/null; done   # build now, outside the measured runs
source "$ROOT/bench/local-nginx.sh"
bench_workdir
NGINX_EXTRA='    location = /sleep/50 { echo_sleep 0.05; echo "ok"; }' start_local_nginx "$work/nginx"
pin_local_nginx 1
cat >"$work/tail.yaml" <<YAML
target: http://127.0.0.1:$NGINX_PORT
users:
  - name: client
    tasks: [{get: /sleep/50}]
YAML
echo "load before: $(uptime)"
for round in $(seq "$ROUNDS"); do
  i=0
  for arg in "$@"; do
    h="${arg%% *}"; read -r -a flags <<<"${arg#"$h"}"
    i=$((i + 1)); r="$work/r$round-$i.json"
    taskset -c 0 "$h/horde" run "$work/tail.yaml" --users "$CONNS" --spawn-rate "$CONNS" --run-time "${RUN}s" \
      --no-history -q -o "$r" ${flags[@]+"${flags[@]}"} >"$work/r$round-$i.log" 2>&1 &
    horde=$!; wait "$horde" || true; horde=""
    for from in 4 10; do "$h/horde" report "$r" --from "${from}s" -o "$work/from$from.json" >/dev/null; done
    python3 - "$r" "$round" "$arg" "$work/from4.json" "$work/from10.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
p99 = [json.load(open(f))["summary"]["latency_ms"]["p99"] for f in (sys.argv[1], sys.argv[4], sys.argv[5])]
per_second = " ".join(f'{p["p99_ms"]:.0f}/{p["generator"]["loop_lag_p99_ms"]:.0f}' for p in r["timeline"])
print(f'round {sys.argv[2]} {sys.argv[3]}: {r["summary"]["requests"]} requests, p99 whole {p99[0]:.1f} ms,'
      f' after 4 s {p99[1]:.1f}, after 10 s {p99[2]:.1f}')
print(f'  per second (p99 / loop lag p99, ms): {per_second}')
PY
  done
done
echo "load after: $(uptime)"
