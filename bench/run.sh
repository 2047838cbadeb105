#!/usr/bin/env bash
# NerveSpasmGuide against the platform and the tools a user would pick instead: a bare Kestrel app and nginx serving
# the saved page, nginx with deploy/nginx.conf serving the export, and Hugo building the same Markdown.
# Usage: bash bench/run.sh        (ROUNDS=3 DURATION=10s THREADS=2 CONNECTIONS=64 SIZES="1000 10000" to change)
source "$(dirname "$0")/lib.sh"
need wrk nginx hugo curl python3
ROUNDS=${ROUNDS:-3}
SIZES=${SIZES:-"1000 10000"}
work=$(mktemp -d)
chmod 755 "$work"   # nginx workers run as an unprivileged user
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; [ -f "$work/nginx/nginx.pid" ] && nginx -c "$work/nginx/nginx.conf" -s stop 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

echo "# machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(uname -r); dotnet $(dotnet --version), $(nginx -v 2>&1 | cut -d/ -f2), $(hugo version | cut -d' ' -f2), wrk -t${THREADS:-2} -c${CONNECTIONS:-64} -d${DURATION:-10s}"
publish_site "$work/app"

# 1. Serving: the site's page cache against Kestrel alone, Kestrel with the framework's output cache and nginx, each sending the same bytes and headers, and
#    nginx with deploy/nginx.conf serving the export (the site's own deployment) against nginx alone.
dotnet publish "$REPO/bench/BareKestrel" -c Release -o "$work/bare" --nologo -v quiet >/dev/null
site_port=$(free_port); nginx_port=$(free_port); bare_port=$(free_port); cached_port=$(free_port); deploy_port=$(free_port)
site="http://127.0.0.1:$site_port"
pids+=("$(start_site "$work/app" "$site_port" "$REPO/content" "$work/data/guide.db" --Guide:PublicBaseUrl="$site")")
mkdir -p "$work/www/causes/sciatica"
curl -sf -D "$work/page.headers" "$site/causes/sciatica" -o "$work/www/causes/sciatica/index.html"
start_nginx "$work/www" "$nginx_port" "$work/nginx"
"$work/bare/BareKestrel" "http://127.0.0.1:$bare_port" "$work/www/causes/sciatica/index.html" "$work/page.headers" >/dev/null 2>&1 &
pids+=("$!")
"$work/bare/BareKestrel" "http://127.0.0.1:$cached_port" "$work/www/causes/sciatica/index.html" "$work/page.headers" --output-cache >/dev/null 2>&1 &
pids+=("$!")
"$work/app/NerveSpasmGuide.Web" export --out "$work/export" --Guide:ContentPath="$REPO/content" --Guide:PublicBaseUrl="$site" >/dev/null
nginx_conf "$work/deploy" "$deploy_port" "$work/export" "$site_port"
nginx -c "$work/deploy/nginx.conf"
static="http://127.0.0.1:$nginx_port/causes/sciatica/"; bare="http://127.0.0.1:$bare_port/causes/sciatica"
outputcached="http://127.0.0.1:$cached_port/causes/sciatica"
deployed="http://127.0.0.1:$deploy_port/causes/sciatica"
for u in "$bare" "$outputcached"; do for _ in $(seq 1 50); do curl -sf "$u" -o /dev/null && break; sleep 0.1; done; done
cmp -s "$work/www/causes/sciatica/index.html" <(curl -sf "$deployed") || { echo "deploy/nginx.conf does not serve the site's bytes" >&2; exit 1; }
for url in "$site/causes/sciatica" "$static" "$bare" "$outputcached" "$deployed" "$site/search?q=sciatic+pain" "$site/code/M54.31"; do
  DURATION=2s wrk_run "$url" >/dev/null   # warm-up
done
: >"$work/serve.txt"
for round in $(seq 1 "$ROUNDS"); do
  echo "page $(wrk_run "$site/causes/sciatica")" >>"$work/serve.txt"
  echo "kestrel $(wrk_run "$bare")" >>"$work/serve.txt"
  echo "outputcache $(wrk_run "$outputcached")" >>"$work/serve.txt"
  echo "nginx $(wrk_run "$static")" >>"$work/serve.txt"
  echo "deployed $(wrk_run "$deployed")" >>"$work/serve.txt"
  echo "search $(wrk_run "$site/search?q=sciatic+pain")" >>"$work/serve.txt"
  echo "code $(wrk_run "$site/code/M54.31")" >>"$work/serve.txt"
  echo "search-uncached $(wrk_run "$site" -s "$REPO/bench/search-random.lua")" >>"$work/serve.txt"
  echo "suggest $(wrk_run "$site" -s "$REPO/bench/suggest-random.lua")" >>"$work/serve.txt"
