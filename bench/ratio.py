#!/usr/bin/env python3
"""Reads the harness's rows.tsv and prints each generator's requests per CPU-second (median and spread of the
rounds) as a ratio of wrk's GET, of wrk's with the same request, and of the best peer's with the same request
(the best generator other than Horde's). Generators named *_post send the templated POST (bench/peers.sh);
the others GET.

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


def request(gen):
    return "POST" if gen.endswith("_post") else "GET"


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
best = {}
for gen, m in median.items():
    kind = request(gen)
    if not gen.startswith("horde") and (kind not in best or m > median[best[kind]]):
        best[kind] = gen
wrk_of = {"GET": "wrk", "POST": "wrk_post"}

print("| generator | request | runs | requests per CPU-second (median) | spread (min-max) | ratio to wrk's GET "
      "| ratio to wrk, same request | ratio to the best peer, same request | other CPU s on the generator core |")
print("|---|---|---:|---:|---:|---:|---:|---:|---|")
for gen, vals in per_cpu.items():
    kind, med = request(gen), median[gen]
    lo, hi = min(v[0] for v in vals), max(v[0] for v in vals)
    same_wrk = median.get(wrk_of[kind])
    peer = best.get(kind)
    print("| %s | %s | %d | %s | %s-%s | %.2f | %s | %s | %s |" % (
        gen, kind, len(vals), "{:,.0f}".format(med), "{:,.0f}".format(lo), "{:,.0f}".format(hi),
        med / median["wrk"], "%.2f" % (med / same_wrk) if same_wrk else "-",
        "%.2f (%s)" % (med / median[peer], peer) if peer else "-", ", ".join("%.1f" % v[3] for v in vals)))

lat = [r for r in rows if r["mode"] == "latency"]
if lat:
    print()
    print("| generator | p50 ms | p99 ms | nginx p50 ms | nginx p99 ms |")
    print("|---|---:|---:|---:|---:|")
    for r in lat:
        print("| %s | %s | %s | %s | %s |" % (r["gen"], r["p50_ms"], r["p99_ms"], r["srv_p50_ms"], r["srv_p99_ms"]))
