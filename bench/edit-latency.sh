#!/usr/bin/env bash
# Edit-to-visible latency on the running site: saves an edit to one article, then asks for the page until it shows the
# edit. After the edits, imports the same files from scratch and checks the incrementally built store holds the same
# rows, table by table (as tests/NerveSpasmGuide.Data.Tests/Import/IncrementalImportTests.cs does on the shipped content).
# Usage: bash bench/edit-latency.sh     (SIZES="1000 10000" EDITS=20 to change; APP=DIR reuses a published site)
source "$(dirname "$0")/lib.sh"
need curl python3
SIZES=${SIZES:-"1000 10000"}
EDITS=${EDITS:-20}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

app=${APP:-$work/app}
[ -n "${APP:-}" ] || publish_site "$app"
for size in $SIZES; do
  python3 "$REPO/bench/make-corpus.py" "$size" "$work/c$size" >/dev/null
  # Files written just before the first scan are read again at the next (their stamps are not yet trusted); the
  # edits below measure the steady state of an editor's session, so the corpus is not that fresh.
  find "$work/c$size/content" -type f -exec touch -d '10 minutes ago' {} +
  port=$(free_port)
  pid=$(start_site "$app" "$port" "$work/c$size/content" "$work/c$size/data/guide.db"); pids+=("$pid")
  rss_before=$(( $(ps -o rss= -p "$pid") / 1024 ))
  python3 - "$work/c$size/content" "http://127.0.0.1:$port" "$EDITS" "$size" <<'PY'
import os, statistics, sys, time, urllib.request
content, site, edits, size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
kinds = ["causes"] * 3 + ["symptoms"] * 2 + ["treatments"] * 3 + ["mechanisms"] + ["guides"]  # as make-corpus.py
times = []
for e in range(edits):
    i = (e * 7919) % size
    kind, slug = kinds[i % len(kinds)], f"topic-{i:05d}"
    path = os.path.join(content, kind, slug + ".md")
    marker = f"Edited sentence number {e}."
    text = open(path).read().replace("## Section 1\n\n", f"## Section 1\n\n{marker} ", 1)
    url = f"{site}/{kind}/{slug}"
    time.sleep(1.0)  # one edit at a time: the previous import is over
    start = time.monotonic()
    with open(path, "w") as f:
        f.write(text)
    while True:
        with urllib.request.urlopen(url) as response:
            if marker in response.read().decode():
                break
        if time.monotonic() - start > 60:
            sys.exit(f"edit {e} not visible after 60 s")
        time.sleep(0.005)
    times.append((time.monotonic() - start) * 1000)
times.sort()
p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
print(f"edit-latency {size}: {edits} edits, p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, max {times[-1]:.0f} ms")
PY
  rss_after=$(( $(ps -o rss= -p "$pid") / 1024 ))
  # Once the last edit's old version is dropped and the collection the host runs after a burst of imports is over.
  sleep 3
  rss_settled=$(( $(ps -o rss= -p "$pid") / 1024 ))
  health=$(curl -sf "http://127.0.0.1:$port/health")
  grep -hE "Imported|Content change published" "$work/c$size/data/guide.db.log" | tail -6 | sed 's/^/  log: /'
  kill "$pid"; wait "$pid" 2>/dev/null || true; pids=()
  echo "edit-latency $size: resident memory $rss_before MB before the edits, $rss_after MB right after the last, $rss_settled MB 3 s later ($(python3 -c "print(f'{($rss_settled - $rss_before) / $rss_before:+.0%}')")); health $health"

  # The store the edits built, against a full import of the same files.
  "$app/NerveSpasmGuide.Web" import --content "$work/c$size/content" --database "$work/c$size/full/guide.db" >/dev/null
  python3 - "$work/c$size/data/guide.db" "$work/c$size/full/guide.db" "$size" <<'PY'
import hashlib, sqlite3, sys
queries = {
    "articles": "SELECT Slug, Kind, Title, LinkText, Summary, AlsoCalled, BodyHtml, FileText, TocJson, CareLevels, LastReviewed, NextReview, IsDraft, SourcePath, WordCount, ReadingGrade FROM articles ORDER BY Slug",
    "links": "SELECT f.Slug, t.Slug, l.Type FROM links l LEFT JOIN articles f ON f.Id = l.FromArticleId LEFT JOIN articles t ON t.Id = l.ToArticleId ORDER BY 1, 2, 3",
    "citations": "SELECT a.Slug, c.Number, c.SourceKey FROM citations c LEFT JOIN articles a ON a.Id = c.ArticleId ORDER BY 1, 2",
    "aliases": "SELECT x.Alias, a.Slug FROM aliases x LEFT JOIN articles a ON a.Id = x.ArticleId ORDER BY 1",
    "codes": "SELECT c.Code, c.Display, a.Slug FROM codes c LEFT JOIN articles a ON a.Id = c.ArticleId ORDER BY 1, 3",
    "article_signs": "SELECT a.Slug, s.SignId FROM article_signs s LEFT JOIN articles a ON a.Id = s.ArticleId ORDER BY 1, 2",
    "article_search": "SELECT a.Slug, s.title, s.also_called, s.summary, s.body FROM article_search s LEFT JOIN articles a ON a.Id = s.rowid ORDER BY 1",
    "sources": "SELECT * FROM sources ORDER BY Key", "synonyms": "SELECT * FROM synonyms ORDER BY Term",
    "retired": "SELECT * FROM retired ORDER BY Slug", "warning_signs": "SELECT * FROM warning_signs ORDER BY Id",
    "media": "SELECT * FROM media ORDER BY Name",
}
def digest(path, query):
    rows = sqlite3.connect(f"file:{path}?mode=ro", uri=True).execute(query).fetchall()
    return len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()
differ = [t for t, q in queries.items() if digest(sys.argv[1], q) != digest(sys.argv[2], q)]
print(f"edit-latency {sys.argv[3]}: incremental store " + (f"DIFFERS from a full import in {', '.join(differ)}" if differ else f"equals a full import in all {len(queries)} tables"))
sys.exit(1 if differ else 0)
PY
done