done
page_bytes=$(stat -c %s "$work/www/causes/sciatica/index.html")
for p in "${pids[@]}"; do kill "$p"; done; pids=()
nginx -c "$work/deploy/nginx.conf" -s stop

# 2. Ingest: validate + import as whole processes against Hugo building the same Markdown.
: >"$work/ingest.txt"
for size in $SIZES; do
  python3 "$REPO/bench/make-corpus.py" "$size" "$work/c$size" >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    rm -rf "$work/c$size/guide.db" "$work/c$size/public"
    t0=$(date +%s.%N)
    "$work/app/NerveSpasmGuide.Web" validate --content "$work/c$size/content" >/dev/null
    t1=$(date +%s.%N)
    # The import's peak resident memory, as the kernel counts it for a finished child (python adds ~20 ms of start-up).
    peak_kb=$(python3 -c 'import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' \
      "$work/app/NerveSpasmGuide.Web" import --content "$work/c$size/content" --database "$work/c$size/guide.db")
    t2=$(date +%s.%N)
    (cd "$work/c$size/hugo" && hugo --quiet -d "$work/c$size/public" >/dev/null)
    t3=$(date +%s.%N)
    echo "$size $(python3 -c "print($t1-$t0)") $(python3 -c "print($t2-$t1)") $(python3 -c "print($t3-$t2)") $((peak_kb / 1024))" >>"$work/ingest.txt"
  done
done

