#!/usr/bin/env bash
# Ten thousand WebSocket chats timed true, the twin of sse-streams.sh: SESSIONS Horde users each
# open one WebSocket to the built-in simulator's /ws/chat in on_start, then ask and await the
# `done` message, over and over, for RUN seconds; PROBE_AT seconds in, while Horde holds its
# sockets, an independent raw-socket client (bench/ws_probe.py: Python's standard library, its own
# handshake and framing) opens PROBES sockets to the same simulator and asks ASKS times on each.
# Horde's connect, round trip and TTFT p50 are printed beside the probe's: what the target does
# shows in both, what the generator adds only in Horde's. Also Horde's RSS and CPU per session.
#
# What each side measures (the same three spans):
#   connect     Horde's ws_connect (the connect endpoint's latency in the result file): TCP connect and opening handshake, to the 101. The probe's: from
#               before its TCP connect to the last byte of the 101's headers. Horde's connects are
#               made during its ramp (SESSIONS/5 a second), the probe's on the loaded target.
#   round trip  Horde's ws_round_trip (the await endpoint's latency in the result file): from the last send (the ask written to the socket) to the
#               matching message (the `done`). The probe's: from the return of its send of the ask
#               frame to the read that brought the `done` frame.
#   TTFT        both: from that send to the first `token` message (Horde's `stream: tokens`).
# Horde's figures are given for the whole run and for the seconds the probe ran (`horde report
# --from --to` on the result file); the probe's are the medians of its PROBES x ASKS exchanges.
#
# The simulator (one event loop, 127.0.0.1) answers every ask with exactly TOKENS tokens, the first
# TTFT_MS after the ask, then one every GAP_MS (no answer cache, no length spread), so a round trip
# takes TTFT_MS + (TOKENS-1) x GAP_MS by its settings: 1,600 ms by default, under 2.1 s, where
# Horde's histograms (3 significant digits) have buckets 1 ms wide (at 4.6 s they are 4 ms wide,
# too coarse to tell 2 ms apart). Its capacity is SESSIONS + PROBES + 100 generations, so nothing
# queues or is refused (the script prints its queue and refusals before and after the probe, to
# show it): what is left of its load is its event loop's lag, which Horde's sockets and the
# probe's see alike.
#
# The 10,000-session run, for a quiet machine (40 s of run, about 50 s in all; OUT=DIR keeps the
# result file, Horde's log and the probe's line per exchange):
#   OUT=/tmp/ws-streams bench/ws-streams.sh
# Tried on this branch at small sizes only, under nice -n 10:
#   SESSIONS=200 RUN=25 PROBE_AT=10 nice -n 10 bench/ws-streams.sh
#   SESSIONS=1000 nice -n 10 bench/ws-streams.sh
# Env: SESSIONS (10000), RUN (s; 40), PROBES (5), PROBE_AT (s; 20), ASKS (5 a probe socket),
#      TOKENS (4), GAP_MS (500), TTFT_MS (100), THINK (Horde's users' pause between answers; 0s),
#      HORDE_JAVA_OPTS, OUT (outputs kept; a temp dir).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SESSIONS="${SESSIONS:-10000}"; RUN="${RUN:-40}"; PROBES="${PROBES:-5}"; PROBE_AT="${PROBE_AT:-20}"
ASKS="${ASKS:-5}"; THINK="${THINK:-0s}"; TOKENS="${TOKENS:-4}"; GAP_MS="${GAP_MS:-500}"; TTFT_MS="${TTFT_MS:-100}"
ulimit -n "$(ulimit -Hn)"
(( $(ulimit -n) > SESSIONS + 1000 )) || { echo "ws-streams: ulimit -n is $(ulimit -n), too few for $SESSIONS sockets" >&2; exit 2; }
"$ROOT/horde" --version >/dev/null   # build now, outside the measured run
source "$ROOT/bench/local-nginx.sh"  # for bench_workdir: its exit trap stops $horde and $others
bench_workdir
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
capacity=$(( SESSIONS + PROBES + 100 ))
"$ROOT/horde" simulate --host 127.0.0.1 --port "$port" --threads 1 --capacity "$capacity" --queue 100 \
  --ttft "${TTFT_MS}ms" --tokens-per-second "$(python3 -c "print(1000/$GAP_MS)")" --output-tokens "$TOKENS" \
  --output-tokens-spread 0 --cache-hit-ratio 0 >"$work/sim.log" 2>&1 &
