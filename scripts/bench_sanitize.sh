#!/usr/bin/env bash
# Builds newsdesk-bench in release and times our sanitizer and nh3 (ammonia) on the same corpus, one core each.
#   scripts/bench_sanitize.sh DIR      (make a corpus with scripts/make_corpus.py DIR)
set -euo pipefail
dir="${1:?usage: scripts/bench_sanitize.sh CORPUS_DIR}"
cd "$(dirname "$0")/.."
swift build -c release --product newsdesk-bench >/dev/null
ours=$(taskset -c 0 .build/release/newsdesk-bench sanitize --corpus "$dir" 2>&1 | tail -1) || { echo "$ours"; exit 1; }
echo "$ours"
python3 -c "import nh3" 2>/dev/null || python3 -m pip install -q nh3 2>/dev/null || python3 -m pip install -q --break-system-packages nh3
theirs=$(taskset -c 0 python3 - "$dir" <<'PY'
import os, sys, time, nh3
d = sys.argv[1]
pages = [open(os.path.join(d, n), "rb").read().decode("utf-8", "replace") for n in sorted(os.listdir(d)) if n.endswith((".html", ".htm"))]
size = sum(len(p.encode("utf-8")) for p in pages)
tags = {"a", "abbr", "b", "blockquote", "br", "code", "div", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "i",
        "img", "li", "ol", "p", "pre", "section", "span", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul"}
attrs = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"}}
clean = ["script", "style", "noscript", "template", "iframe", "object", "svg", "math", "head", "title", "textarea", "form"]
kw = dict(tags=tags, attributes=attrs, clean_content_tags=set(clean) - tags, url_schemes={"http", "https", "mailto"},
          link_rel="noopener noreferrer nofollow", strip_comments=True)
best = float("inf")
for _ in range(3):
    t = time.perf_counter()
    for p in pages:
        nh3.clean(p, **kw)
    best = min(best, time.perf_counter() - t)
print("nh3 %s clean: %d pages, %.1f MB in, best of 3: %.3f s, %.1f MB/s (1 core)" % (getattr(nh3, "__version__", "?"), len(pages), size / 1e6, best, size / 1e6 / best))
PY
)
echo "$theirs"
a=$(sed -E 's/.* ([0-9.]+) MB\/s.*/\1/' <<<"$ours"); b=$(sed -E 's/.* ([0-9.]+) MB\/s.*/\1/' <<<"$theirs")
python3 -c "print('ratio ours/nh3: %.2fx' % ($a / $b))"
