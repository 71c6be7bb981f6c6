# shellcheck shell=bash
# Sourced by the bench scripts: finds the JDK, builds the test classes (unless JMH_NO_BUILD=1 and
# they are built) and sets CP to Horde's classes, its tests and every test dependency.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/jdk.sh"
horde_find_jdk 1
cd "$ROOT"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
[[ "${JMH_NO_BUILD:-0}" == 1 && -f target/test-classpath.txt ]] ||
  mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
