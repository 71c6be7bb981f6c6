# shellcheck shell=bash
# Finds a JDK 21 or newer and exports JAVA_HOME and JAVA for it. Sourced by ./horde and
# ./run-tests. Looks at $JAVA_HOME, the java on PATH, then the usual JVM folders; the first one
# of version 21+ wins. With none, it prints what to install and returns 1.

horde_jdk_version() { # JDK home -> major version, or nothing
  local home="$1" v=""
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -f "$home/release" ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [[ -z "$v" ]]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
    [[ "$v" == 1 ]] && v=8
  fi
  echo "$v"
}

horde_find_jdk() { # [need_javac]
  local need_javac="${1:-0}" cand v candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for cand in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [[ -d "$cand" ]] && candidates+=("$cand")
  done
  for cand in "${candidates[@]}"; do
    v=$(horde_jdk_version "$cand")
    [[ -n "$v" && "$v" -ge 21 ]] || continue
    [[ "$need_javac" == 1 && ! -x "$cand/bin/javac" ]] && continue
    export JAVA_HOME="$cand" JAVA="$cand/bin/java"
    return 0
  done
  cat >&2 <<'MSG'
horde: needs a Java Development Kit 21 or newer, and found none.
  Looked at $JAVA_HOME, the java on PATH, /usr/lib/jvm, /opt/java, ~/.sdkman and ~/.jdks.
  Install one, for example:
    Debian/Ubuntu:  sudo apt-get install openjdk-21-jdk-headless     (or temurin-21-jdk from adoptium.net)
    any system:     https://adoptium.net/temurin/releases/?version=21
  or point JAVA_HOME at an existing JDK 21+.
MSG
  return 1
}
