#!/usr/bin/env bash
# JMH micro-benchmarks of the hot paths (src/test/java/horde/bench). Arguments go to JMH:
#   bench/jmh.sh                      # all
#   bench/jmh.sh Recording -prof gc   # one class, with allocation per operation
# JMH_NO_BUILD=1 runs what was built last (bench/jmh-rounds.sh builds once for all its rounds).
set -euo pipefail
source "$(dirname "$0")/classpath.sh"
exec "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" org.openjdk.jmh.Main "$@"
