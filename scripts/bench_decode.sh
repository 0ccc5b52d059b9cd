#!/usr/bin/env bash
# Times the decode stage on full-size pages, UTF-8 and CP949, next to Python's codecs (bytes.decode, the peer),
# one core each.
#   scripts/bench_decode.sh DIR [ROUNDS]      (DIR from scripts/make_corpus.py; DIR.cp949 is made next to it)
#
# The CP949 copy is the same pages re-encoded with `<meta charset="euc-kr">`, as Korean sites still serve them.
# Ours and the peer alternate for ROUNDS rounds (default 3); every line is printed, compare the best of each.
set -euo pipefail
dir="${1:?usage: scripts/bench_decode.sh CORPUS_DIR [ROUNDS]}"
rounds="${2:-3}"
cd "$(dirname "$0")/.."
swift build -c release --product newsdesk-bench >/dev/null
cp949="${dir%/}.cp949"
if [ ! -d "$cp949" ]; then
    mkdir -p "$cp949"
    python3 - "$dir" "$cp949" <<'PY'
import os, sys
src, dst = sys.argv[1], sys.argv[2]
for n in sorted(os.listdir(src)):
    if n.endswith(".html"):
        text = open(os.path.join(src, n), encoding="utf-8").read().replace('<meta charset="utf-8">', '<meta charset="euc-kr">', 1)
        open(os.path.join(dst, n), "wb").write(text.encode("cp949", "xmlcharrefreplace"))
PY
fi
peer=$(mktemp)
trap 'rm -f "$peer"' EXIT
cat >"$peer" <<'PY'
import os, sys, time
d, codec = sys.argv[1], sys.argv[2]
pages = [open(os.path.join(d, n), "rb").read() for n in sorted(os.listdir(d)) if n.endswith(".html")]
size = sum(len(p) for p in pages)
best = float("inf")
for _ in range(5):
    t = time.perf_counter()
    for p in pages:
        p.decode(codec, "replace").encode("utf-8")
    best = min(best, time.perf_counter() - t)
print("python %s bytes.decode(%s, 'replace').encode('utf-8'): %d pages, %.1f MB, best of 5: %.3f s, %.1f MB/s (1 core)"
      % (sys.version.split()[0], codec, len(pages), size / 1e6, best, size / 1e6 / best))
PY
for ((r = 1; r <= rounds; r++)); do
    echo "== round $r"
    for pair in "$dir:utf-8" "$cp949:cp949"; do
        d="${pair%:*}"; codec="${pair##*:}"
        taskset -c 0 .build/release/newsdesk-bench decode --corpus "$d"
        taskset -c 0 python3 "$peer" "$d" "$codec"
    done
done
