#!/usr/bin/env python3
"""Who had the core, and what the event loop did with it, in each slice of a run: from `perf record
-g` of a Horde run (JIT frames named through the JVM's perf map), the samples of every thread per
slice, then the loop thread's samples by kind (interpreter, compiled Java, kernel, class loading and
initialising, the JVM's own code).

  HORDE_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit" \\
    perf record -F 1999 -g -o /tmp/p.data -- taskset -c 0 ./horde run SCENARIO ...
  perf script -i /tmp/p.data -F time,tid,comm,ip,sym > /tmp/p.txt
  bench/perf-threads.py /tmp/p.txt [SLICE_S (0.5)] [LOOP_THREAD (horde-loop-1-1)] [FROM_S]

Slices start at the first sample (the launcher's); at 1,999 Hz a thread that had the core for a
whole 0.5 s slice shows about 1,000 samples. With FROM_S, the loop's samples from then on are also
summed by method: on its own (the stack's top) and with what it calls (anywhere in the stack)."""
import collections
import re
import sys

path = sys.argv[1]
width = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5
loop = sys.argv[3] if len(sys.argv) > 3 else "horde-loop-1-1"
since = float(sys.argv[4]) if len(sys.argv) > 4 else None


def kind(frames):
    symbols = "\n".join(s for _, s in frames)
    if "resolve_invokedynamic" in symbols or "invoke_bootstrap_method" in symbols:
        return "bootstrap (invokedynamic)"
    if "SystemDictionary::resolve" in symbols or "define_instance_class" in symbols:
        return "class loading"
    if "InstanceKlass::initialize" in symbols or "call_class_initializer" in symbols:
        return "class initialising"
    address, top = frames[0]
    if address.startswith("ffff"):
        return "kernel"
    if top == "Interpreter":
        return "interpreter"
    return "compiled Java" if "(" in top else "JVM: " + top[:30]


def method(symbol):
    m = re.match(r"(?:\S+ )?([\w.$]+)\.([\w$<>]+)\(", symbol)  # "type pkg.Class.method(args)"
    return m.group(1).rsplit(".", 1)[-1] + "." + m.group(2) if m else symbol[:50]


first = None
threads, kinds = collections.defaultdict(collections.Counter), collections.defaultdict(collections.Counter)
alone, within, steady = collections.Counter(), collections.Counter(), 0
for sample in open(path, errors="replace").read().split("\n\n"):
    lines = [x for x in sample.split("\n") if x.strip()]
    head = re.match(r"\s*(.*?)\s+\d+\s+([\d.]+):", lines[0]) if lines else None
    if not head:
        continue
    name, t = head.group(1), float(head.group(2))
    first = first or t
    slice_ = int((t - first) / width) * width
    threads[slice_][name] += 1
    frames = [(p[0], p[1] if len(p) > 1 else "?") for p in (x.strip().split(None, 1) for x in lines[1:])]
    if name == loop and frames:
        kinds[slice_][kind(frames)] += 1
        if since is not None and t - first >= since:
            steady += 1
            alone["kernel" if frames[0][0].startswith("ffff") else method(frames[0][1])] += 1
            within.update({method(s) for _, s in frames})

print(f"samples per thread, {width} s slices")
for s in sorted(threads):
    print(f"{s:5.1f}  " + ", ".join(f"{n} {c}" for n, c in threads[s].most_common(5)))
print(f"\n{loop}'s samples by kind")
for s in sorted(kinds):
    print(f"{s:5.1f}  " + ", ".join(f"{k} {c}" for k, c in kinds[s].most_common(6)))
if steady:
    print(f"\n{loop} from {since} s, {steady} samples: on its own")
    print("\n".join(f"{100 * c / steady:5.1f} % {m}" for m, c in alone.most_common(25)))
    print("with what it calls")
    print("\n".join(f"{100 * c / steady:5.1f} % {m}" for m, c in within.most_common(60)))
