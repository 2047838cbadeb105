#!/usr/bin/env bash
# Two instances behind nginx with deploy/nginx.conf (pages from the export, the rest from the app): identical bytes
# and ETags from both instances; one instance stopped mid-run, first with SIGTERM, then with SIGKILL, counting
# errors and requests over 2 s; then both down. Loopback only; stops by itself.
source "$(dirname "$0")/lib.sh"
need wrk nginx curl python3
DURATION=${DURATION:-20s}
work=$(mktemp -d); chmod 755 "$work"
declare -A pid_of
cleanup() { for p in "${pid_of[@]}"; do kill "$p" 2>/dev/null || true; done; [ -f "$work/nginx/nginx.pid" ] && nginx -c "$work/nginx/nginx.conf" -s stop 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

publish_site "$work/app"
front=$(free_port); a=$(free_port); b=$(free_port)
base="http://127.0.0.1:$front"
# Both print the same absolute URLs (the public address is nginx's), so their pages are byte-identical.
start() { pid_of[$1]=$(start_site "$work/app" "$1" "$REPO/content" "$work/$1/guide.db" --Guide:PublicBaseUrl="$base"); }
start "$a"; start "$b"

"$work/app/NerveSpasmGuide.Web" export --out "$work/static" --Guide:ContentPath="$REPO/content" --Guide:PublicBaseUrl="$base" >/dev/null
nginx_conf "$work/nginx" "$front" "$work/static" "$a" "$b"
nginx -c "$work/nginx/nginx.conf"

# 1. Deterministic rendering: every page from both instances, byte for byte, with the same ETag.
pages=$(curl -sf "http://127.0.0.1:$a/sitemap.xml" | grep -o '<loc>[^<]*' | sed "s|<loc>$base||")
pages="$pages / /causes /symptoms /treatments /mechanisms /guides /sources /sitemap.xml /feed.xml /api/articles"
same=0; differ=0
for p in $pages; do
  ha=$(curl -sf -D - "http://127.0.0.1:$a$p" -o "$work/pa" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
  hb=$(curl -sf -D - "http://127.0.0.1:$b$p" -o "$work/pb" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
  if cmp -s "$work/pa" "$work/pb" && [ -n "$ha" ] && [ "$ha" = "$hb" ]; then same=$((same + 1)); else differ=$((differ + 1)); echo "differs: $p" >&2; fi
done
echo "identical bytes and ETag from both instances: $same pages, $differ differ"

# 2. Through nginx, with instance A stopped halfway through each run (SIGTERM: it drains; SIGKILL: it vanishes).
#    wrk counts a request that takes over 2 s as a timeout.
secs=${DURATION%s}
failover=()
for signal in TERM KILL; do
  ( sleep $((secs / 2)); kill -"$signal" "${pid_of[$a]}"; echo "SIG$signal to instance A at $((secs / 2)) s" >&2 ) &
  result=$(wrk -t2 -c64 -d"$DURATION" --timeout 2s --latency -s "$REPO/bench/mixed.lua" "$base")
  echo "$result" | grep -E "Requests/sec|Latency|Socket errors|Non-2xx|5xx|requests in|99%"
  fivexx=$(echo "$result" | awk '/^5xx:/ {print $2}')
  transport=$(echo "$result" | { grep -oE "(connect|read|write) [0-9]+" || true; } | awk '{s += $2} END {print s + 0}')
  slow=$(echo "$result" | { grep -oE "timeout [0-9]+" || true; } | awk '{s += $2} END {print s + 0}')
  failover+=("SIG$signal: $((${fivexx:-0} + transport)) errors (${fivexx:-0} 5xx, $transport transport), $slow over 2 s")
  while kill -0 "${pid_of[$a]}" 2>/dev/null; do sleep 0.2; done
  start "$a"
done
after=$(curl -s -o /dev/null -w "%{http_code}" "$base/search?q=sciatica")

# 3. Both instances down: every public page still answers 200, byte for byte as the app sent it.
kill "${pid_of[$a]}" "${pid_of[$b]}"; sleep 1
answered=0; failed=0
for p in $pages "/causes/sciatica?utm_source=qr"; do
  code=$(curl -s -o "$work/pc" -w "%{http_code}" "$base$p")
  route=${p%%\?*}
  file="$work/static$( [ "$route" = / ] && echo /index.html || echo "$route")"
  for candidate in "$file.html" "$file.json" "$file"; do [ -f "$candidate" ] && file=$candidate && break; done
  if [ "$code" = 200 ] && cmp -s "$work/pc" "$file"; then answered=$((answered + 1)); else failed=$((failed + 1)); echo "not answered as the app would: $p ($code)" >&2; fi
done
echo "cluster: $same/$((same + differ)) pages identical; one of two instances stopped under load: ${failover[0]}; ${failover[1]}; after: search answers $after; both down: $answered/$((answered + failed)) pages answered 200 from the export"