# 3. At the largest size: search latency under load and resident memory after warm-up.
largest=${SIZES##* }
port=$(free_port)
pid=$(start_site "$work/app" "$port" "$work/c$largest/content" "$work/c$largest/serve.db"); pids+=("$pid")
DURATION=3s wrk_run "http://127.0.0.1:$port/search?q=sciatic+pain" >/dev/null
for p in /causes/topic-00000 /symptoms/topic-00003 / /causes /sources; do curl -sf "http://127.0.0.1:$port$p" >/dev/null; done
large_search=$(wrk_run "http://127.0.0.1:$port/search?q=sciatic+pain")
rss_mb=$(( $(ps -o rss= -p "$pid") / 1024 ))
large_uncached=$(wrk_run "http://127.0.0.1:$port" -s "$REPO/bench/search-random.lua")
rss_loaded_mb=$(( $(ps -o rss= -p "$pid") / 1024 ))
# One reader at a time: the latency a single search has, with and without a misspelled word to correct.
large_single=$(THREADS=1 CONNECTIONS=1 wrk_run "http://127.0.0.1:$port" -s "$REPO/bench/search-random.lua")
large_typo=$(THREADS=1 CONNECTIONS=1 wrk_run "http://127.0.0.1:$port" -s "$REPO/bench/search-typo.lua")
large_suggest=$(wrk_run "http://127.0.0.1:$port" -s "$REPO/bench/suggest-random.lua")
flood=$(wrk_run "http://127.0.0.1:$port" -s "$REPO/bench/host-flood.lua")
rss_flood_mb=$(( $(ps -o rss= -p "$pid") / 1024 ))

python3 - "$work/serve.txt" "$work/ingest.txt" "$large_search" "$rss_mb" "$largest" "$page_bytes" "$large_uncached" "$rss_loaded_mb" "$flood" "$rss_flood_mb" "$large_single" "$large_typo" "$large_suggest" <<'PY'
import statistics, sys
serve, ingest, large, rss, largest, page_bytes, large_uncached, rss_loaded, flood, rss_flood, large_single, large_typo, large_suggest = sys.argv[1:]
rows = {}
for line in open(serve):
    name, rps, p50, p99, err = line.split()
    rows.setdefault(name, []).append((float(rps), float(p50), float(p99), int(err)))
med = {k: (statistics.median(r[0] for r in v), statistics.median(r[1] for r in v), statistics.median(r[2] for r in v), sum(r[3] for r in v)) for k, v in rows.items()}
nginx = med["nginx"]; kestrel = med["kestrel"]
print(f"\n## Serving ({len(rows['page'])} rounds each, alternating; medians; page {int(page_bytes)/1024:.1f} KB)\n")
print("| target | req/s | p50 ms | p99 ms | errors | req/s vs bare Kestrel | req/s vs nginx | p99 vs nginx |")
print("|---|---|---|---|---|---|---|---|")
labels = {"kestrel": "bare Kestrel app, saved /causes/sciatica",
          "outputcache": "Kestrel with ASP.NET Core output caching, saved /causes/sciatica", "nginx": "nginx, saved /causes/sciatica",
          "page": "site /causes/sciatica", "deployed": "nginx with deploy/nginx.conf, /causes/sciatica from the export",
          "search": "site /search?q=sciatic+pain (cached results page)",
          "code": "site /code/M54.31 (302)", "search-uncached": "site /search, random words, never cached",
          "suggest": "site /search/suggest, random prefixes and typos (never cached)"}
for k in ["kestrel", "outputcache", "nginx", "page", "deployed", "search", "code", "search-uncached", "suggest"]:
    r = med[k]
    print(f"| {labels[k]} | {r[0]:.0f} | {r[1]:.2f} | {r[2]:.2f} | {r[3]} | {r[0]/kestrel[0]:.2f}x | {r[0]/nginx[0]:.2f}x | {r[2]/nginx[2]:.2f}x |")
# Ratios per round (each pair measured back to back), then their median.
def paired(a, b):
    return statistics.median(x[0] / y[0] for x, y in zip(rows[a], rows[b]))
print(f"\nPer-round ratios, median: page/bare Kestrel {paired('page', 'kestrel'):.2f}x, page/output caching {paired('page', 'outputcache'):.2f}x, page/nginx {paired('page', 'nginx'):.2f}x, deploy/nginx.conf/nginx {paired('deployed', 'nginx'):.2f}x")
sizes = {}
for line in open(ingest):
    size, v, i, h, peak = line.split()
    sizes.setdefault(int(size), []).append((float(v), float(i), float(h), int(peak)))
print("\n## Ingest (whole processes, medians)\n")
print("| articles | validate s | import s | validate+import s | hugo s | ratio site/hugo | import alone/hugo | import peak MB (max) |")
print("|---|---|---|---|---|---|---|---|")
ratios = {}
peaks = {}
for size, runs in sorted(sizes.items()):
    v = statistics.median(r[0] for r in runs); i = statistics.median(r[1] for r in runs); h = statistics.median(r[2] for r in runs)
    ratios[size] = ((v + i), h)
    peaks[size] = max(r[3] for r in runs)
    print(f"| {size} | {v:.2f} | {i:.2f} | {v+i:.2f} | {h:.2f} | {(v+i)/h:.2f}x | {i/h:.2f}x | {peaks[size]} |")
if len(ratios) > 1:
    (a, (sa, ha)), (b, (sb, hb)) = sorted(ratios.items())[0], sorted(ratios.items())[-1]
    print(f"\nGrowth from {a} to {b} articles ({b/a:.0f}x): site {sb/sa:.1f}x, hugo {hb/ha:.1f}x")
rps, p50, p99, err = large.split()
u_rps, u_p50, u_p99, u_err = large_uncached.split()
print(f"\n## At {largest} articles\n\nsearch, cached results page: {rps} req/s, p50 {p50} ms, p99 {p99} ms, {err} errors")
print(f"search, random words, never cached: {u_rps} req/s, p50 {u_p50} ms, p99 {u_p99} ms, {u_err} errors")
for label, figures in [("one client, random words, never cached", large_single), ("one client, one misspelled word corrected, never cached", large_typo),
                       ("/search/suggest, 64 connections", large_suggest)]:
    f_rps_, f_p50_, f_p99_, f_err_ = figures.split()
    print(f"{label}: {f_rps_} req/s, p50 {f_p50_} ms, p99 {f_p99_} ms, {f_err_} errors")
f_rps, f_p50, f_p99, f_err = flood.split()
print(f"resident memory after warm-up: {rss} MB; after the uncached search load (64 connections): {rss_loaded} MB")
print(f"Host-header flood (every request a new Host): {f_rps} req/s, p99 {f_p99} ms, {f_err} refused with 400 (made-up hosts beyond the first 16); resident memory after it: {rss_flood} MB")
last = sorted(ratios.items())
print(f"\nbench: page {paired('page', 'kestrel'):.2f}x bare Kestrel, {paired('page', 'outputcache'):.2f}x output caching, {paired('page', 'nginx'):.2f}x nginx (p99 {med['page'][2]/nginx[2]:.2f}x); deploy/nginx.conf {paired('deployed', 'nginx'):.2f}x nginx; search {med['search'][0]/nginx[0]:.2f}x, code {med['code'][0]/nginx[0]:.2f}x; "
      + ", ".join(f"ingest@{s} {t/h:.2f}x hugo (import peak {peaks[s]} MB)" for s, (t, h) in last) + f"; search p99 @{largest} {p99} ms (uncached {u_p99} ms, one client p50 {large_single.split()[1]} ms, with a typo {large_typo.split()[1]} ms; suggest p99 {large_suggest.split()[2]} ms); rss {rss} MB, {rss_flood} MB after a Host flood")
PY
