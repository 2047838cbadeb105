# Shared helpers for the bench scripts (sourced). Everything stays on loopback and stops by itself.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

need() {
  local packages=()
  for tool in "$@"; do
    command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || case $tool in
      nginx) packages+=(nginx-light) ;;
      *) packages+=("$tool") ;;
    esac
  done
  # deploy/nginx.conf serves the export's .br files.
  if [[ " $* " == *" nginx "* ]] && [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
    packages+=(libnginx-mod-http-brotli-static)
  fi
  [ ${#packages[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing ${packages[*]} from Debian's packages..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  else
    echo "missing: run 'sudo apt-get install ${packages[*]}'" >&2
    exit 1
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# publish_site DIR: a Release, ReadyToRun build of the site, as it would be deployed.
publish_site() {
  dotnet publish "$REPO/src/NerveSpasmGuide.Web" -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true -o "$1" --nologo -v quiet >/dev/null
}

# start_site APP_DIR PORT CONTENT DB [extra args...]: starts the site in the background, waits for /health.
# Per-request log events are turned down to warnings, as nginx's access_log is off below: both serve, neither logs.
start_site() {
  local app=$1 port=$2 content=$3 db=$4; shift 4
  mkdir -p "$(dirname "$db")"
  "$app/NerveSpasmGuide.Web" --urls "http://127.0.0.1:$port" --contentRoot "$REPO/src/NerveSpasmGuide.Web" \
    --Guide:ContentPath="$content" --Guide:DatabasePath="$db" \
    --Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware=Warning "$@" >"$db.log" 2>&1 &
  echo $!
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0
    sleep 0.1
  done
  echo "the site on port $port did not start; see $db.log" >&2
  return 1
}

# start_nginx ROOT PORT CONF_DIR: serves ROOT on loopback with worker_processes auto.
start_nginx() {
  local root=$1 port=$2 dir=$3
  mkdir -p "$dir"
  cat >"$dir/nginx.conf" <<CONF
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  server { listen 127.0.0.1:$port; root $root; index index.html; }
}
CONF
  nginx -c "$dir/nginx.conf"
}

# nginx_conf DIR PORT EXPORT_DIR UPSTREAM_PORT...: deploy/nginx.conf filled in for loopback, in DIR/nginx.conf.
nginx_conf() {
  local dir=$1 port=$2 export_dir=$3; shift 3
  local upstreams=""
  for p in "$@"; do upstreams+="server 127.0.0.1:$p max_fails=1 fail_timeout=5s; "; done
  mkdir -p "$dir"
  sed -e "s|@UPSTREAMS@|$upstreams|" -e "s|@PORT@|$port|" -e "s|@CACHE_DIR@|$dir|g" -e "s|@EXPORT_DIR@|$export_dir|g" \
    "$REPO/deploy/nginx.conf" >"$dir/nginx.conf"
}

# wrk_run URL [wrk args...]: prints "req_per_s p50_ms p99_ms errors"
wrk_run() {
  local url=$1; shift
  wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-64}" -d"${DURATION:-10s}" --latency "$@" "$url" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(label):
    m = re.search(r"^\s*" + label + r"\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    v = float(m.group(1)); return {"us": v / 1000, "ms": v, "s": v * 1000}[m.group(2)]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
errors = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
errors += int((re.search(r"Non-2xx or 3xx responses: (\d+)", text) or [0, 0])[1])
p50, p99 = ms("50%"), ms("99%")
print(f"{rps:.0f} {p50:.2f} {p99:.2f} {errors}")'
}
