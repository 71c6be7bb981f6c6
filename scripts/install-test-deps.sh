#!/usr/bin/env bash
# Installs the Debian packages the tests use when they are missing: nginx with the echo module
# (a fast, exact target with known delays), chromium (opens the HTML report as a browser would,
# driven over its DevTools protocol, and records HAR files for the importer), prometheus with
# promtool (scrapes Horde's live metrics), curl (the importer's requests are compared with its) and
# postgresql (the run history's tests start a cluster of their own with its initdb and pg_ctl, and
# stop it after). Uses apt-get as root, or sudo.
set -euo pipefail
need=()
command -v nginx >/dev/null 2>&1 || need+=(nginx)
[[ -f /usr/lib/nginx/modules/ngx_http_echo_module.so ]] || need+=(libnginx-mod-http-echo)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v curl >/dev/null 2>&1 || need+=(curl)
[[ -x /usr/lib/chromium/chromium ]] || need+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
[[ ${#need[@]} -eq 0 ]] && exit 0
echo "install-test-deps: installing ${need[*]}" >&2
as_root=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || {
    echo "install-test-deps: run as root, or install: apt-get install ${need[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq || true
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
