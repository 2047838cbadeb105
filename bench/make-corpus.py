#!/usr/bin/env python3
"""Writes a synthetic corpus of N articles in NerveSpasmGuide's format, and the same Markdown as a Hugo site.

Usage: make-corpus.py N OUT_DIR   (creates OUT_DIR/content for the guide and OUT_DIR/hugo for Hugo)
Deterministic (fixed seed): links, citations, ICD-10 codes, care cards and realistic lengths (~500-900 words).
"""
import os, random, re, shutil, sys

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(42)
kinds = ["causes"] * 3 + ["symptoms"] * 2 + ["treatments"] * 3 + ["mechanisms"] + ["guides"]
words = ("nerve pain muscle spasm back leg root disc spine pressure signal cramp walk sleep doctor exercise therapy heat rest "
         "stretch numb tingling weak foot balance sciatic lumbar review advice care help slowly gently often sometimes "
         "people feel better weeks months most treatment option risk benefit guideline evidence").split()
codes = ["M54.30", "M54.31", "M54.32", "M54.16", "M54.17", "M47.816", "G62.9", "E11.40", "G57.01", "M62.830"]
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
source_keys = re.findall(r"(?m)^- key: (\S+)", open(os.path.join(repo, "content", "sources.yaml")).read())

articles = [(kinds[i % len(kinds)], f"topic-{i:05d}") for i in range(n)]
guide, hugo = os.path.join(out, "content"), os.path.join(out, "hugo")
for folder in (guide, hugo):
    shutil.rmtree(folder, ignore_errors=True)
os.makedirs(guide)
shutil.copy(os.path.join(repo, "content", "sources.yaml"), guide)
# The shipped signs, without the shipped pages' requirements (the corpus has none of those pages).
signs = open(os.path.join(repo, "content", "warning-signs.yaml")).read().split("\nrequired:")[0]
with open(os.path.join(guide, "warning-signs.yaml"), "w") as f:
    f.write(signs)

def sentence():
    s = " ".join(rng.choice(words) for _ in range(rng.randint(8, 14)))
    return s[0].upper() + s[1:] + "."

def paragraph(links):
    parts = [sentence() for _ in range(rng.randint(3, 5))]
    for _ in range(links):
        kind, slug = articles[rng.randrange(n)]
        parts.insert(rng.randrange(len(parts)), f"See [[{slug}]].")
    cites = "; ".join("@" + k for k in rng.sample(source_keys, rng.randint(1, 2)))
    return " ".join(parts)[:-1] + f" [@{cites[1:]}]."

for i, (kind, slug) in enumerate(articles):
    sections = []
    for h in range(rng.randint(4, 6)):
        body = "\n\n".join(paragraph(rng.randint(0, 2)) for _ in range(rng.randint(2, 3)))
        sections.append(f"## Section {h + 1}\n\n{body}")
    if kind == "causes":
        sections.append("## When to get help\n\n::: emergency bladder-or-bowel-control saddle-numbness\n:::")
    body = "\n\n".join(sections) + "\n"
    icd = f"icd10: [{', '.join(rng.sample(codes, 2))}]\n" if kind == "causes" else ""
    related_kind, related_slug = articles[(i + 1) % n]
    front = (f"---\ntitle: Topic {i}\nsummary: A synthetic article number {i} about nerve pain and spasms.\n{icd}"
             f"related:\n  {related_kind}: [{related_slug}]\nlast_reviewed: 2026-11-21\nnext_review: 2029-11-21\n---\n\n")
    os.makedirs(os.path.join(guide, kind), exist_ok=True)
    with open(os.path.join(guide, kind, slug + ".md"), "w") as f:
        f.write(front + body)
    # The same text for Hugo: plain Markdown links, citations as text, care cards as block quotes.
    lookup = dict((s, k) for k, s in articles)
    hugo_body = re.sub(r"\[\[([^\]|]+)\]\]", lambda m: f"[{m.group(1)}](/{lookup[m.group(1)]}/{m.group(1)}/)", body)
    hugo_body = re.sub(r"\[@([^\]]+)\]", lambda m: "(" + m.group(1).replace("@", "") + ")", hugo_body)
    hugo_body = hugo_body.replace("::: emergency bladder-or-bowel-control saddle-numbness\n:::", "> **Call 911** if you cannot control your bladder.")
    os.makedirs(os.path.join(hugo, "content", kind), exist_ok=True)
    with open(os.path.join(hugo, "content", kind, slug + ".md"), "w") as f:
        f.write(f"---\ntitle: Topic {i}\nsummary: A synthetic article number {i} about nerve pain and spasms.\ndate: 2026-11-21\n---\n\n" + hugo_body)

os.makedirs(os.path.join(hugo, "layouts", "_default"), exist_ok=True)
with open(os.path.join(hugo, "hugo.toml"), "w") as f:
    f.write('baseURL = "http://localhost/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n')
with open(os.path.join(hugo, "layouts", "_default", "single.html"), "w") as f:
    f.write("<!doctype html><title>{{ .Title }}</title><main><h1>{{ .Title }}</h1>{{ .Content }}</main>\n")
with open(os.path.join(hugo, "layouts", "_default", "list.html"), "w") as f:
    f.write("<!doctype html><title>{{ .Title }}</title><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>\n")
print(f"wrote {n} articles to {guide} and {hugo}")
