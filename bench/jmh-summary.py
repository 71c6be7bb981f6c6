#!/usr/bin/env python3
"""Summarises JMH JSON results of several rounds: per benchmark and parameters, the median score
of the rounds, their spread (min-max), and allocation per operation when -prof gc ran.

Usage: jmh-summary.py round-1.json round-2.json ...
"""
import json
import statistics
import sys

rows = {}
for path in sys.argv[1:]:
    for b in json.load(open(path)):
        params = ",".join("%s=%s" % kv for kv in sorted((b.get("params") or {}).items()))
        key = (b["benchmark"].split(".")[-1], b["threads"], params, b["mode"], b["primaryMetric"]["scoreUnit"])
        alloc = (b.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm", {}).get("score")
        rows.setdefault(key, []).append((b["primaryMetric"]["score"], alloc))

print("| benchmark | threads | parameters | mode | median | spread (min-max) | rounds | B/op |")
print("|---|---:|---|---|---:|---|---:|---:|")
for (name, threads, params, mode, unit), vals in sorted(rows.items()):
    scores = [v[0] for v in vals]
    allocs = [v[1] for v in vals if v[1] is not None]
    print("| %s | %d | %s | %s | %.3g %s | %.3g-%.3g | %d | %s |" % (
        name, threads, params, mode, statistics.median(scores), unit, min(scores), max(scores), len(scores),
        "%.0f" % statistics.median(allocs) if allocs else ""))
