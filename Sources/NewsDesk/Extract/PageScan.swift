import Foundation

/// Everything the extractor asks of the whole untouched page, gathered in one walk of the tree: `<meta>` tags, the
/// first `<title>`, `<link rel=canonical>`, JSON-LD blocks, `<h1>`s, candidate links to the publisher's original
/// article, breadcrumb links, category and tag links and classes, and the text nodes under `<body>` that carry a date
/// label or a copyright sign.
///
/// It replaced eight XPath evaluations (each a full pass that copied every tested string); the tests are the same
/// ones those expressions made (`contains` is a byte test, `@a='v'` exact), so the answers are too. The nodes it holds
/// are valid until the tree changes: read them before the body is cut out.
struct PageScan {
    /// `<meta>` elements that have a `content` attribute, in document order.
    var metas: [HTMLNode] = []
    /// The text of the first `<title>`.
    var title: String?
    /// The `href` of the first `<link rel="canonical" href>`.
    var canonical: String?
    /// The `lang` of the root element.
    var lang: String?
    /// The text of every `<script type="application/ld+json">`.
    var jsonLD: [String] = []
    /// `<h1>` elements in document order.
    var headings: [HTMLNode] = []
    /// The first `maxSubheadings` `<h2>`/`<h3>` elements (a board post's subject is often one, the title tag adding the
    /// board's name).
    var subheadings: [HTMLNode] = []
    static let maxSubheadings = 30
    /// `<a href>` whose text or `title` mentions 원문, or whose class mentions `origin`, in document order.
    var originalLinks: [HTMLNode] = []
    /// `<a>` elements inside a breadcrumb container (class or id `breadcrumb`, class `location` or `navi_path`).
    var breadcrumbLinks: [HTMLNode] = []
    /// Category markup: `<a rel="category tag">` (WordPress) and Naver's `.media_end_categorize_item`, in document order.
    var categoryLinks: [HTMLNode] = []
    /// `<a rel="tag">` (WordPress and most blog engines), in document order.
    var tagLinks: [HTMLNode] = []
    /// The `class` of `<body>` and of the first `<article>` elements (WordPress `category-…`/`tag-…` post classes).
    var postClasses: [String] = []
    /// Text nodes under `<body>` holding a date label (`ArticleMetadata.dateLabels`) or a copyright sign, at most 32.
    var labelledText: [HTMLNode] = []

    /// The deepest element nesting seen (the extractor limits the tree's depth only when this exceeds the cap).
    var deepest = 0

    static let maxLabelledText = 32
    static let maxPostClasses = 4

    init(_ document: HTMLDocument) {
        lang = document.root?.attribute("lang").flatMap { $0.isEmpty ? nil : $0 }
        var bodyDepth = 0, crumbDepth = 0
        var anchor: HTMLNode?
        var anchorTaken = false
        var containers: [Bool] = []  // per open element: is it a breadcrumb container / body
        document.traverseRefs(enter: { ref in
            if ref.isText {
                if bodyDepth > 0, labelledText.count < Self.maxLabelledText, Self.isLabelled(ref) { labelledText.append(ref.node) }
                if let a = anchor, !anchorTaken, ref.textContains("원문") { originalLinks.append(a); anchorTaken = true }
                return false
            }
            guard ref.isElement else { return false }
            var crumb = false, body = false
            if ref.hasName("meta") {
                let n = ref.node
                if n.has("content") { metas.append(n) }
            } else if ref.hasName("a") {
                let n = ref.node
                if crumbDepth > 0 { breadcrumbLinks.append(n) }
                if n.attribute("rel", contains: "tag") {
                    if n.attribute("rel", contains: "category") { categoryLinks.append(n) } else { tagLinks.append(n) }
                }
                if n.has("href") {
                    anchor = n
                    anchorTaken = n.attribute("title", contains: "원문") || n.attribute("class", contains: "origin")
                    if anchorTaken { originalLinks.append(n) }
                }
            } else if ref.hasName("title") {
                if title == nil { title = ref.node.textContent }
            } else if ref.hasName("link") {
                let n = ref.node
                if canonical == nil, n.attribute("rel", equals: "canonical"), let href = n.attribute("href") { canonical = href }
            } else if ref.hasName("script") {
                let n = ref.node
                if n.attribute("type", equals: "application/ld+json") { jsonLD.append(n.textContent) }
            } else if ref.hasName("h1") {
                headings.append(ref.node)
            } else if ref.hasName("h2") || ref.hasName("h3") {
                if subheadings.count < Self.maxSubheadings { subheadings.append(ref.node) }
            } else if ref.hasName("body") {
                body = true
                if let c = ref.node.attribute("class") { postClasses.append(c) }
            } else if ref.hasName("article") {
                if postClasses.count < Self.maxPostClasses, let c = ref.node.attribute("class") { postClasses.append(c) }
            }
            // The class and id tests, on one pass over the attributes.
            let (category, crumbName) = ref.withCommonAttributes { a -> (Bool, Bool) in
                let id = a.id.map { strstr($0, "breadcrumb") != nil } ?? false
                guard let c = a.class else { return (false, id) }
                return (strstr(c, "media_end_categorize_item") != nil,
                        id || strstr(c, "breadcrumb") != nil || strstr(c, "location") != nil || strstr(c, "navi_path") != nil)
            }
            if category { categoryLinks.append(ref.node) }
            if crumbName { crumb = true }
            if body { bodyDepth += 1 }
            if crumb { crumbDepth += 1 }
            containers.append(crumb)
            containers.append(body)
            if containers.count / 2 > deepest { deepest = containers.count / 2 }
            return true
        }, leave: { n in
            guard n.isElement, containers.count >= 2 else { return }
            if containers.removeLast() { bodyDepth -= 1 }
            if containers.removeLast() { crumbDepth -= 1 }
            if let a = anchor, a.identity == n.identity { anchor = nil }
        })
    }

    /// Every marker `pageLines` looks for: the date labels and the copyright signs.
    private static let markers = SubstringMatcher((ArticleMetadata.dateLabels + ArticleMetadata.copyrightSigns).map { "\($0)" },
                                                  foldingCase: false)

    /// The markers written in ASCII (`opyright`), NUL-terminated.
    private static let asciiMarkers: [[CChar]] = (ArticleMetadata.dateLabels + ArticleMetadata.copyrightSigns).map { "\($0)" }
        .filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8CString) }

    /// Whether a text node holds a marker. An ASCII text (most of an English page) can only hold the ASCII ones, which
    /// `strstr` finds faster than the matcher.
    private static func isLabelled(_ n: NodeRef) -> Bool {
        n.withTextBytes { b in
            guard let base = b.baseAddress else { return false }
            var i = 0
            while i + 8 <= b.count, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            while i < b.count, b[i] < 0x80 { i += 1 }
            if i < b.count { return markers.matches(b) }
            // The bytes are libxml2's NUL-terminated content.
            return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: b.count + 1) { text in
                asciiMarkers.contains { m in m.withUnsafeBufferPointer { $0.baseAddress.map { strstr(text, $0) != nil } ?? false } }
            }
        }
    }
}
