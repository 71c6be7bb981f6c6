#!/usr/bin/env bash
# What the live web UI costs the generator: CPU time of the threads that build and push the
# per-second messages (the publisher, and the virtual threads' carriers and the HTTP dispatcher that
# write them to the browsers), while a test of 50 users runs against the simulator, first with no
# browser watching, then with CLIENTS event streams open (curl -N, in processes of their own, so their
# reading is not counted). Prints each as a share of one core, and the size of a second's message.
#
#   bench/ui-push-cost.sh                 # 60 s each, 5 clients
#   DURATION=30 CLIENTS=10 bench/ui-push-cost.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DURATION="${DURATION:-60}" CLIENTS="${CLIENTS:-5}" SIM_PORT="${SIM_PORT:-18100}" UI_PORT="${UI_PORT:-18189}"
WORK="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
"$ROOT/horde" --version >/dev/null   # build now
"$ROOT/horde" simulate --port "$SIM_PORT" >"$WORK/sim.log" 2>&1 & pids+=($!)
sed "s#http://127.0.0.1:8000#http://127.0.0.1:$SIM_PORT#" "$ROOT/examples/demo.yaml" >"$WORK/demo.yaml"
(cd "$WORK" && exec "$ROOT/horde" ui demo.yaml --port "$UI_PORT" --db "$WORK/history.db" >"$WORK/ui.log" 2>&1) & pids+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$UI_PORT/api/live" >/dev/null 2>&1 && break; sleep 0.2; done
JVM="$(pgrep -f "horde-run.jar ui demo.yaml --port $UI_PORT" | head -1)"
curl -sf -X POST "http://127.0.0.1:$UI_PORT/api/live/start" \
  -d '{"scenario": "demo.yaml", "mode": "users", "users": 50, "spawn_rate": 50, "run_time": "10m"}' >/dev/null
sleep 10
# CPU ticks (utime + stime) of the threads that push (the publisher, the virtual threads' carriers,
# the HTTP dispatcher), as "tid ticks" lines; a thread born in between counts from 0.
ticks() {
  for t in /proc/"$JVM"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      horde-ui-publis*|ForkJoinPool*|HTTP-Dispatcher*) echo "${t##*/} $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0)" ;;
    esac
  done
}
spent() { # ticks between two snapshots
  python3 -c 'import sys
a = dict(l.split() for l in open(sys.argv[1]) if l.strip()); b = dict(l.split() for l in open(sys.argv[2]) if l.strip())
print(sum(int(v) - int(a.get(k, 0)) for k, v in b.items()))' "$1" "$2"
}
hz="$(getconf CLK_TCK)"
process() { awk '{print $14 + $15}' /proc/"$JVM"/stat; }
p0="$(process)"
ticks >"$WORK/a"; sleep "$DURATION"; ticks >"$WORK/b"
p1="$(process)"
idle="$(spent "$WORK/a" "$WORK/b")"
for _ in $(seq "$CLIENTS"); do curl -sN "http://127.0.0.1:$UI_PORT/api/live/events" >/dev/null & pids+=($!); done
sleep 2
p2="$(process)"
ticks >"$WORK/a"; sleep "$DURATION"; ticks >"$WORK/b"
p3="$(process)"
watched="$(spent "$WORK/a" "$WORK/b")"
bytes="$(timeout 3 curl -sN "http://127.0.0.1:$UI_PORT/api/live/events" | sed -n '3p' | wc -c || true)"
curl -sf -X POST "http://127.0.0.1:$UI_PORT/api/live/stop" >/dev/null || true
python3 - "$idle" "$watched" "$hz" "$DURATION" "$CLIENTS" "$bytes" "$((p1 - p0))" "$((p3 - p2))" <<'PY'
import sys
idle, watched, hz, secs, clients, size, all0, all1 = map(int, sys.argv[1:])
share = lambda t: 100.0 * t / hz / secs
print(f"no browser:  {share(idle):.2f}% of a core (the whole process, test included: {share(all0):.1f}%)")
print(f"{clients} browsers: {share(watched):.2f}% of a core, {watched / hz * 1000 / secs:.1f} ms of CPU a second"
      f" (the whole process: {share(all1):.1f}%)")
print(f"a second's message: {size} bytes")
PY
