#!/usr/bin/env bash
# How much memory an open WebSocket costs Horde: SOCKETS users each hold one socket to the
# simulator's /ws/chat (which pings every socket every 20 s), then the same users without sockets;
# Horde's resident memory (RSS) is read in both while the users are all up, and the difference per
# socket printed, with the pings the simulator sent and the pongs Horde answered them with.
#
#   bench/ws-sockets.sh                   # 10,000 sockets, 45 s each run (~2 min)
#   SOCKETS=2000 bench/ws-sockets.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SOCKETS="${SOCKETS:-10000}"
HOLD=45
ulimit -n "$(ulimit -Hn)"
(( $(ulimit -n) > SOCKETS + 1000 )) || { echo "ws-sockets: ulimit -n is $(ulimit -n), too few for $SOCKETS sockets" >&2; exit 2; }
"$ROOT/horde" --version >/dev/null   # build now, outside the measured runs
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$ROOT/horde" simulate --port "$port" --threads 1 >"$work/sim.log" 2>&1 &
sim=$!
trap 'kill $sim 2>/dev/null; wait $sim 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done

scenario() { # $1: on_start steps
  cat <<YAML
target: http://127.0.0.1:$port
preflight: false
users:
  - name: holder
    on_start: $1
    tasks: [{steps: [{think: 60s}]}]
load: {users: $SOCKETS, spawn_rate: 2000, run_time: ${HOLD}s}
YAML
}

rss_at() { # $1: scenario file; prints Horde's RSS in KB, read 25 s in (every user up)
  "$ROOT/horde" run "$1" --no-history -q >"$work/run.log" 2>&1 &
  local pid=$!
  sleep 25
  local rss
  rss=$(ps -o rss= -p "$pid" | tr -d ' ')
  # Each socket is pinged 20 s after it opened (2-10 s in): by 40 s every pong is back, sockets still open.
  sleep 15
  curl -sf "http://127.0.0.1:$port/metrics" >"$work/metrics.txt"
  wait "$pid" || true
  grep -E "^(/ws/chat|Total) " "$work/run.log" >&2 || true
  echo "$rss"
}

scenario "[{ws: /ws/chat}]" >"$work/ws.yaml"
scenario "[]" >"$work/none.yaml"
with=$(rss_at "$work/ws.yaml")
metrics=$(cat "$work/metrics.txt")
without=$(rss_at "$work/none.yaml")
pings=$(grep '^horde_simulator_ws_pings_total' <<<"$metrics" | awk '{print $2}')
pongs=$(grep '^horde_simulator_ws_pongs_total' <<<"$metrics" | awk '{print $2}')
handshakes=$(grep 'endpoint="/ws/chat",status="101"' <<<"$metrics" | awk '{print $2}')
echo "sockets opened (101s at the simulator): $handshakes of $SOCKETS"
echo "pings sent: $pings, pongs answered: $pongs"
echo "Horde RSS with sockets: $((with / 1024)) MB, without: $((without / 1024)) MB"
echo "per socket: $(( (with - without) * 1024 / SOCKETS )) bytes"
