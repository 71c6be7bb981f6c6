#!/usr/bin/env bash
# The open model's cold start: ROUNDS fresh JVMs, each running arrivals at RATE a second for RUN
# seconds against a local nginx /fast, no warm-up (the warm start: WARM_START arrivals sent before
# the first measured one and not counted; Horde's default, 20; WARM_START=0 for none, "0,20" to
# alternate rounds between the two). Prints, per round, the arrivals dropped in all
# and in each of the first seconds, and how late the first seconds' requests left (p99 from the
# intended start against p99 from the send: the difference is the generator's lateness).
#
# JIT_WARM_UP (auto: Horde's default, which runs the JIT warm-up from 2,000 arrivals a second; off; on;
# "off,auto" to alternate) chooses the warm-up against a server in Horde's own process.
#
#   bench/cold-start.sh                        # 20,000/s, 10 s, 3 rounds
#   RATE=5000 ROUNDS=5 bench/cold-start.sh
#   ROUNDS=4 JIT_WARM_UP=off,auto bench/cold-start.sh
# Env: RATE, RUN (s), ROUNDS, MAX_USERS (1000), WARM_START (20), JIT_WARM_UP (auto), HORDE_JAVA_OPTS,
# OUT (kept outputs; a temp dir).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RATE="${RATE:-20000}"; RUN="${RUN:-10}"; ROUNDS="${ROUNDS:-3}"; MAX_USERS="${MAX_USERS:-1000}"
IFS=, read -r -a warms <<<"${WARM_START:-20}"
IFS=, read -r -a jits <<<"${JIT_WARM_UP:-auto}"
ulimit -n "$(ulimit -Hn)"
"$ROOT/horde" --version >/dev/null   # build now, outside the measured runs
source "$ROOT/bench/local-nginx.sh"
bench_workdir
start_local_nginx "$work/nginx"
cat >"$work/open.yaml" <<YAML
target: http://127.0.0.1:$NGINX_PORT
preflight: false
users:
  - name: arrival
    tasks: [{steps: [{get: /fast}]}]
load: {arrival_rate: $RATE/s, run_time: ${RUN}s, max_users: $MAX_USERS}
YAML
echo "load before: $(uptime)"
for round in $(seq "$ROUNDS"); do
  warm="${warms[$(((round - 1) % ${#warms[@]}))]}"
  jit="${jits[$(((round - 1) % ${#jits[@]}))]}"
  "$ROOT/horde" run "$work/open.yaml" --no-history -q --warm-start "$warm" --jit-warm-up "$jit" -o "$work/r$round.json" \
    >"$work/r$round.log" 2>&1 || true
  python3 - "$work/r$round.json" "$round, warm start $warm, JIT warm-up $jit" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
tl = r["timeline"]
first = " ".join(f'{p["dropped"]}' for p in tl[:5])
late = " ".join(f'{p["p99_ms"]:.0f}' for p in tl[:5])
total = sum(p["dropped"] for p in tl)
sent = sum(p["requests"] for p in tl)
kinds = [f["kind"] for f in r.get("findings", []) if "drop" in f["kind"] or "late" in f["kind"]]
print(f"round {sys.argv[2]}: {sent} requests, {total} dropped (first 5 s: {first}); p99 from the intended start,"
      f" first 5 s (ms): {late}; findings: {', '.join(kinds) or 'none'}")
PY
done
echo "load after: $(uptime)"
