#!/usr/bin/env python3
"""Reads the harness's rows.tsv and prints each generator's requests per CPU-second (median and spread of the
rounds) as a ratio of wrk's GET, of wrk's with the same request, and of the best peer's with the same request
(the best generator other than Horde's). Generators named *_post send the templated POST (bench/peers.sh);
the others GET. Then the latency check: each run's p99 over nginx's own, as a multiple of wrk's in the
same round, and Horde's after its first SETTLE seconds (steady.txt beside rows.tsv, from compare.sh).

Usage: ratio.py RAWDIR/rows.tsv
"""
import csv
import os
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

if per_cpu and "wrk" not in per_cpu:
    sys.exit("ratio: no wrk throughput row")
median = {gen: statistics.median(v[0] for v in vals) for gen, vals in per_cpu.items()}
best = {}
for gen, m in median.items():
    kind = request(gen)
    if not gen.startswith("horde") and (kind not in best or m > median[best[kind]]):
        best[kind] = gen
wrk_of = {"GET": "wrk", "POST": "wrk_post"}

if per_cpu:
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
    # Horde's p99 after its first SETTLE seconds, of the same runs (compare.sh writes steady.txt): a JVM's
    # cold start apart. wrk has none to set apart.
    settle = os.environ.get("SETTLE", "4")
    steady = {}
    steady_file = os.path.join(os.path.dirname(sys.argv[1]), "steady.txt")
    if os.path.exists(steady_file):
        for line in open(steady_file):
            name, p99, mx = line.split()
            steady[name] = (float(p99), float(mx))
    excess = {}
    for r in lat:
        if num(r["p99_ms"]) is not None and num(r["srv_p99_ms"]) is not None:
            excess[(r["round"], r["gen"])] = num(r["p99_ms"]) - num(r["srv_p99_ms"])
    print()
    print("| round | generator | p50 ms | p99 ms | max ms | nginx p50 ms | nginx p99 ms | p99 over nginx's | x wrk's "
          "| after the first %s s: p99 ms, max ms | its p99 over nginx's | x wrk's |" % settle)
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in lat:
        key = (r["round"], r["gen"])
        wrk = excess.get((r["round"], "wrk"))
        ex = excess.get(key)
        name = "r%s-latency-%s%s" % (r["round"], r["gen"], "" if r["attempt"] == "1" else "-a" + r["attempt"])
        st = steady.get(name)
        st_ex = st[0] - num(r["srv_p99_ms"]) if st and num(r["srv_p99_ms"]) is not None else None
        times = lambda x: "%.1f" % (x / wrk) if x is not None and wrk and wrk > 0 else "-"
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r["round"], r["gen"], r["p50_ms"], r["p99_ms"], r["max_ms"], r["srv_p50_ms"], r["srv_p99_ms"],
            "%+.1f" % ex if ex is not None else "-", times(ex),
            "%.1f, %.1f" % st if st else "-", "%+.1f" % st_ex if st_ex is not None else "-", times(st_ex)))
