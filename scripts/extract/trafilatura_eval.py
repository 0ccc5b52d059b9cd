#!/usr/bin/env python3
"""Runs trafilatura on the extraction dev set with the scorer `newsdesk-bench extract` uses, and times it.

Scorer (same as Sources/NewsDesk/Extract/TokenF1.swift): lowercase, split into runs of letters and digits, compare
as multisets; precision/recall per page, F1 per page, means over pages (all, Korean, English).

Usage: python3 scripts/extract/trafilatura_eval.py [--dir fixtures/extract] [--iterations 3] [--verbose]
Needs: pip install trafilatura lxml_html_clean
"""
import argparse, collections, json, os, re, time

def tokens(text):
    return re.findall(r"[^\W_]+", text.lower())

def score(extracted, gold):
    e, g = tokens(extracted), tokens(gold)
    if not e or not g:
        return 0.0, 0.0
    counts = collections.Counter(g)
    overlap = 0
    for t in e:
        if counts[t] > 0:
            overlap += 1
            counts[t] -= 1
    return overlap / len(e), overlap / len(g)

def f1(p, r):
    return 2 * p * r / (p + r) if p + r > 0 else 0.0

def load(d):
    pages = []
    for f in sorted(os.listdir(d)):
        if not f.endswith(".html"):
            continue
        name = f[:-5]
        base = os.path.join(d, name)
        meta = {}
        if os.path.exists(base + ".meta.json"):
            meta = json.load(open(base + ".meta.json", encoding="utf-8"))
        gold = open(base + ".gold.txt", encoding="utf-8").read() if os.path.exists(base + ".gold.txt") else None
        raw = open(base + ".html", "rb").read()
        pages.append((name, raw, gold, meta))
    return pages

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="fixtures/extract")
    ap.add_argument("--iterations", type=int, default=3)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    import trafilatura
    pages = load(args.dir)
    groups = collections.defaultdict(list)
    for name, raw, gold, meta in pages:
        if gold is None:
            continue
        # trafilatura decodes bytes itself (meta charset sniffing), as it would for a fetched page.
        text = trafilatura.extract(raw, url=meta.get("url"), include_comments=False, include_tables=True) or ""
        p, r = score(text, gold)
        groups["all"].append((p, r))
        groups["korean" if meta.get("lang") == "ko" else "english"].append((p, r))
        if args.verbose:
            print("%-24s P %.3f R %.3f F1 %.3f" % (name, p, r, f1(p, r)))
    for key in ("all", "korean", "english"):
        g = groups.get(key)
        if not g:
            continue
        n = len(g)
        print("trafilatura %-8s pages %3d  P %.3f  R %.3f  F1 %.3f" % (
            key, n, sum(p for p, _ in g) / n, sum(r for _, r in g) / n, sum(f1(p, r) for p, r in g) / n))
    total = sum(len(raw) for _, raw, _, _ in pages)
    for _, raw, _, meta in pages:  # warm-up
        trafilatura.extract(raw, url=meta.get("url"))
    t0 = time.perf_counter()
    for _ in range(args.iterations):
        for _, raw, _, meta in pages:
            trafilatura.extract(raw, url=meta.get("url"), include_comments=False, include_tables=True)
    dt = time.perf_counter() - t0
    n = len(pages) * args.iterations
    print("trafilatura %s: %d pages x %d, %.1f pages/s, %.2f MB/s, %.3f ms/page" % (
        trafilatura.__version__, len(pages), args.iterations, n / dt, total * args.iterations / dt / 1e6, dt / n * 1000))

if __name__ == "__main__":
    main()
