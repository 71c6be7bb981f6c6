#!/usr/bin/env bash
# Builds the Gatling peer of bench/compare.sh once: resolves Gatling from Maven Central (the first
# time; offline after that), compiles PeerSimulation and writes the run's classpath to
# target/classpath.txt. Does nothing when target/ is newer than the sources. Prints the JDK used.
#
#   bench/gatling/build.sh            # JAVA_HOME: the JDK that scripts/jdk.sh finds (21+)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../../scripts/jdk.sh"
horde_find_jdk 1 >/dev/null || { echo "gatling: no JDK 21+ (see scripts/jdk.sh)" >&2; exit 2; }
export JAVA_HOME
stamp="$HERE/target/built"
if [[ -f "$stamp" && -z "$(find "$HERE/pom.xml" "$HERE/src" -newer "$stamp" -print -quit)" ]]; then
  echo "$JAVA_HOME"; exit 0
fi
cd "$HERE"
build() { mvn -B -q "$@" compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >target-build.log 2>&1; }
# Rebuilt after an edit: offline first, the dependencies are already here (unless the pom changed them).
if ! { [[ -f "$stamp" ]] && build -o; } && ! build; then
  cat target-build.log >&2
  echo "gatling: the build failed (above); Gatling comes from Maven Central (io.gatling.highcharts:gatling-charts-highcharts)" >&2
  exit 1
fi
rm -f target-build.log
touch "$stamp"
echo "$JAVA_HOME"
