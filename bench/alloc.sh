#!/usr/bin/env bash
# Heap allocated per request on the real request path (horde.bench.RequestPathAllocation): Horde's
# engine, one event loop, 50 users against a local nginx of its own, the loop thread's allocated
# bytes over a window after the warm-up, divided by its requests. Needs nginx with the echo module
# (./run-tests installs both).
#
#   bench/alloc.sh                 # GET /fast, then the templated POST with a check and a save
#   bench/alloc.sh get 20 10       # one scenario, 20 s warm-up, 10 s window
#   BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=a.jfr bench/alloc.sh post   # where it allocates
set -euo pipefail
source "$(dirname "$0")/classpath.sh"
run() {
  echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA" --enable-native-access=ALL-UNNAMED -Dio.netty.leakDetection.level=disabled ${BENCH_JAVA_OPTS:-} -cp "$CP" \
    horde.bench.RequestPathAllocation "$@"
}
if (($#)); then run "$@"; else run get; run post; fi
