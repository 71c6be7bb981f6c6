#!/usr/bin/env bash
# Ten thousand SSE streams timed true: STREAMS users each read a stream from a local nginx (WORKERS
# worker processes; first event at 100 ms, then one every GAP_MS, EVENTS events, then [DONE]),
# one after the other for RUN seconds, while an independent raw-socket probe (bench/sse_probe.py,
# Python's standard library) reads PROBES of the same streams from the same nginx at the same
# time. Horde's TTFT and ITL p50 are printed beside the probe's: what the target does shows in
# both, what the generator adds only in Horde's. The probe connects before its clock starts, as
# Horde's users read over kept-alive connections (../shared/bench/lib/sse_timing.py counts its
# connect in TTFT). Also Horde's RSS and CPU seconds per stream. FORMAT=openai sends each token as
# an OpenAI chat-completion chunk (JSON, read with `stream: openai`) rather than bare `data: tok`.
#
#   bench/sse-streams.sh                            # 10,000 streams, an event every 500 ms, 2 workers
#   STREAMS=1000 GAP_MS=20 WORKERS=1 bench/sse-streams.sh
#   FORMAT=openai EVENTS=40 GAP_MS=100 bench/sse-streams.sh
# Env: STREAMS, GAP_MS (500), EVENTS (10), WORKERS (2), RUN (s; 40), PROBES (5), PROBE_AT (s; 20),
#      FORMAT (sse|openai), HORDE_JAVA_OPTS, OUT (outputs kept; a temp dir).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STREAMS="${STREAMS:-10000}"; GAP_MS="${GAP_MS:-500}"; EVENTS="${EVENTS:-10}"; WORKERS="${WORKERS:-2}"
RUN="${RUN:-40}"; PROBES="${PROBES:-5}"; PROBE_AT="${PROBE_AT:-20}"; FORMAT="${FORMAT:-sse}"
ulimit -n "$(ulimit -Hn)"
(( $(ulimit -n) > STREAMS + 1000 )) || { echo "sse-streams: ulimit -n is $(ulimit -n), too few for $STREAMS streams" >&2; exit 2; }
"$ROOT/horde" --version >/dev/null   # build now, outside the measured run
source "$ROOT/bench/local-nginx.sh"
bench_workdir
event="echo \"data: tok\";" stream='{kind: sse, terminator: "[DONE]"}'
if [[ $FORMAT == openai ]]; then
  event="echo 'data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" tok\"}}]}';"
  stream='{kind: openai}'
fi
events=""
for _ in $(seq "$EVENTS"); do events+="$event echo \"\"; echo_flush; echo_sleep $(python3 -c "print($GAP_MS/1000)"); "; done
NGINX_EXTRA="    location = /sse { default_type text/event-stream; add_header X-Accel-Buffering no;
      echo_sleep 0.1; $events echo \"data: [DONE]\"; echo \"\"; echo_flush; }" \
  start_local_nginx "$work/nginx" "$WORKERS"
url="http://127.0.0.1:$NGINX_PORT/sse"
cat >"$work/sse.yaml" <<YAML
target: http://127.0.0.1:$NGINX_PORT
preflight: false
users:
  - name: reader
    tasks: [{steps: [{get: /sse, stream: $stream}]}]
load: {users: $STREAMS, spawn_rate: $(( STREAMS / 5 > 100 ? STREAMS / 5 : 100 )), run_time: ${RUN}s}
YAML
echo "load before: $(uptime)"
"$ROOT/horde" run "$work/sse.yaml" --no-history -q -o "$work/result.json" >"$work/run.log" 2>&1 &
horde=$!
sleep "$PROBE_AT"
for i in $(seq "$PROBES"); do python3 "$ROOT/bench/sse_probe.py" "$url" 30 >"$work/probe$i.txt" 2>&1 & done
wait_probes() { local p; for p in $(jobs -p); do [[ $p == "$horde" || $p == "$NGINX_PID" ]] || wait "$p" || true; done; }
wait_probes
rss=$(ps -o rss= -p "$horde" | tr -d ' ')
cpu=$(awk '{print $14 + $15}' "/proc/$horde/stat")
wait "$horde" || true
horde=""
echo "load after: $(uptime)"
python3 - "$work" "$STREAMS" "$rss" "$cpu" "$(getconf CLK_TCK)" "$PROBES" "$PROBE_AT" <<'PY'
import json, re, statistics, sys, glob
work, streams, rss, cpu, tck, probes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
r = json.load(open(f"{work}/result.json"))
ttft, gaps = [], []
for f in glob.glob(f"{work}/probe*.txt"):
    times = [float(m.group(1)) for m in re.finditer(r"^\s*([0-9.]+) ms  data: (?:tok|\{)", open(f).read(), re.M)]
    if times:
        ttft.append(times[0]); gaps += [b - a for a, b in zip(times, times[1:])]
e = [x for x in r["endpoints"] if "/sse" in json.dumps(x)][0]
llm = e.get("llm", {})
def p50(m): return (llm.get(m) or {}).get("p50", float("nan"))
at = int(sys.argv[7])
window = [p for p in r["timeline"] if at < p["t"] <= at + 8]
def med(key):
    v = [p.get(key) if key in p else (p.get("llm") or {}).get(key) for p in window]
    v = [x for x in v if x is not None]
    return statistics.median(v) if v else float("nan")
print(f"Horde: {e.get('requests')} streams read, {e.get('failures')} failed; whole run TTFT p50 {p50('ttft_ms'):.1f} ms,"
      f" ITL p50 {p50('itl_ms'):.1f} ms; seconds {at}-{at + 8} (the probe's): TTFT p50 {med('ttft_p50_ms'):.1f} ms,"
      f" ITL p50 {med('itl_p50_ms'):.1f} ms")
if ttft:
    print(f"probe ({len(ttft)} of {probes} streams): TTFT p50 {statistics.median(ttft):.1f} ms, ITL p50 {statistics.median(gaps):.1f} ms"
          f" (min {min(gaps):.1f}, max {max(gaps):.1f})")
else:
    print("probe: no events read")
print(f"Horde RSS at the probe: {rss // 1024} MB ({rss * 1024 // streams} B a stream); CPU so far {cpu / tck:.1f} s")
PY
grep -E "^(GET )?/sse|Total" "$work/run.log" | head -3 || true
