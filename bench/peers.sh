# shellcheck shell=bash
# Horde's own generators for the shared harness (../shared/bench/run-generators.sh), in its
# contract (see its lib/generators.sh): ver_NAME prints a version, gen_NAME URL CONNS DUR RAW runs
# the tool through run_pinned and prints key=value lines. bench/compare.sh sources this file after
# the harness's own generators. PEERS_DIR is this directory.
#
#   gatling        Gatling (bench/gatling, Java DSL): GET, N users, one connection each
#   gatling_post   the same with the templated POST (JSON body with a fresh UUID, jsonPath check, saveAs)
#   horde_post     Horde with the templated POST ("${uuid}" in a JSON body, a JSON check, a save)
#   wrk_post       wrk with bench/wrk-post.lua: a UUID-like JSON body per request, no check, no save
#   locust_post    Locust FastHttpUser with the templated POST, the check and the save in Python

GATLING_DIR="$PEERS_DIR/gatling"

# ---------------------------------------------------------------- Gatling
ver_gatling() {
  [[ -f "$GATLING_DIR/target/built" && -n "${GATLING_JAVA_HOME:-}" ]] || return 1
  local v
  v="$(tr ':' '\n' <"$GATLING_DIR/target/classpath.txt" | sed -n 's#.*/gatling-core-\([0-9.]*\)\.jar#\1#p')"
  echo "gatling $v (Java DSL, $("$GATLING_JAVA_HOME/bin/java" -version 2>&1 | head -n1))"
}
gen_gatling() { gatling_run false "$@"; }
ver_gatling_post() { ver_gatling; }
gen_gatling_post() { gatling_run true "$@"; }

# Gatling's launchers' JVM options (-Xmx1G, the two inlining flags); the opens its stats writer
# needs on Java 17+. Reports (HTML) are made only for the latency check, whose percentiles come
# from them; a throughput run stops at the end of the simulation, as the other tools do.
gatling_run() { # post url conns dur raw
  local post="$1" url="$2" c="$3" d="$4" raw="$5" reports=(--no-reports)
  split_url "$url"
  [[ "$URL_PATH" == "${LAT_PATH:-/sleep/50}" ]] && reports=()
  gatling_no_release_check "$raw.prefs"
  run_pinned "$raw" "$GATLING_JAVA_HOME/bin/java" -server -Xmx1G -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 \
    --add-opens=java.base/java.lang=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
    -Djava.util.prefs.userRoot="$raw.prefs" \
    -Dbench.base="$URL_BASE" -Dbench.path="$URL_PATH" -Dbench.users="$c" -Dbench.seconds="$d" -Dbench.post="$post" \
    -cp "$GATLING_DIR/target/classes:$(cat "$GATLING_DIR/target/classpath.txt")" \
    io.gatling.app.Gatling --simulation horde.bench.PeerSimulation --results-folder "$raw.gatling" "${reports[@]}" \
    >"$raw.out" 2>&1
  # The console summary's last "> Global | total | OK | KO" line counts the whole run.
  awk -v d="$d" '/^> Global/ { gsub(/,/, ""); n = $(NF - 4); ok = $(NF - 2); ko = $NF }
    END { if (n != "") printf "requests=%d\nok=%d\nerrors=%d\nrps=%.2f\n", n, ok, ko, n / d }' "$raw.out"
  # The latency check's percentiles: the report's "Global Information" (whole milliseconds).
  awk '/^> response time 50th percentile/ { print "p50_ms=" $(NF - 4) }
    /^> response time 99th percentile/ { print "p99_ms=" $(NF - 4) }
    /^> mean response time/ { print "mean_ms=" $(NF - 4) }
    /^> max response time/ { print "max_ms=" $(NF - 4) }' "$raw.out"
  rm -rf "$raw.prefs"
}

# Gatling looks for a newer release of itself on Maven Central at every start, unless its
# preferences record a recent check. A check recorded as failed an hour from now keeps it from
# asking, so that the run talks to 127.0.0.1 only (and spends nothing on the look-up).
gatling_no_release_check() { # prefs root
  local dir="$1/.java/.userPrefs/io/gatling/latestVersion"
  mkdir -p "$dir"
  cat >"$dir/prefs.xml" <<XML
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE map SYSTEM "http://java.sun.com/dtd/preferences.dtd">
<map MAP_XML_VERSION="1.0"><entry key="lastCheckTimestamp" value="$(($(date +%s) * 1000 + 3600000))"/></map>
XML
}

# ---------------------------------------------------------------- the templated POST
# Every tool sends POST URL with {"id":"<a fresh UUID>","text":"hello"}; nginx answers {"ok":true}.
ver_horde_post() { ver_horde; }
gen_horde_post() {
  local url="$1" c="$2" d="$3" raw="$4" h
  h="$(horde_home)"
  split_url "$url"
  cat >"$raw.yaml" <<YAML
name: bench-post
target: $URL_BASE
users:
  - name: client
    tasks:
      - post: $URL_PATH
        json: {id: "\${uuid}", text: hello}
        check: {status: 200, json: {\$.ok: present}}
        save: {ok: \$.ok}
YAML
  run_pinned "$raw" "$h/horde" run "$raw.yaml" --host "$URL_BASE" --users "$c" \
    --spawn-rate "$c" --run-time "${d}s" --out "$raw.json" >"$raw.out" 2>&1
  python3 - "$raw.json" <<'PY'
import json, sys
try:
    s = json.load(open(sys.argv[1]))["summary"]
except Exception:
    sys.exit(0)
n, f, lat = s.get("requests", 0), s.get("failures", 0), s.get("latency_ms", {})
print(f"requests={n}\nok={n - f}\nerrors={f}\nrps={s.get('rps', '')}")
for k, key in (("p50", "p50_ms"), ("p99", "p99_ms"), ("avg", "mean_ms"), ("max", "max_ms")):
    if k in lat:
        print(f"{key}={lat[k]}")
PY
}

# wrk's own runner and parser, with the Lua script put in by a wrapper first on PATH (one exec
# of /bin/sh more per run).
ver_wrk_post() { ver_wrk; }
gen_wrk_post() { PATH="$PEERS_BIN:$PATH" gen_wrk "$@"; }

ver_locust_post() { ver_locust; }
gen_locust_post() { locust_common PostUser "$@"; }
