internal import CLibXML2

/// Errors of the HTML layer.
public enum HTMLError: Error, Sendable, CustomStringConvertible, Equatable {
    case unknownEncoding(String)
    case parseFailed(String)
    case invalidXPath(String)
    case inputTooLarge(Int)

    public var description: String {
        switch self {
        case .unknownEncoding(let e): return "html: unknown charset \"\(e)\" (use a name iconv knows, e.g. UTF-8, CP949, windows-1252)"
        case .parseFailed(let why): return "html: could not parse the document: \(why)"
        case .invalidXPath(let x): return "html: invalid XPath expression \(x)"
        case .inputTooLarge(let n): return "html: input of \(n) bytes is larger than libxml2 accepts (2 GiB)"
        }
    }
}

/// A parsed HTML document. It owns its libxml2 tree and frees it when released.
///
/// Not Sendable: one document belongs to one task. Nodes (`HTMLNode`) keep their document alive.
public final class HTMLDocument {
    let doc: htmlDocPtr
    /// The charset the bytes were read with.
    public let encoding: String

    /// Parses `bytes` as HTML, always with the explicit `encoding` (never guessed by libxml2).
    ///
    /// libxml2's "huge" option is on: without it the tree stops at 256 levels of nesting and drops the rest of the page
    /// silently (300 nested `<div>`s, or 399 paragraphs that each leave a `<font>` open, are real pages). The input stays
    /// capped (2 GiB here, the fetcher's body cap before that), and `maxDepth` bounds how deep the tree can get: deeper
    /// elements are lifted to that level, text kept in order, so no recursive walk of ours runs out of stack.
    /// With `honouringEndTags: false`, `</body>` and `</html>` are ignored as a browser ignores them
    /// (`IgnoredEndTags`): the extractor parses that way.
    /// With `limitingDepth: false` the caller limits the depth itself (`limitDepth()`), after a walk it makes anyway.
    public init(bytes: some Collection<UInt8>, encoding: String, url: String? = nil, honouringEndTags: Bool = true,
                limitingDepth: Bool = true) throws(HTMLError) {
        guard Self.isKnownEncoding(encoding) else { throw .unknownEncoding(encoding) }
        guard bytes.count < Int(Int32.max) else { throw .inputTooLarge(bytes.count) }
        LibXML.prepare()
        let opts = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue)
        func read(_ buf: UnsafeBufferPointer<UInt8>) -> htmlDocPtr? {
            buf.withMemoryRebound(to: CChar.self) { cbuf in htmlReadMemory(cbuf.baseAddress, Int32(cbuf.count), url, encoding, opts) }
        }
        func parse(_ buf: UnsafeBufferPointer<UInt8>) -> htmlDocPtr? {
            let lower = encoding.lowercased()
            if !honouringEndTags, !lower.hasPrefix("utf-16"), !lower.hasPrefix("utf-32"), let blanked = IgnoredEndTags.blank(buf) {
                return blanked.withUnsafeBufferPointer(read)
            }
            return read(buf)
        }
        let parsed: htmlDocPtr? = bytes.withContiguousStorageIfAvailable(parse) ?? Array(bytes).withUnsafeBufferPointer(parse)
        if let parsed {
            doc = parsed
        } else {
            // An empty input gives no document: build an empty one so callers need no special case.
            guard let empty = htmlNewDocNoDtD(nil, nil) else { throw .parseFailed("libxml2 returned no document") }
            doc = empty
        }
        self.encoding = encoding
        if limitingDepth { Self.limitDepth(doc, to: Self.maxDepth) }
    }

    /// Lifts nodes deeper than `maxDepth` to that level (see `init`); for a document parsed with `limitingDepth: false`.
    public func limitDepth() { Self.limitDepth(doc, to: Self.maxDepth) }

    /// The deepest nesting kept (`limitDepth`); browsers cope with far less than this on real pages.
    public static let maxDepth = 1000

    /// Lifts every node nested deeper than `limit` up to that level, in document order (its text and element boundaries
    /// kept, its nesting not), with one iterative walk.
    static func limitDepth(_ doc: htmlDocPtr, to limit: Int) {
        guard let root = xmlDocGetRootElement(doc) else { return }
        var depth = 1
        var cursor: xmlNodePtr? = root.pointee.children
        while let n = cursor {
            if depth >= limit, n.pointee.type == XML_ELEMENT_NODE, let first = n.pointee.children {
                // Move n's children after n (they become its siblings, at this depth), then carry on with them.
                var c: xmlNodePtr? = first
                var anchor = n
                while let child = c {
                    let next = child.pointee.next
                    xmlUnlinkNode(child)
                    // A text node may be merged into a text `anchor` (and freed): go on from what libxml2 returns.
                    anchor = xmlAddNextSibling(anchor, child) ?? anchor
                    c = next
                }
            }
            if n.pointee.type == XML_ELEMENT_NODE, let child = n.pointee.children {
                depth += 1
                cursor = child
                continue
            }
            var cur = n
            while cur.pointee.next == nil {
                guard let p = cur.pointee.parent, p != root else { return }
                cur = p
                depth -= 1
            }
            cursor = cur.pointee.next
        }
    }

    /// Parses a UTF-8 string.
    public convenience init(html: String, url: String? = nil) throws(HTMLError) {
        try self.init(bytes: Array(html.utf8), encoding: "UTF-8", url: url)
    }

    deinit { xmlFreeDoc(doc) }

    /// Whether libxml2 (iconv) can read `name`.
    public static func isKnownEncoding(_ name: String) -> Bool {
        LibXML.prepare()
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// The root element (`<html>`), if any.
    public var root: HTMLNode? {
        guard let r = xmlDocGetRootElement(doc) else { return nil }
        return HTMLNode(document: self, ptr: r)
    }

    /// The `<head>` element, if any.
    public var head: HTMLNode? { root?.firstChild(named: "head") }

    /// The `<body>` element, if any.
    public var body: HTMLNode? { root?.firstChild(named: "body") }

    /// Evaluates an XPath expression against the document (or `node` as context) and returns the element nodes.
    public func select(xpath: String, from node: HTMLNode? = nil) throws(HTMLError) -> [HTMLNode] {
        LibXML.prepare()
        guard let ctx = xmlXPathNewContext(doc) else { throw .invalidXPath(xpath) }
        defer { xmlXPathFreeContext(ctx) }
        let result: xmlXPathObjectPtr?
        if let node {
            result = xmlXPathNodeEval(node.ptr, xpath, ctx)
        } else {
            result = xmlXPathEvalExpression(xpath, ctx)
        }
        guard let result else { throw .invalidXPath(xpath) }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval else { return [] }
        let n = Int(set.pointee.nodeNr)
        var out: [HTMLNode] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            if let p = set.pointee.nodeTab[i] { out.append(HTMLNode(document: self, ptr: p)) }
        }
        return out
    }

    /// Evaluates an XPath expression that yields a string (`string(//title)`).
    public func string(xpath: String, from node: HTMLNode? = nil) throws(HTMLError) -> String {
        LibXML.prepare()
        guard let ctx = xmlXPathNewContext(doc) else { throw .invalidXPath(xpath) }
        defer { xmlXPathFreeContext(ctx) }
        let result: xmlXPathObjectPtr? = node.map { xmlXPathNodeEval($0.ptr, xpath, ctx) } ?? xmlXPathEvalExpression(xpath, ctx)
        guard let result else { throw .invalidXPath(xpath) }
        defer { xmlXPathFreeObject(result) }
        return LibXML.takeString(xmlXPathCastToString(result)) ?? ""
    }

    /// Creates a new element owned by this document (not yet in the tree).
    public func createElement(_ name: String) -> HTMLNode? {
        guard let p = xmlNewDocNode(doc, nil, name, nil) else { return nil }
        return HTMLNode(document: self, ptr: p)
    }

    /// Creates a new text node owned by this document (not yet in the tree).
    public func createText(_ text: String) -> HTMLNode? {
        guard let p = xmlNewDocText(doc, text) else { return nil }
        return HTMLNode(document: self, ptr: p)
    }
}

@available(*, unavailable)
extension HTMLDocument: Sendable {}
