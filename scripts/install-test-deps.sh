#!/usr/bin/env bash
# Installs the Debian packages the tests use when they are missing: nginx with the echo module
# (a fast, exact target with known delays), chromium (opens the HTML report as a browser would,
# driven over its DevTools protocol, and records HAR files for the importer), prometheus with
# promtool (scrapes Horde's live metrics), prometheus-node-exporter (a real exporter whose metrics
# a monitor scrapes), curl (the importer's requests are compared with its),
# postgresql (the run history's tests start a cluster of their own with its initdb and pg_ctl, and
# stop it after), python3-websockets (a WebSocket echo server Horde did not write), and node with
# npm for the npm package kubernetes-models, which checks the Kubernetes manifests in
# deploy/kubernetes against the Kubernetes API's schemas. Uses apt-get as root, or sudo.
set -euo pipefail
need=()
command -v nginx >/dev/null 2>&1 || need+=(nginx)
[[ -f /usr/lib/nginx/modules/ngx_http_echo_module.so ]] || need+=(libnginx-mod-http-echo)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v curl >/dev/null 2>&1 || need+=(curl)
[[ -x /usr/lib/chromium/chromium ]] || need+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
/usr/bin/python3 -c "import websockets" >/dev/null 2>&1 || need+=(python3-websockets)
command -v prometheus-node-exporter >/dev/null 2>&1 || need+=(prometheus-node-exporter)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
manifests() { # the validator's packages, next to a copy of the script that uses them
  local dir="${HORDE_TEST_TOOLS:-$HOME/.cache/horde-test-tools}/k8s-validate"
  mkdir -p "$dir"
  cp scripts/validate-manifests.mjs "$dir/"
  [[ -d "$dir/node_modules/kubernetes-models" ]] && return 0
  echo "install-test-deps: installing kubernetes-models (npm) into $dir" >&2
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error kubernetes-models@5.1.0 yaml@2.9.1 >/dev/null
}
if [[ ${#need[@]} -eq 0 ]]; then
  manifests
  exit 0
fi
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
manifests
