#!/usr/bin/env bash
# Where one run's CPU goes: before its first request, during the load, after it (the summary, the
# result file, the history's record, the exit). Horde runs `GET /fast` with 50 users against a local
# nginx (pinned to CPU 1, Horde to CPU 0) for RUN seconds, recorded in a history of its own unless
# HISTORY=0; its process's CPU time is sampled every 50 ms and cut at the load's start and end as
# the result gives them. Repeats ROUNDS times; HORDE_JAVA_OPTS passes through, so two settings can
# be compared by alternating calls.
#
#   bench/phases.sh                                       # 3 runs of 5 s
#   HORDE_JAVA_OPTS=-XX:AOTCache=/tmp/old.aot bench/phases.sh
# Env: RUN (s, 5), ROUNDS (3), HISTORY (1), OUT (kept outputs; a temp dir).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN="${RUN:-5}"; ROUNDS="${ROUNDS:-3}"; HISTORY="${HISTORY:-1}"
"$ROOT/horde" --version >/dev/null   # build now, outside the measured runs
source "$ROOT/bench/local-nginx.sh"
bench_workdir
start_local_nginx "$work/nginx"
pin_local_nginx 1
printf 'target: http://127.0.0.1:%s\nusers:\n  - name: client\n    tasks: [{get: /fast}]\n' "$NGINX_PORT" >"$work/s.yaml"
history=(--db "$work/history.db")
[[ $HISTORY == 1 ]] || history=(--no-history)
for round in $(seq "$ROUNDS"); do
  r="$work/r$round.json"
  t0="$(date +%s.%N)"
  taskset -c 0 "$ROOT/horde" run "$work/s.yaml" --users 50 --spawn-rate 50 --run-time "${RUN}s" "${history[@]}" \
    -q -o "$r" >"$work/out.txt" 2>&1 &
  horde=$!
  java=""
  while kill -0 "$horde" 2>/dev/null; do # the launcher execs java: the same pid once it has
    if [[ -r /proc/$horde/stat ]] && read -ra st <"/proc/$horde/stat" 2>/dev/null; then
      echo "$(date +%s.%N) $((st[13] + st[14]))"
    fi
    sleep 0.05
  done >"$work/samples.txt"
  wait "$horde" || true; horde=""
  python3 - "$work/samples.txt" "$t0" "$(getconf CLK_TCK)" "$r" <<'PY'
import datetime, json, sys
rows = [tuple(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
t0, tick, r = float(sys.argv[2]), float(sys.argv[3]), json.load(open(sys.argv[4]))
start = datetime.datetime.fromisoformat(r["started_at"].replace("Z", "+00:00")).timestamp()
end = start + r["duration_s"]
def cpu(t): return max([c for ts, c in rows if ts <= t], default=0) / tick
total = rows[-1][1] / tick
print(f"start {start - t0:.2f} s, {cpu(start):.2f} CPU-s before the load; load {r['duration_s']:.1f} s, "
      f"{cpu(end) - cpu(start):.2f} CPU-s, {r['summary']['requests']} requests; after it {rows[-1][0] - end:.2f} s, "
      f"{total - cpu(end):.2f} CPU-s; in all {total:.2f} CPU-s")
PY
done
