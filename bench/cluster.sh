#!/usr/bin/env bash
# Two instances behind nginx (deploy/nginx.conf): identical bytes and ETags from both, throughput through nginx,
# and one instance killed mid-run to show the other keeps serving. Loopback only; stops by itself.
source "$(dirname "$0")/lib.sh"
need wrk nginx curl python3
DURATION=${DURATION:-20s}
work=$(mktemp -d); chmod 755 "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; [ -f "$work/nginx/nginx.pid" ] && nginx -c "$work/nginx/nginx.conf" -s stop 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

publish_site "$work/app"
front=$(free_port); a=$(free_port); b=$(free_port)
base="http://127.0.0.1:$front"
# Both print the same absolute URLs (the public address is nginx's), so their pages are byte-identical.
pids+=("$(start_site "$work/app" "$a" "$REPO/content" "$work/a/guide.db" --Guide:PublicBaseUrl="$base")")
pids+=("$(start_site "$work/app" "$b" "$REPO/content" "$work/b/guide.db" --Guide:PublicBaseUrl="$base")")

mkdir -p "$work/nginx"
# The static copy nginx falls back to when every instance is down.
"$work/app/NerveSpasmGuide.Web" export --out "$work/static" --Guide:ContentPath="$REPO/content" --Guide:PublicBaseUrl="$base" >/dev/null
sed -e "s|@UPSTREAMS@|server 127.0.0.1:$a max_fails=1 fail_timeout=5s; server 127.0.0.1:$b max_fails=1 fail_timeout=5s;|" \
    -e "s|@PORT@|$front|" -e "s|@CACHE_DIR@|$work/nginx|g" -e "s|@EXPORT_DIR@|$work/static|g" "$REPO/deploy/nginx.conf" >"$work/nginx/nginx.conf"
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

# 2. Through nginx, with instance A killed halfway through the run.
secs=${DURATION%s}
( sleep $((secs / 2)); kill "${pids[0]}"; echo "killed instance A at $((secs / 2)) s" >&2 ) &
result=$(wrk -t2 -c64 -d"$DURATION" --latency -s "$REPO/bench/mixed.lua" "$base")
echo "$result" | grep -E "Requests/sec|Latency|Socket errors|Non-2xx|5xx|requests in"
fivexx=$(echo "$result" | awk '/^5xx:/ {print $2}')
sockets=$(echo "$result" | { grep -oE "(connect|read|write|timeout) [0-9]+" || true; } | awk '{s += $2} END {print s + 0}')
after=$(curl -s -o /dev/null -w "%{http_code}" "$base/causes/sciatica")

# 3. Both instances down: every public page still answers 200, byte for byte as the app sent it, from nginx's
#    cache (stale-if-error) where it holds the page, else from the static copy (marked Cache-Control: no-store).
kill "${pids[1]}"; sleep 1
fromcopy=0; fromcache=0; failed=0
for p in $pages; do
  code=$(curl -s -D "$work/hc" -o "$work/pc" -w "%{http_code}" "$base$p")
  file="$work/static$( [ "$p" = / ] && echo /index.html || echo "$p")"
  for candidate in "$file" "$file.html" "$file.json"; do [ -f "$candidate" ] && file=$candidate && break; done
  if [ "$code" != 200 ] || ! cmp -s "$work/pc" "$file"; then failed=$((failed + 1)); echo "not answered as the app would: $p ($code)" >&2
  elif grep -qi "^cache-control: no-store" "$work/hc"; then fromcopy=$((fromcopy + 1)); else fromcache=$((fromcache + 1)); fi
done
echo "cluster: $same/$((same + differ)) pages identical; ${fivexx:-0} 5xx and $sockets transport errors while instance A died; after: instance B answers $after; both down: $((fromcopy + fromcache))/$((fromcopy + fromcache + failed)) pages answered 200 ($fromcopy from the static copy, $fromcache from nginx's cache)"
