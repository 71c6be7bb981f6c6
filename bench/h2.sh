#!/usr/bin/env bash
# Horde over HTTP/2 against h2load (nghttp2's, Debian's nghttp2-client) on the shared harness's
# nginx h2c port (127.0.0.1:8081, prior knowledge), GET /fast, one after the other in alternating
# rounds, each generator pinned to CPU 0 (nginx to CPU 1 by the harness). Both keep 100 requests
# in flight on 2 connections (h2load -c 2 -m 50; Horde 100 users, max_streams 50, one event loop
# since it sees one CPU). Prints each tool's requests per CPU-second of the generator (user + sys,
# Horde's JVM start-up included) and Horde's as a ratio of h2load's, with the load average.
#
#   bench/h2.sh                    # 15 s runs, 2 rounds
#   DURATION=30 ROUNDS=3 bench/h2.sh
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
HARNESS="${HORDE_BENCH_HARNESS:-$ROOT/../shared/bench}"
DURATION="${DURATION:-15}"
ROUNDS="${ROUNDS:-2}"
URL=http://127.0.0.1:8081/fast
[[ -x "$HARNESS/start-target.sh" ]] || { echo "h2: no harness at $HARNESS (set HORDE_BENCH_HARNESS)" >&2; exit 2; }
command -v h2load >/dev/null || { echo "h2: h2load is missing (apt-get install nghttp2-client)" >&2; exit 2; }

"$ROOT/horde" --version >/dev/null   # build now, outside the measured runs
OUT="$HERE/results/h2-$(date +%Y%m%d-%H%M%S)"
RAW="$OUT/raw"
mkdir -p "$RAW"
started=0
if ! ss -Hltn "sport = :8081" | grep -q .; then
  "$HARNESS/start-target.sh" >"$RAW/target.txt"
  started=1
fi
stop() { if [[ $started == 1 ]]; then "$HARNESS/stop-target.sh" >>"$RAW/target.txt" 2>&1 || true; fi; }
trap stop EXIT

cat >"$RAW/h2.yaml" <<YAML
name: h2-fast
target: http://127.0.0.1:8081
http: {version: 2, max_streams: 50}
users:
  - name: client
    tasks:
      - get: /fast
YAML

cpu() { # the user + sys seconds /usr/bin/time wrote to $1
  awk '/^cpu /{print $2 + $3}' "$1"
}

echo "| round | tool | requests | CPU s | requests per CPU-second | load average |" | tee "$OUT/rows.md"
echo "|---|---|---:|---:|---:|---|" | tee -a "$OUT/rows.md"
for ((r = 1; r <= ROUNDS; r++)); do
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "cpu %U %S" -o "$RAW/h2load-$r.time" taskset -c 0 \
    h2load -c 2 -m 50 -D "$DURATION" "$URL" >"$RAW/h2load-$r.txt" 2>&1
  n="$(awk '/^requests:/{print $8}' "$RAW/h2load-$r.txt")"
  c="$(cpu "$RAW/h2load-$r.time")"
  echo "| $r | h2load | $n | $c | $(python3 -c "print(round($n / $c))") | $load |" | tee -a "$OUT/rows.md"

  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "cpu %U %S" -o "$RAW/horde-$r.time" taskset -c 0 \
    "$ROOT/horde" run "$RAW/h2.yaml" -u 100 -r 1000 -t "${DURATION}s" --no-history --out "$RAW/horde-$r.json" \
    >"$RAW/horde-$r.txt" 2>&1
  n="$(python3 -c "import json,sys; d=json.load(open('$RAW/horde-$r.json')); print(d['summary']['requests'] - d['summary']['failures'])")"
  c="$(cpu "$RAW/horde-$r.time")"
  echo "| $r | horde | $n | $c | $(python3 -c "print(round($n / $c))") | $load |" | tee -a "$OUT/rows.md"
done
python3 - "$OUT/rows.md" <<'PY' | tee "$OUT/ratio.md"
import sys
rows = [l.split("|")[1:-1] for l in open(sys.argv[1]) if l.startswith("| ") and l.split("|")[1].strip().isdigit()]
per = {}
for r in rows:
    per.setdefault(r[1].strip(), []).append(float(r[4]))
h2, horde = sum(per["h2load"]) / len(per["h2load"]), sum(per["horde"]) / len(per["horde"])
print(f"Horde h2 / h2load, requests per CPU-second: {horde / h2:.2f} ({horde:.0f} vs {h2:.0f}, mean of {len(per['horde'])} rounds)")
PY
echo "rows: $OUT/rows.md; raw outputs: $RAW"
