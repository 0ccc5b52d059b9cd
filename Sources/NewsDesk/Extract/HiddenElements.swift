/// Elements a reader never sees, removed from every body path (site rule and generic) before anything is measured:
/// `style` with `display:none` or `visibility:hidden`, the `hidden` attribute, and `aria-hidden="true"` (the tests
/// Readability.js's `_isProbablyVisible` makes, including its exception for lazy-image fallbacks, class
/// `fallback-image`). A summary block for search engines (`<div style="display:none">… 검색엔진용 요약</div>`) or a
/// screen-reader-hidden duplicate never reaches `text`, `bodyHTML`, search or the classifier.
enum HiddenElements {
    /// Whether `n` (an element) is hidden by its own attributes.
    static func isHidden(_ n: HTMLNode) -> Bool {
        if n.has("hidden") { return true }
        if n.attribute("aria-hidden", equals: "true") && !n.attribute("class", contains: "fallback-image") { return true }
        // Byte tests first: most elements have no style, and most styles hide nothing.
        guard n.attribute("style", contains: "none") || n.attribute("style", contains: "hidden"),
              let style = n.attribute("style") else { return false }
        return hides(style: style)
    }

    /// Whether a `style` attribute's declarations hide the element (`display: none`, `visibility:hidden !important`).
    static func hides(style: String) -> Bool {
        for decl in style.lowercased().split(separator: ";") {
            let parts = decl.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let property = String(parts[0]).trimmed
            let value = String(parts[1]).replacingOccurrences(of: "!important", with: "").trimmed
            if (property == "display" && value == "none") || (property == "visibility" && value == "hidden") { return true }
        }
        return false
    }

    /// Removes every hidden element below `root` (with its content). Returns how many were removed.
    @discardableResult
    static func remove(below root: HTMLNode) -> Int {
        var hidden: [HTMLNode] = []
        root.traverse(enter: { n in
            guard n.isElement else { return false }
            if isHidden(n) { hidden.append(n); return false }
            return true
        })
        // Outermost only (the walk does not descend into a hidden element), so no removal frees another match.
        for n in hidden { n.remove() }
        return hidden.count
    }
}