sim=$!
others="$sim"
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "ws-streams: the simulator did not start: $(cat "$work/sim.log")" >&2; exit 1; }
ask="{type: ask, text: \"what is the capital of France\", max_tokens: $TOKENS}"
cat >"$work/ws.yaml" <<YAML
target: http://127.0.0.1:$port
preflight: false
users:
  - name: chatter
    on_start: [{ws: /ws/chat, name: chat}]
    tasks: [{steps: [{ws_send: {json: $ask}}, {ws_await: {json: {\$.type: done}, timeout: 30s}, stream: tokens}, {think: $THINK}]}]
load: {users: $SESSIONS, spawn_rate: $(( SESSIONS / 5 > 100 ? SESSIONS / 5 : 100 )), run_time: ${RUN}s}
YAML
metrics() { curl -sf "http://127.0.0.1:$port/metrics" | grep -E '^horde_simulator_(ws_sessions|queue_depth|active_generations|rejected_total) ' || true; }
echo "load before: $(uptime)"
"$ROOT/horde" run "$work/ws.yaml" --no-history -q -o "$work/result.json" >"$work/run.log" 2>&1 &
horde=$!
sleep "$PROBE_AT"
metrics >"$work/metrics-before.txt"
python3 "$ROOT/bench/ws_probe.py" "ws://127.0.0.1:$port/ws/chat" --sockets "$PROBES" --asks "$ASKS" \
  --max-tokens "$TOKENS" --json "$work/probe.json" >"$work/probe.txt" 2>&1 &
probe=$!
others="$sim $probe"
wait "$probe" || echo "ws-streams: the probe failed: $(tail -3 "$work/probe.txt")" >&2
others="$sim"
metrics >"$work/metrics-after.txt"
rss=$(ps -o rss= -p "$horde" | tr -d ' ')
cpu=$(awk '{print $14 + $15}' "/proc/$horde/stat")
wait "$horde" || true
horde=""
echo "load after: $(uptime)"
window=$(python3 - "$work" <<'PY'
import json, math, sys, datetime
work = sys.argv[1]
r, p = json.load(open(f"{work}/result.json")), json.load(open(f"{work}/probe.json"))
start = datetime.datetime.fromisoformat(r["started_at"].replace("Z", "+00:00")).timestamp()
print(max(0, math.floor(p["started"] - start)), math.ceil(p["ended"] - start))
PY
) || window=""
if [[ -n $window ]]; then
  read -r from to <<<"$window"
  "$ROOT/horde" report "$work/result.json" --from "${from}s" --to "${to}s" -o "$work/window.json" >/dev/null 2>&1 || from=""
fi
python3 - "$work" "$SESSIONS" "$rss" "$cpu" "$(getconf CLK_TCK)" "$capacity" "$TTFT_MS" "$GAP_MS" "$TOKENS" "${from:-}" "${to:-}" <<'PY'
import json, statistics, sys, os
work, sessions, rss, cpu, tck, capacity, ttft, gap, tokens = sys.argv[1], *map(int, sys.argv[2:10])
frm, to = sys.argv[10], sys.argv[11]
r = json.load(open(f"{work}/result.json"))
def p50s(result):
    """Horde's connect, round trip and TTFT p50 (ms): the connect's and the await's latency, the await's TTFT."""
    by = {e["name"]: e for e in result["endpoints"] if e.get("requests")}
    got = [by.get("chat", {}).get("latency_ms", {}).get("p50"), by.get("chat await", {}).get("latency_ms", {}).get("p50"),
           (by.get("chat await", {}).get("llm") or {}).get("ttft_ms", {}).get("p50")]
    return [g if g is not None else float("nan") for g in got]
def ep(name):
    return next((e for e in r["endpoints"] if e["name"] == name), {"requests": 0, "failures": 0, "failures_by_reason": {}})
