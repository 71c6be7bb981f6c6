#!/usr/bin/env bash
# JVM flags against each other over whole runs: wrk's GET and Horde with each set of extra JVM
# flags (HORDE_JAVA_OPTS; "-" for none) in alternating rounds against a local nginx /fast (one
# worker pinned to CPU 1, each generator to CPU 0, 50 connections, as compare.sh runs them). Prints
# each run's requests per CPU-second (user + system, start-up and JIT included) and its ratio to wrk's
# GET of the same round, then the median ratio of each set and its user CPU a request (JIT, start and
# end included: what Horde's own code costs, apart from the kernel's sends and receives, whose share
# of a request moves with how nginx and the generator wake each other). SCENARIO=post sends the
# templated POST.
# Runs are not recorded in a history (--no-history), which leaves out the 0.2-0.3 CPU-s of recording.
# A set that starts with @DIR runs the checkout in DIR (built there if needed) with the flags after it.
#
#   bench/flags-ab.sh - "-XX:FreqInlineSize=325 -XX:InlineSmallCode=2500"   # the launcher's, C2's defaults
#   git worktree add /tmp/base HEAD~1 && SCENARIO=post bench/flags-ab.sh @/tmp/base -   # a change against its parent
#   ROUNDS=4 RUN=20 SCENARIO=post bench/flags-ab.sh - "-XX:TieredStopAtLevel=1"
# Each run's result and output stay in OUT as r<round>-<n>.json and .out, n the flags' place (with
# -XX:+CITime among the flags, the .out files end with the JIT's times: grep 'C2 {speed').
# Env: ROUNDS (4), RUN (s, 20), SCENARIO (get|post), OUT (kept outputs; a temp dir).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROUNDS="${ROUNDS:-4}"; RUN="${RUN:-20}"; SCENARIO="${SCENARIO:-get}"
(($#)) || set -- -
command -v wrk >/dev/null || { echo "flags-ab: wrk is missing (apt-get install wrk)" >&2; exit 2; }
for flags in "$@"; do # build now, outside the measured runs
  [[ $flags == @* ]] && { dir="${flags%% *}"; "${dir#@}/horde" --version >/dev/null; }
done
"$ROOT/horde" --version >/dev/null
source "$ROOT/bench/local-nginx.sh"
bench_workdir
start_local_nginx "$work/nginx"
pin_local_nginx 1
if [[ $SCENARIO == post ]]; then
  task='{post: /fast, json: {id: "${uuid}", text: hello}, check: {status: 200, json: {$.ok: present}}, save: {ok: $.ok}}'
else
  task='{get: /fast}'
fi
printf 'target: http://127.0.0.1:%s\nusers:\n  - name: client\n    tasks: [%s]\n' "$NGINX_PORT" "$task" >"$work/s.yaml"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
  /usr/bin/time -f "%U %S" -o "$work/t" taskset -c 0 wrk -t1 -c50 -d"${RUN}s" "http://127.0.0.1:$NGINX_PORT/fast" >"$work/wrk.txt"
  wrk_rate="$(awk -v t="$(cat "$work/t")" '/requests in/ {split(t, c, " "); print $1 / (c[1] + c[2])}' "$work/wrk.txt")"
  printf 'round %s wrk: %.0f requests per CPU-second\n' "$round" "$wrk_rate"
  n=0
  for flags in "$@"; do
    n=$((n + 1)); r="$work/r$round-$n.json"
    opts="$flags"; home="$ROOT"
    if [[ $opts == @* ]]; then home="${opts%% *}"; home="${home#@}"; opts="${opts#@"$home"}"; opts="${opts# }"; fi
    [[ $opts == - ]] && opts=""
    HORDE_JAVA_OPTS="$opts" /usr/bin/time -f "%U %S" -o "$work/t" taskset -c 0 "$home/horde" run "$work/s.yaml" \
      --users 50 --spawn-rate 50 --run-time "${RUN}s" --no-history -q -o "$r" >"${r%.json}.out" 2>&1 &
    horde=$!; wait "$horde" || true; horde=""
    python3 - "$r" "$work/t" "$wrk_rate" "$flags" <<'PY'
import json, sys
n = json.load(open(sys.argv[1]))["summary"]["requests"]
u, s = map(float, open(sys.argv[2]).read().split())
rate = n / (u + s)
print(f"round horde [{sys.argv[4]}]: {n} requests, {u + s:.2f} CPU-s (user {u:.2f}, {u / n * 1e6:.3f} µs a request), "
      f"{rate:.0f} per CPU-second, {rate / float(sys.argv[3]):.2f} of wrk")
PY
  done
done | tee "$work/rounds.txt"
python3 - "$work/rounds.txt" <<'PY'
import re, statistics, sys
by, user = {}, {}
for line in open(sys.argv[1]):
    m = re.match(r"round horde \[(.*)\]: .*, ([0-9.]+) µs a request\), .* ([0-9.]+) of wrk$", line)
    if m:
        by.setdefault(m.group(1), []).append(float(m.group(3)))
        user.setdefault(m.group(1), []).append(float(m.group(2)))
for flags, ratios in by.items():
    print(f"[{flags}]: median {statistics.median(ratios):.2f} of wrk's GET ({', '.join(f'{r:.2f}' for r in ratios)}); "
          f"user CPU {statistics.mean(user[flags]):.3f} µs a request in the mean")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
