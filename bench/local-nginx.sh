# shellcheck shell=bash
# Sourced by bench scripts: starts a local nginx (one worker, 16,384 connections, keep-alive without
# a request limit, no access log) on a free 127.0.0.1 port with /fast, under directory $1.
# Sets NGINX_PORT and NGINX_PID; the caller stops it (kill "$NGINX_PID").
start_local_nginx() {
  local dir="$1" workers="${2:-1}"
  mkdir -p "$dir/logs" "$dir/tmp"
  NGINX_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  cat >"$dir/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_http_echo_module.so;
worker_processes $workers;
worker_rlimit_nofile 20000;
pid logs/nginx.pid;
error_log logs/error.log warn;
events { worker_connections 16384; }
http {
  access_log off;
  client_body_temp_path tmp/body; proxy_temp_path tmp/proxy; fastcgi_temp_path tmp/fastcgi;
  uwsgi_temp_path tmp/uwsgi; scgi_temp_path tmp/scgi;
  keepalive_requests 100000000; keepalive_timeout 600s;
  server {
    listen 127.0.0.1:$NGINX_PORT backlog=4096;
    location = /fast { default_type application/json; return 200 '{"ok":true}'; }
${NGINX_EXTRA:-}
  }
}
CONF
  nginx -p "$dir/" -c "$dir/nginx.conf" -g 'daemon off;' 2>"$dir/nginx.err" &
  NGINX_PID=$!
  local _
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$NGINX_PORT/fast" >/dev/null && return 0; sleep 0.1; done
  echo "nginx did not start: $(cat "$dir/nginx.err")" >&2
  return 1
}

# Pins the nginx of start_local_nginx, master and workers, to CPU $1 (the generator gets the other).
pin_local_nginx() {
  local p
  for p in $NGINX_PID $(pgrep -P "$NGINX_PID"); do taskset -pc "$1" "$p" >/dev/null; done
}

# The script's working folder, $work: $OUT (kept) or a temporary one (removed at exit), and the
# exit trap that stops what the script started: this nginx, the Horde process whose pid the
# script puts in $horde while one runs, and the pids it adds to $others (a simulator, probes).
bench_workdir() {
  work="${OUT:-$(mktemp -d)}"; mkdir -p "$work"
  horde=""; others=""
  trap 'kill ${NGINX_PID:-} $others 2>/dev/null; [[ -n $horde ]] && kill $horde 2>/dev/null; wait 2>/dev/null; [[ -z ${OUT:-} ]] && rm -rf "$work"' EXIT
}
