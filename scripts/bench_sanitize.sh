#!/usr/bin/env bash
# Builds newsdesk-bench in release and times our sanitizer and nh3 (ammonia) on the same corpus, one core each.
#   scripts/bench_sanitize.sh DIR [ROUNDS]      (make a corpus with scripts/make_corpus.py DIR)
#
# The machine may be shared and noisy: ours and nh3 alternate for ROUNDS rounds (default 5), each round being the
# best of 3 passes over the corpus, and the best round of each is reported, so both see the same moments of load.
set -euo pipefail
dir="${1:?usage: scripts/bench_sanitize.sh CORPUS_DIR [ROUNDS]}"
rounds="${2:-5}"
cd "$(dirname "$0")/.."
swift build -c release --product newsdesk-bench >/dev/null
python3 -c "import nh3" 2>/dev/null || python3 -m pip install -q nh3 2>/dev/null || python3 -m pip install -q --break-system-packages nh3
nh3_py=$(mktemp)
trap 'rm -f "$nh3_py"' EXIT
cat >"$nh3_py" <<'PY'
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
print("%d %.6f %.6f %s" % (len(pages), size / 1e6, best, getattr(nh3, "__version__", "?")))
PY
mbps() { sed -E 's/.* ([0-9.]+) MB\/s.*/\1/' <<<"$1"; }
best_ours=0; best_ours_line=""; best_nh3=0; best_nh3_line=""
for ((r = 1; r <= rounds; r++)); do
    ours=$(taskset -c 0 .build/release/newsdesk-bench sanitize --corpus "$dir" --passes 3 2>&1 | tail -1) || { echo "$ours"; exit 1; }
    read -r n mb secs ver < <(taskset -c 0 python3 "$nh3_py" "$dir")
    theirs=$(python3 -c "print('nh3 %s clean: %d pages, %.1f MB in, best of 3: %.3f s, %.1f MB/s (1 core)' % ('$ver', $n, $mb, $secs, $mb / $secs))")
    a=$(mbps "$ours"); b=$(mbps "$theirs")
    echo "round $r: ours $a MB/s, nh3 $b MB/s"
    if python3 -c "import sys; sys.exit(0 if $a > $best_ours else 1)"; then best_ours=$a; best_ours_line=$ours; fi
    if python3 -c "import sys; sys.exit(0 if $b > $best_nh3 else 1)"; then best_nh3=$b; best_nh3_line=$theirs; fi
done
echo "$best_ours_line" | sed -E "s/best of ([0-9]+):/best of \1 x $rounds rounds:/"
echo "$best_nh3_line" | sed -E "s/best of 3:/best of 3 x $rounds rounds:/"
python3 -c "print('ratio ours/nh3: %.2fx' % ($best_ours / $best_nh3))"
