#!/usr/bin/env python3
"""Reads an Atom feed written by `newsdesk export --format atom` with feedparser and prints what it saw as JSON.

Usage: check_atom.py FEED.atom
Exit status: 0 when feedparser read the feed without complaint (bozo == 0) and found a feed id,
title and updated time; 1 otherwise (the reason goes to stderr); 2 when feedparser is not installed
(scripts/setup.sh installs it).
"""
import json
import sys

try:
    import feedparser
except ImportError:
    print("check_atom: feedparser is not installed (run scripts/setup.sh)", file=sys.stderr)
    sys.exit(2)


def main(path):
    with open(path, "rb") as f:
        data = f.read()
    d = feedparser.parse(data)
    problems = []
    if d.bozo:
        problems.append("not well-formed: %r" % (d.get("bozo_exception"),))
    if d.get("version") != "atom10":
        problems.append("version is %r, not atom10" % (d.get("version"),))
    feed = d.feed
    for key in ("id", "title", "updated"):
        if not feed.get(key):
            problems.append("feed has no %s" % key)
    entries = []
    for e in d.entries:
        content = e.get("content") or [{}]
        entries.append({
            "id": e.get("id"),
            "title": e.get("title"),
            "link": e.get("link"),
            "updated": e.get("updated"),
            "published": e.get("published"),
            "authors": [a.get("name") for a in e.get("authors", [])],
            "content_type": content[0].get("type"),
            "content": content[0].get("value"),
            "tags": [t.get("term") for t in e.get("tags", [])],
            "rights": e.get("rights"),
        })
        for key in ("id", "title", "updated", "link"):
            if not e.get(key):
                problems.append("entry %s has no %s" % (e.get("id"), key))
    print(json.dumps({"id": feed.get("id"), "title": feed.get("title"), "updated": feed.get("updated"),
                      "entries": entries, "problems": problems}, ensure_ascii=False))
    if problems:
        for p in problems:
            print("check_atom: " + p, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    sys.exit(main(sys.argv[1]))
