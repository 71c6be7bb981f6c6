#!/usr/bin/env python3
"""Reads the harness's rows.tsv and prints each generator's requests per CPU-second (median and spread of the
rounds) as a ratio of wrk's and of the best peer's (the best generator other than Horde).

Usage: ratio.py RAWDIR/rows.tsv
"""
import csv
import statistics
import sys


def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
per_cpu = {}
for r in rows:
    if r["mode"] != "throughput":
        continue
    cpu = (num(r["user_s"]) or 0) + (num(r["sys_s"]) or 0)
    n = num(r["requests"])
    if cpu > 0 and n:
        per_cpu.setdefault(r["gen"], []).append((n / cpu, n, cpu, num(r["other_gen_s"]) or 0))

if "wrk" not in per_cpu:
    sys.exit("ratio: no wrk throughput row")
median = {gen: statistics.median(v[0] for v in vals) for gen, vals in per_cpu.items()}
wrk = median["wrk"]
peers = {g: m for g, m in median.items() if g != "horde"}
best = max(peers, key=peers.get)
print("| generator | runs | requests per CPU-second (median) | spread (min-max) | ratio to wrk | ratio to the best peer (%s) | other CPU s on the generator core |" % best)
print("|---|---:|---:|---:|---:|---:|---|")
for gen, vals in per_cpu.items():
    med = median[gen]
    lo, hi = min(v[0] for v in vals), max(v[0] for v in vals)
    other = ", ".join("%.1f" % v[3] for v in vals)
    print("| %s | %d | %s | %s-%s | %.2f | %.2f | %s |" % (gen, len(vals), "{:,.0f}".format(med), "{:,.0f}".format(lo),
                                                  "{:,.0f}".format(hi), med / wrk, med / peers[best], other))

lat = [r for r in rows if r["mode"] == "latency"]
if lat:
    print()
    print("| generator | p50 ms | p99 ms | nginx p50 ms | nginx p99 ms |")
    print("|---|---:|---:|---:|---:|")
    for r in lat:
        print("| %s | %s | %s | %s | %s |" % (r["gen"], r["p50_ms"], r["p99_ms"], r["srv_p50_ms"], r["srv_p99_ms"]))
