internal import CLibXML2

/// libxml2's implied end tags on start tags (HTMLparser.c's `htmlStartClose` table): when `<new>` starts while `<old>`
/// is the current element, libxml2 ends `<old>` first (`<p>` ends a `<p>`, `<li>` an `<li>`, a `<p>` a `<b>`, a
/// `<table>` an `<a>`). The sanitizer needs it to stay idempotent: when an element it unwrapped stood between the two,
/// libxml2 did not end `<old>` in the input, but will when it reads the output. Asked of the installed libxml2
/// itself, once per process, so it always matches the parser that reads the output again.
enum HTMLAutoClose {
    /// Whether libxml2 ends a current `old` element when a `new` start tag comes. Names lowercase.
    static func closes(new: String, old: String) -> Bool { closedBy[old]?.contains(new) ?? false }

    /// HTML 4 element names (libxml2 2.9's element table); names libxml2 does not know never close or get closed.
    static let html4Names: [String] = [
        "a", "abbr", "acronym", "address", "applet", "area", "b", "base", "basefont", "bdo", "big", "blockquote", "body",
        "br", "button", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "dfn", "dir", "div", "dl",
        "dt", "em", "embed", "fieldset", "font", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "hr", "html", "i", "iframe", "img", "input", "ins", "isindex", "kbd", "label", "legend", "li", "link", "map",
        "menu", "meta", "noframes", "noscript", "object", "ol", "optgroup", "option", "p", "param", "pre", "q", "s",
        "samp", "script", "select", "small", "span", "strike", "strong", "style", "sub", "sup", "table", "tbody", "td",
        "textarea", "tfoot", "th", "thead", "title", "tr", "tt", "u", "ul", "var",
    ]

    /// old → the new tags that end it.
    private static let closedBy: [String: Set<String>] = {
        LibXML.prepare()
        let known = html4Names.filter { htmlTagLookup($0) != nil }
        var table: [String: Set<String>] = [:]
        guard let doc = htmlNewDocNoDtD(nil, nil) else { return table }
        defer { xmlFreeDoc(doc) }
        // Different names: libxml2's own check (htmlAutoCloseTag asks the table for a childless element).
        for new in known {
            guard let node = xmlNewDocNode(doc, nil, new, nil) else { continue }
            defer { xmlFreeNode(node) }
            for old in known where old != new && htmlAutoCloseTag(doc, old, node) == 1 { table[old, default: []].insert(new) }
        }
        // The same name (`<p>` in `<p>`): htmlAutoCloseTag answers 0 for it, so parse `<x><x></x></x>` and look.
        let skip: Set<String> = ["body", "frameset", "head", "html", "script", "style", "textarea", "title"]
        for name in known where !skip.contains(name) && htmlTagLookup(name)?.pointee.empty == 0 {
            guard let d = try? HTMLDocument(html: "<\(name)><\(name)></\(name)></\(name)>"), let root = d.root else { continue }
            let outer = root.descendants { $0.isElement && $0.name == name }.first
            if let outer, !outer.elementChildren.contains(where: { $0.name == name }) { table[name, default: []].insert(name) }
        }
        return table
    }()
}