conn, chat = ep("chat"), ep("chat await")
whole = p50s(r)
win = p50s(json.load(open(f"{work}/window.json"))) if frm and os.path.exists(f"{work}/window.json") else [float("nan")] * 3
expected = ttft + (tokens - 1) * gap
def bucket_us(ms):
    """The width of Horde's histogram bucket at this value (HdrHistogram, 3 significant digits, microseconds)."""
    us, width = int(ms * 1000), 1
    while us >= 2048 * width:
        width *= 2
    return width
print(f"simulator: one event loop, capacity {capacity} generations (queue 100), {tokens} tokens an answer, the first"
      f" at {ttft} ms, then one every {gap} ms: by its settings a round trip of {expected} ms, TTFT {ttft} ms;"
      f" its event loop's lag under the load comes on top, for Horde's sockets and the probe's alike")
for when in ("before", "after"):
    m = dict(l.split() for l in open(f"{work}/metrics-{when}.txt") if l.strip())
    g = lambda k: m.get(f"horde_simulator_{k}", "?").replace(".0", "")
    print(f"  {when} the probe: {g('ws_sessions')} sockets open, {g('active_generations')} generations running,"
          f" {g('queue_depth')} queued, {g('rejected_total')} refused so far")
reasons = lambda e: "; ".join(f"{k}: {v}" for k, v in e.get("failures_by_reason", {}).items())
print(f"Horde: {conn['requests']} sockets opened ({conn['failures']} failed{', ' + reasons(conn) if reasons(conn) else ''}),"
      f" {chat['requests']} answers awaited ({chat['failures']} failed{', ' + reasons(chat) if reasons(chat) else ''})")
print(f"  whole run:         connect p50 {whole[0]:8.2f} ms, round trip p50 {whole[1]:8.1f} ms, TTFT p50 {whole[2]:7.1f} ms")
print(f"  seconds {frm or '?'}-{to or '?'} (probe's): connect p50 {win[0]:8.2f} ms, round trip p50 {win[1]:8.1f} ms, TTFT p50 {win[2]:7.1f} ms"
      f"   (connects: none after the ramp unless a socket failed)")
print(f"  (each p50 is the top of its histogram bucket: {bucket_us(whole[0]) if whole[0] == whole[0] else 1} us wide for the connect,"
      f" {bucket_us(win[1]) if win[1] == win[1] else '?'} us for the round trip, {bucket_us(win[2]) if win[2] == win[2] else '?'} us for TTFT)")
p = json.load(open(f"{work}/probe.json")) if os.path.exists(f"{work}/probe.json") else None
if p and p["exchanges"]:
    med = lambda v: statistics.median(v) if v else float("nan")
    pc = med(p["connect_ms"]); pr = med([e["round_trip_ms"] for e in p["exchanges"]])
    pt = med([e["ttft_ms"] for e in p["exchanges"] if e["ttft_ms"] is not None])
    trips = [e["round_trip_ms"] for e in p["exchanges"]]
    print(f"probe ({len(p['connect_ms'])} sockets, {len(p['exchanges'])} exchanges, {len(p['errors'])} errors):"
          f" connect p50 {pc:.2f} ms, round trip p50 {pr:.1f} ms (min {min(trips):.1f}, max {max(trips):.1f}), TTFT p50 {pt:.1f} ms")
    print(f"Horde - probe, seconds {frm or '?'}-{to or '?'}: round trip {win[1] - pr:+.1f} ms, TTFT {win[2] - pt:+.1f} ms;"
          f" whole run: round trip {whole[1] - pr:+.1f} ms, TTFT {whole[2] - pt:+.1f} ms, connect {whole[0] - pc:+.2f} ms"
          f" (Horde's connects under its ramp, the probe's after it)")
    for e in p["errors"]:
        print(f"  probe error: {e}")
else:
    print("probe: no exchange completed (see probe.txt)")
print(f"Horde RSS at the probe's end: {rss // 1024} MB ({rss * 1024 // sessions} B a session);"
      f" CPU by then {cpu / tck:.1f} s ({cpu / tck / sessions * 1000:.2f} ms a session)")
PY
grep -E "^(chat|chat await|Total) " "$work/run.log" || true
