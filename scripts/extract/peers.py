#!/usr/bin/env python3
"""Runs the peer extractors (trafilatura, readability-lxml) on a folder of saved pages and prints, as one JSON object,
what each extracted from each page and how fast it ran. `newsdesk-bench extract --readability DIR --peers` calls this
and scores the texts with its own scorer (Extract/TokenF1.swift), so all three tools are scored the same way.

A page is DIR/NAME/source.html (the layout of Mozilla Readability's test pages, ../shared/data/readability-pages).

Output: {"tools": {"trafilatura": {"version", "pages_per_s_cpu", "pages_per_s_wall", "pages": {NAME: text}},
                   "readability-lxml": {..., "pages": {NAME: html}}}}
trafilatura yields plain text; readability-lxml yields an HTML fragment, which the bench renders to text as it renders
our own body. Timing covers the extraction call alone (bytes already in memory), one core, after one warm-up pass.

Usage: python3 scripts/extract/peers.py --dir ../shared/data/readability-pages [--iterations 1]
Needs: pip install trafilatura lxml_html_clean readability-lxml
"""
import argparse, json, os, sys, time


def load(d):
    pages = []
    for name in sorted(os.listdir(d)):
        src = os.path.join(d, name, "source.html")
        if os.path.isfile(src):
            with open(src, "rb") as f:
                pages.append((name, f.read()))
    return pages


URL = "http://fakehost/test/page.html"  # the URL Readability's test suite gives every page


def run_trafilatura(raw):
    import trafilatura
    # Defaults as a new user runs it, tables kept (article tables are body text), comments dropped.
    return trafilatura.extract(raw, url=URL, include_comments=False, include_tables=True) or ""


def run_readability(raw):
    from readability import Document
    try:
        return Document(raw, url=URL).summary(html_partial=True)
    except Exception:  # readability-lxml raises on pages it cannot parse; that page scores 0
        return ""


def timed(fn, pages, iterations):
    out = {name: fn(raw) for name, raw in pages}  # also the warm-up pass
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(iterations):
        for _, raw in pages:
            fn(raw)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    n = len(pages) * iterations
    return out, n / cpu if cpu > 0 else 0.0, n / wall if wall > 0 else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--iterations", type=int, default=1)
    args = ap.parse_args()
    import trafilatura
    import readability
    pages = load(args.dir)
    tools = {}
    for tool, fn, version in (("trafilatura", run_trafilatura, trafilatura.__version__),
                              ("readability-lxml", run_readability, getattr(readability, "__version__", "?"))):
        texts, cpu, wall = timed(fn, pages, max(1, args.iterations))
        tools[tool] = {"version": version, "pages_per_s_cpu": cpu, "pages_per_s_wall": wall, "pages": texts}
    json.dump({"tools": tools}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
