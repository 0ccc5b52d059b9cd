#!/usr/bin/env python3
"""XSS corpus check for NewsDesk's sanitizer.

  xss_check.py payloads SHARED_DIR      print every payload of SHARED_DIR/data/xss (DOMPurify + bleach) as JSON
  xss_check.py check                    read JSON [{"id","payload","output"}] on stdin; re-parse each output with
                                        html5lib (an HTML5 parser, as browsers) and fail if anything executable
                                        survived: a non-allowlisted element (script, svg, iframe, ...), an on*
                                        handler, a style attribute, a javascript:/vbscript: URL, a data: URL
                                        outside img src.
  xss_check.py run NEWSDESK SHARED_DIR  both, sanitizing with the `newsdesk sanitize --out-dir` binary.

Exit status: 0 clean, 1 something executable survived, 2 missing input or html5lib.
"""
import json, os, re, subprocess, sys, tempfile

ALLOWED = {
    "a", "abbr", "article", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section",
    "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u",
    "ul", "var",
}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "cite",
             "srcset", "srcdoc", "longdesc", "lowsrc", "dynsrc", "ping", "codebase", "manifest"}
XHTML = "{http://www.w3.org/1999/xhtml}"


def payloads(shared):
    out = []
    dp = os.path.join(shared, "data", "xss", "dompurify-expect.mjs")
    text = open(dp, encoding="utf-8").read()
    body = text[text.index("["): text.rindex("]") + 1]
    body = re.sub(r",\s*([\]}])", r"\1", body)
    for i, case in enumerate(json.loads(body)):
        out.append({"id": "dompurify-%d %s" % (i, case.get("title", ""))[:120], "payload": case["payload"]})
    bdir = os.path.join(shared, "data", "xss", "bleach")
    for name in sorted(os.listdir(bdir), key=lambda n: (len(n), n)):
        if not name.endswith(".test"):
            continue
        raw = open(os.path.join(bdir, name), encoding="utf-8", errors="replace").read()
        for j, block in enumerate(raw.split("\n--\n")[0::2] if "\n--\n" in raw else [raw]):
            out.append({"id": "bleach-%s-%d" % (name, j), "payload": block})
    return out


def scheme(value):
    v = "".join(ch for ch in value if ord(ch) > 0x20 and ord(ch) != 0x7F).lower()
    m = re.match(r"([a-z][a-z0-9+.\-]*):", v)
    return m.group(1) if m else None


def problems(output):
    import html5lib
    frag = html5lib.parseFragment(output, container="div", namespaceHTMLElements=True)
    found = []
    for el in frag.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag == "DOCUMENT_FRAGMENT":
            continue
        if not tag.startswith(XHTML):
            found.append("foreign element %s" % tag)
            continue
        local = tag[len(XHTML):]
        if local not in ALLOWED:
            found.append("element <%s>" % local)
        for name, value in el.attrib.items():
            n = name.lower() if isinstance(name, str) else str(name)
            if n.startswith("on"):
                found.append("handler %s on <%s>" % (n, local))
            if n == "style":
                found.append("style attribute on <%s>" % local)
            if n in URL_ATTRS or n.endswith("href"):
                s = scheme(value)
                if s in ("javascript", "vbscript", "livescript", "mocha"):
                    found.append("%s URL in %s" % (s, n))
                if s == "data" and not (local == "img" and n == "src"):
                    found.append("data: URL in %s on <%s>" % (n, local))
    return found


def check(cases):
    bad = 0
    for c in cases:
        p = problems(c["output"])
        if p:
            bad += 1
            print("FAIL %s: %s\n  payload: %r\n  output:  %r" % (c["id"], "; ".join(p), c["payload"][:300], c["output"][:300]))
    print("xss_check: %d payloads, %d with something executable" % (len(cases), bad))
    return 1 if bad else 0


def main():
    if len(sys.argv) < 2:
        print(__doc__); return 2
    try:
        import html5lib  # noqa: F401
    except ImportError:
        print("xss_check: html5lib is not installed (pip install html5lib)", file=sys.stderr); return 2
    mode = sys.argv[1]
    if mode == "payloads":
        json.dump(payloads(sys.argv[2]), sys.stdout, ensure_ascii=False); return 0
    if mode == "check":
        return check(json.load(sys.stdin))
    if mode == "run":
        binary, shared = sys.argv[2], sys.argv[3]
        cases = payloads(shared)
        with tempfile.TemporaryDirectory() as d:
            ind, outd = os.path.join(d, "in"), os.path.join(d, "out")
            os.mkdir(ind)
            names = []
            for i, c in enumerate(cases):
                name = "p%04d.html" % i
                open(os.path.join(ind, name), "w", encoding="utf-8").write(c["payload"])
                names.append(name)
            subprocess.run([binary, "sanitize", "--base-url", "https://example.com/", "--out-dir", outd]
                           + [os.path.join(ind, n) for n in names], check=True)
            for c, n in zip(cases, names):
                c["output"] = open(os.path.join(outd, n), encoding="utf-8").read()
        return check(cases)
    print(__doc__); return 2


if __name__ == "__main__":
    sys.exit(main())
