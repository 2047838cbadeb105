#!/usr/bin/env bash
# 60 s of mixed traffic while a loop edits a content file every second (alternating good and broken saves):
# expects zero 5xx, zero transport errors and flat memory after warm-up. Loopback only; bounded in time.
source "$(dirname "$0")/lib.sh"
need wrk curl python3
SOAK=${SOAK:-60}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

publish_site "$work/app"
cp -r "$REPO/content" "$work/content"
port=$(free_port)
pid=$(start_site "$work/app" "$port" "$work/content" "$work/data/guide.db"); pids+=("$pid")
DURATION=5s wrk_run "http://127.0.0.1:$port/" -s "$REPO/bench/mixed.lua" >/dev/null   # warm-up

article="$work/content/treatments/heat-and-ice.md"
original=$(cat "$article")
(
  for i in $(seq 1 "$SOAK"); do
    if [ $((i % 2)) -eq 0 ]; then
      printf '%s\n\nSoak edit %s.\n' "$original" "$i" >"$article"     # a good edit
    else
      printf '%s\n' "${original/title:/titel:}" >"$article"           # a broken edit: the last good version stays
    fi
    sleep 1
  done
  printf '%s\n' "$original" >"$article"
) &
editor=$!; pids+=("$editor")

: >"$work/rss.txt"
( for _ in $(seq 1 $((SOAK / 5))); do echo $(( $(ps -o rss= -p "$pid") / 1024 )) >>"$work/rss.txt"; sleep 5; done ) &
pids+=("$!")
result=$(wrk -t2 -c32 -d"${SOAK}s" --latency -s "$REPO/bench/mixed.lua" "http://127.0.0.1:$port")
wait "$editor" 2>/dev/null || true
echo "$result" | grep -E "Requests/sec|requests in|Socket errors|5xx"
imports=$(grep -c "Imported" "$work/data/guide.db.log" || true)
fivexx=$(echo "$result" | awk '/^5xx:/ {print $2}')
sockets=$(echo "$result" | { grep -oE "(connect|read|write|timeout) [0-9]+" || true; } | awk '{s += $2} END {print s + 0}')
rss=$(tr '\n' ' ' <"$work/rss.txt")
echo "soak: ${SOAK}s, $imports imports, ${fivexx:-0} 5xx, $sockets transport errors; resident MB every 5 s: $rss"
