/// Puts a page's content where a browser puts it before anything reads the tree.
///
/// libxml2 2.9 knows only HTML 4 elements. A page that omits `<body>` (HTML allows it) and opens with an element it
/// does not know (`<article>`, `<main>`, `<section>`, `<header>`, a custom element) keeps that element, and often
/// everything after it, inside the implied `<head>`; a page may have no `<body>` at all, or content parked beside it
/// under `<html>`. Browsers start the body at the first element that does not belong in a head. `body` does the same:
/// it moves that content into the body (creating one when there is none) in document order, and returns the body.
enum PagePrep {
    /// Elements that belong in `<head>` (HTML's "in head" insertion mode).
    static let headElements: Set<String> = ["base", "basefont", "bgsound", "link", "meta", "noscript", "script", "style", "template", "title"]

    /// The page's body, with stray content moved into it; nil only when the document has no root element.
    static func body(_ document: HTMLDocument) -> HTMLNode? {
        guard let root = document.root else { return nil }
        let head = root.firstChild(named: "head")
        var body = root.firstChild(named: "body")
        // Content in the head: from the first element or text that has no place there, to the end of the head.
        var fromHead: [HTMLNode] = []
        if let head {
            var c = head.firstChild
            var started = false
            while let n = c {
                if !started {
                    started = (n.isElement && !headElements.contains(n.name)) || (n.isText && !n.textContent.trimmed.isEmpty)
                }
                if started { fromHead.append(n) }
                c = n.next
            }
        }
        // Content beside the body under <html>: before it (kept first) and after it.
        var before: [HTMLNode] = [], after: [HTMLNode] = []
        var seenBody = false
        for n in root.children {
            if n == body { seenBody = true; continue }
            if n == head || n.kind == .comment || (n.isText && n.textContent.trimmed.isEmpty) { continue }
            if n.isElement && headElements.contains(n.name) && !seenBody && body != nil { continue }
            if seenBody { after.append(n) } else { before.append(n) }
        }
        if fromHead.isEmpty && before.isEmpty && after.isEmpty { return body }
        if body == nil {
            guard let b = document.createElement("body") else { return nil }
            root.append(b)
            body = b
        }
        guard let body else { return nil }
        let leading = fromHead + before
        if let first = body.firstChild {
            for n in leading { first.insertBefore(n) }
        } else {
            for n in leading { body.append(n) }
        }
        for n in after { body.append(n) }
        return body
    }
}
