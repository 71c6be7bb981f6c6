#!/usr/bin/env bash
# A JMH benchmark in alternating rounds on a shared machine: each round runs it once (odd rounds
# with the parameter values in the order given, even rounds reversed), notes the load average
# before and after, and keeps JMH's JSON; the summary gives per benchmark and parameters the median
# of the rounds and their spread (min-max), with the loads. Results go to bench/results/jmh-<stamp>/.
#
#   bench/jmh-rounds.sh Recording                           # 3 rounds
#   ROUNDS=5 PARAM=recorder=loop,shared bench/jmh-rounds.sh Recording -prof gc
#
# PARAM (name=v1,v2,...) is the parameter whose order alternates; other arguments go to JMH.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROUNDS="${ROUNDS:-3}"
OUT="$HERE/results/jmh-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
pattern="$1"; shift
"$HERE/jmh.sh" -l >/dev/null # builds once
export JMH_NO_BUILD=1
for ((r = 1; r <= ROUNDS; r++)); do
  args=()
  if [[ -n "${PARAM:-}" ]]; then
    name="${PARAM%%=*}" values="${PARAM#*=}"
    if ((r % 2 == 0)); then values=$(tr ',' '\n' <<<"$values" | tac | paste -sd,); fi
    args=(-p "$name=$values")
  fi
  echo "round $r: load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/loads.txt"
  "$HERE/jmh.sh" "$pattern" "${args[@]}" "$@" -rf json -rff "$OUT/round-$r.json" >"$OUT/round-$r.log" 2>&1 \
    || { tail -30 "$OUT/round-$r.log" >&2; exit 1; }
  echo "round $r done: load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/loads.txt"
done
python3 "$HERE/jmh-summary.py" "$OUT"/round-*.json | tee "$OUT/summary.md"
