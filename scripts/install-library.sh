#!/usr/bin/env bash
# Installs Horde into the local Maven repository (~/.m2/repository) for other projects to use:
# the library horde:horde:VERSION (the Java API, docs/java-api.md) and the command line as
# horde:horde:VERSION:cli. Finds a JDK 21+ itself, as ./run-tests does (a plain `mvn install`
# fails on an older default JDK). Extra Maven arguments pass through, e.g. -Dmaven.repo.local=DIR.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
source scripts/jdk.sh
horde_find_jdk 1 || exit 2
command -v mvn >/dev/null 2>&1 || {
  echo "install-library: needs Maven 3.8+ (Debian/Ubuntu: sudo apt-get install maven)" >&2; exit 2; }
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -n1)
echo "install-library: building with the JDK in $JAVA_HOME..." >&2
mvn -B -q -ntp -DskipTests install "$@"
echo "install-library: installed horde:horde:$version (the library) and horde:horde:$version:cli" >&2
