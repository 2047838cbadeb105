#!/usr/bin/env bash
# Search alone, in one run: uncached searches on the shipped content against nginx serving the article page
# (64 connections, alternating rounds), then one client's uncached searches and suggestions at SIZE articles.
# ROUNDS (3), SIZE (10000), DURATION (5s) may be set. Prints a table and a last line `search: ...`.
source "$(dirname "$0")/lib.sh"
need wrk nginx curl python3
ROUNDS=${ROUNDS:-3}
SIZE=${SIZE:-10000}
export DURATION=${DURATION:-5s}
work=$(mktemp -d)
chmod 755 "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; [ -f "$work/nginx/nginx.pid" ] && nginx -c "$work/nginx/nginx.conf" -s stop 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

publish_site "$work/app"
site_port=$(free_port); nginx_port=$(free_port)
site="http://127.0.0.1:$site_port"
pids+=("$(start_site "$work/app" "$site_port" "$REPO/content" "$work/data/guide.db" --Guide:PublicBaseUrl="$site")")
mkdir -p "$work/www/causes/sciatica"
curl -sf "$site/causes/sciatica" -o "$work/www/causes/sciatica/index.html"
start_nginx "$work/www" "$nginx_port" "$work/nginx"
static="http://127.0.0.1:$nginx_port/causes/sciatica/"
DURATION=2s wrk_run "$static" >/dev/null
# The runtime recompiles the hot search code with its profile over the first several seconds under load.
DURATION=15s wrk_run "$site" -s "$REPO/bench/search-random.lua" >/dev/null
: >"$work/rounds.txt"
for _ in $(seq 1 "$ROUNDS"); do
  echo "nginx $(wrk_run "$static")" >>"$work/rounds.txt"
  echo "uncached $(wrk_run "$site" -s "$REPO/bench/search-random.lua")" >>"$work/rounds.txt"
  echo "suggest $(wrk_run "$site" -s "$REPO/bench/suggest-random.lua")" >>"$work/rounds.txt"
done
for p in "${pids[@]}"; do kill "$p"; done; pids=()

python3 "$REPO/bench/make-corpus.py" "$SIZE" "$work/corpus" >/dev/null
port=$(free_port)
pid=$(start_site "$work/app" "$port" "$work/corpus/content" "$work/corpus/serve.db"); pids+=("$pid")
DURATION=2s THREADS=1 CONNECTIONS=1 wrk_run "http://127.0.0.1:$port" -s "$REPO/bench/search-random.lua" >/dev/null
single=$(THREADS=1 CONNECTIONS=1 wrk_run "http://127.0.0.1:$port" -s "$REPO/bench/search-random.lua")
typo=$(THREADS=1 CONNECTIONS=1 wrk_run "http://127.0.0.1:$port" -s "$REPO/bench/search-typo.lua")
many=$(wrk_run "http://127.0.0.1:$port" -s "$REPO/bench/search-random.lua")
suggest=$(wrk_run "http://127.0.0.1:$port" -s "$REPO/bench/suggest-random.lua")
rss_mb=$(( $(ps -o rss= -p "$pid") / 1024 ))

python3 - "$work/rounds.txt" "$SIZE" "$single" "$typo" "$many" "$suggest" "$rss_mb" <<'PY'
import statistics, sys
rounds, size, single, typo, many, suggest, rss = sys.argv[1:]
rows = {}
for line in open(rounds):
    name, rps, p50, p99, err = line.split()
    rows.setdefault(name, []).append((float(rps), float(p50), float(p99), int(err)))
med = {k: tuple(statistics.median(r[i] for r in v) for i in range(3)) + (sum(r[3] for r in v),) for k, v in rows.items()}
ratio = statistics.median(u[0] / n[0] for u, n in zip(rows["uncached"], rows["nginx"]))
print(f"\n## Shipped content, 64 connections ({len(rows['nginx'])} rounds, alternating; medians)\n")
print("| target | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|")
labels = {"nginx": "nginx, saved /causes/sciatica", "uncached": "site /search, random words, never cached",
          "suggest": "site /search/suggest, random prefixes and typos"}
for k in ["nginx", "uncached", "suggest"]:
    r = med[k]
    print(f"| {labels[k]} | {r[0]:.0f} | {r[1]:.2f} | {r[2]:.2f} | {r[3]} |")
print(f"\nuncached search / nginx, per-round median: {ratio:.3f}x\n\n## At {size} articles\n")
for label, figures in [("one client, random words, never cached", single), ("one client, one misspelled word corrected", typo),
                       ("64 connections, random words, never cached", many), ("/search/suggest, 64 connections", suggest)]:
    rps, p50, p99, err = figures.split()
    print(f"{label}: {rps} req/s, p50 {p50} ms, p99 {p99} ms, {err} errors")
print(f"resident memory after: {rss} MB")
print(f"\nsearch: uncached {ratio:.3f}x nginx (p99 {med['uncached'][2]:.2f} ms), suggest p99 {med['suggest'][2]:.2f} ms; "
      f"@{size} one client p50 {single.split()[1]} ms, with a typo {typo.split()[1]} ms, 64 connections p99 {many.split()[2]} ms; rss {rss} MB")
PY
