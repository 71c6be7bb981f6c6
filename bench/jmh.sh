#!/usr/bin/env bash
# JMH micro-benchmarks of the hot paths (src/test/java/horde/bench). Arguments go to JMH:
#   bench/jmh.sh                      # all
#   bench/jmh.sh Recording -prof gc   # one class, with allocation per operation
# JMH_NO_BUILD=1 runs what was built last (bench/jmh-rounds.sh builds once for all its rounds).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/jdk.sh"
horde_find_jdk 1
cd "$ROOT"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
[[ "${JMH_NO_BUILD:-0}" == 1 && -f target/test-classpath.txt ]] ||
  mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
exec "$JAVA" --enable-native-access=ALL-UNNAMED -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.openjdk.jmh.Main "$@"
