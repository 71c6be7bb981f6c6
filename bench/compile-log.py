#!/usr/bin/env python3
"""Where a run's JIT time goes: C1 and C2 before the load, during it and after it, and the classes
whose compiling took longest in each, from HotSpot's compilation log and the run's result file.

  HORDE_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=/tmp/c.log" \
    taskset -c 0 ./horde run SCENARIO -o /tmp/r.json ...
  bench/compile-log.py /tmp/c.log /tmp/r.json

Times are each compile task's wall time (its start and end stamps), which on a core the load shares
includes what the load took from the compiler thread."""
import collections
import datetime
import json
import re
import sys

log, result = open(sys.argv[1], errors="replace").read(), json.load(open(sys.argv[2]))
jvm_start = int(re.search(r"<hotspot_log [^>]*time_ms='(\d+)'", log).group(1)) / 1000
started = datetime.datetime.fromisoformat(result["started_at"].replace("Z", "+00:00")).timestamp()
load_from = started - jvm_start
load_to = load_from + result["duration_s"]

totals, by_class = collections.Counter(), collections.Counter()
# A task still compiling at the JVM's exit has no task_done: never pair it with the next task's.
for task, done in re.findall(r"<task (compile_id='\d+'[^>]*)>(?:(?!<task ).)*?<task_done ([^>]*)/>", log, re.S):
    a = dict(re.findall(r"(\w+)='([^']*)'", task))
    start = float(a["stamp"])
    took = float(dict(re.findall(r"(\w+)='([^']*)'", done))["stamp"]) - start
    phase = "before" if start < load_from else "during" if start <= load_to else "after"
    compiler = "C2" if a.get("level", "4") == "4" else "C1"
    totals[(phase, compiler)] += took
    by_class[(phase, compiler, a["method"].split(" ")[0])] += took

print(f"load from {load_from:.2f} s to {load_to:.2f} s of the JVM's uptime")
for phase in ("before", "during", "after"):
    print(f"{phase} the load: C1 {totals[(phase, 'C1')]:.3f} s, C2 {totals[(phase, 'C2')]:.3f} s")
    top = sorted(((t, c, k) for (p, c, k), t in by_class.items() if p == phase), reverse=True)[:8]
    for t, c, k in top:
        print(f"  {c} {t:.3f} s {k}")
