internal import CLibXML2
import Foundation

/// Allocation-free reading of the tree: a document-order walk with enter/leave events, and byte-level tests on text
/// and attribute values that read libxml2's own buffers instead of copying them into Strings. The extractor's
/// whole-page scans run on these (one walk instead of one XPath evaluation per question).
extension HTMLNode {
    /// Visits this node's descendants in document order. `enter` sees every node (elements, text, comments) and returns
    /// whether to descend into an element's children; `leave` sees each element once its children are done (or at once
    /// when `enter` declined them). Do not remove nodes during the walk.
    func traverse(enter: (HTMLNode) -> Bool, leave: (HTMLNode) -> Void = { _ in }) {
        Self.traverse(from: ptr, document: document, enter: enter, leave: leave)
    }

    static func traverse(from top: xmlNodePtr, document: HTMLDocument, enter: (HTMLNode) -> Bool, leave: (HTMLNode) -> Void) {
        var cursor = top.pointee.children
        while let n = cursor {
            let isElement = n.pointee.type == XML_ELEMENT_NODE
            if enter(HTMLNode(document: document, ptr: n)), isElement, let child = n.pointee.children {
                cursor = child
                continue
            }
            if isElement { leave(HTMLNode(document: document, ptr: n)) }
            var cur = n
            while cur.pointee.next == nil {
                guard let p = cur.pointee.parent, p != top else { return }
                if p.pointee.type == XML_ELEMENT_NODE { leave(HTMLNode(document: document, ptr: p)) }
                cur = p
            }
            cursor = cur.pointee.next
        }
    }

    /// Whether this text (or CDATA) node's content holds the UTF-8 bytes of `needle`. No copy.
    func textContains(_ needle: StaticString) -> Bool { NodeRef(self).textContains(needle) }

    /// Calls `body` with the NUL-terminated UTF-8 value of attribute `name` (nil when absent), read in place when
    /// libxml2 holds it as one text node (the usual case) and copied only otherwise.
    func withAttribute<R>(_ name: StaticString, _ body: (UnsafePointer<CChar>?) -> R) -> R {
        withAttribute(cName: Self.cString(name), body)
    }

    /// `withAttribute` for a NUL-terminated lowercase name.
    func withAttribute<R>(cName name: UnsafePointer<CChar>, _ body: (UnsafePointer<CChar>?) -> R) -> R {
        guard isElement else { return body(nil) }
        var a = ptr.pointee.properties
        while let attr = a {
            if let n = attr.pointee.name, Self.sameName(n, name) {
                if let t = attr.pointee.children, t.pointee.next == nil, t.pointee.type == XML_TEXT_NODE, let c = t.pointee.content {
                    return body(UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self))
                }
                guard let owned = xmlNodeListGetString(ptr.pointee.doc, attr.pointee.children, 1) else {
                    return body(UnsafeRawPointer(Self.cString("")).assumingMemoryBound(to: CChar.self))
                }
                defer { clibxml2_free(owned) }
                return body(UnsafeRawPointer(owned).assumingMemoryBound(to: CChar.self))
            }
            a = attr.pointee.next
        }
        return body(nil)
    }

    /// Whether the element's name is the NUL-terminated lowercase `name`.
    func hasName(cName name: UnsafePointer<CChar>) -> Bool {
        guard let n = ptr.pointee.name else { return false }
        return Self.sameName(n, name)
    }

    /// Whether two NUL-terminated names are equal, compared inline: element and attribute names are a few bytes long,
    /// shorter than what a call into the vectorised `strcmp` costs to set up (measured: 5 % of extraction time).
    @inline(__always)
    static func sameName(_ a: UnsafePointer<xmlChar>, _ b: UnsafePointer<CChar>) -> Bool {
        let b = UnsafeRawPointer(b).assumingMemoryBound(to: UInt8.self)
        var i = 0
        while true {
            let x = a[i]
            if x != b[i] { return false }
            if x == 0 { return true }
            i += 1
        }
    }

    /// The nodes of `nodes` that are not inside another of them (what a caller that removes or extracts them needs).
    static func outermost(_ nodes: [HTMLNode]) -> [HTMLNode] {
        nodes.filter { n in !nodes.contains { $0 != n && $0.contains(n) } }
    }

    /// Whether the element has attribute `name` (no allocation).
    func has(_ name: StaticString) -> Bool { withAttribute(name) { $0 != nil } }

    /// Whether attribute `name` is present and its value contains `needle` (bytes, case-sensitive, as XPath `contains`).
    func attribute(_ name: StaticString, contains needle: StaticString) -> Bool {
        withAttribute(name) { v in v.map { strstr($0, Self.cString(needle)) != nil } ?? false }
    }

    /// Whether attribute `name` is present and equals `value` exactly (as XPath `@name='value'`).
    func attribute(_ name: StaticString, equals value: StaticString) -> Bool {
        withAttribute(name) { v in v.map { strcmp($0, Self.cString(value)) == 0 } ?? false }
    }

    static func cString(_ s: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(s.utf8Start).assumingMemoryBound(to: CChar.self)
    }
}

extension HTMLDocument {
    /// Visits every node of the document in document order (see `HTMLNode.traverse`).
    func traverse(enter: (HTMLNode) -> Bool, leave: (HTMLNode) -> Void = { _ in }) {
        let top = UnsafeMutableRawPointer(doc).assumingMemoryBound(to: xmlNode.self)
        HTMLNode.traverse(from: top, document: self, enter: enter, leave: leave)
    }

    /// `traverse` on `NodeRef`s (no retain per node), for whole-page scans.
    func traverseRefs(enter: (NodeRef) -> Bool, leave: (NodeRef) -> Void = { _ in }) {
        let top = UnsafeMutableRawPointer(doc).assumingMemoryBound(to: xmlNode.self)
        NodeRef.traverse(from: top, document: self, enter: enter, leave: leave)
    }
}

extension HTMLNode {
    /// An opaque identity of this node (its libxml2 pointer), for tables keyed by node without holding the document.
    var identity: UnsafeMutableRawPointer { UnsafeMutableRawPointer(ptr) }

    /// A number stored in the node itself (libxml2's `_private`, which neither the parser nor the tree functions
    /// touch), 0 until set: a table keyed by node (`NodeStats`) keeps its row index here instead of hashing the node.
    /// Another table may overwrite it, so a reader checks the row it finds against `identity`.
    var slot: Int {
        get { NodeRef(self).slot }
        nonmutating set { NodeRef(self).slot = newValue }
    }

    /// Calls `body` with this text node's UTF-8 content in place (entity-decoded, no copy); empty for other nodes.
    func withTextBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { NodeRef(self).withTextBytes(body) }
}

/// The values (NUL-terminated UTF-8, read in place) of the attributes the extractor tests on nearly every element,
/// found in one pass over the element's attribute list (`HTMLNode.withCommonAttributes`), instead of one pass per
/// question. Valid only inside that call.
struct CommonAttributes {
    var `class`: UnsafePointer<CChar>?
    var id: UnsafePointer<CChar>?
    var style: UnsafePointer<CChar>?
    var ariaHidden: UnsafePointer<CChar>?
    var itemprop: UnsafePointer<CChar>?
    var hidden = false
}

extension HTMLNode {
    /// Calls `body` with the element's `CommonAttributes` (all absent for other nodes).
    func withCommonAttributes<R>(_ body: (CommonAttributes) -> R) -> R { NodeRef(self).withCommonAttributes(body) }
}

/// A node of a tree that a caller holds, without holding the document itself. The extractor's whole-tree walks
/// (`NodeStats`, `BodyCleaner.stripJunk`, `NodeText.visibleWeight`) step through thousands of nodes a page, and an
/// `HTMLNode` per step retains and releases the document (measured: a sixth of extraction time). Use a `NodeRef` only
/// inside a call that holds an `HTMLNode` or the `HTMLDocument` of the same tree; `node` gives the `HTMLNode` back.
struct NodeRef {
    let ptr: xmlNodePtr
    unowned(unsafe) let document: HTMLDocument

    init(_ node: HTMLNode) {
        ptr = node.ptr
        document = node.document
    }

    fileprivate init(_ ptr: xmlNodePtr, _ document: HTMLDocument) {
        self.ptr = ptr
        self.document = document
    }

    /// The node, holding its document again.
    var node: HTMLNode { HTMLNode(document: document, ptr: ptr) }

    var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { ptr.pointee.type == XML_TEXT_NODE || ptr.pointee.type == XML_CDATA_SECTION_NODE }
    var isComment: Bool { ptr.pointee.type == XML_COMMENT_NODE }
    var firstChild: NodeRef? { ptr.pointee.children.map { NodeRef($0, document) } }
    var next: NodeRef? { ptr.pointee.next.map { NodeRef($0, document) } }
    /// The parent element (nil at the top, as `HTMLNode.parent`).
    var parent: NodeRef? { ptr.pointee.parent.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? NodeRef($0, document) : nil } }
    var identity: UnsafeMutableRawPointer { UnsafeMutableRawPointer(ptr) }

    /// See `HTMLNode.slot`.
    var slot: Int {
        get { Int(bitPattern: ptr.pointee._private) }
        nonmutating set { ptr.pointee._private = UnsafeMutableRawPointer(bitPattern: newValue) }
    }

    func hasName(_ lower: StaticString) -> Bool {
        guard let n = ptr.pointee.name else { return false }
        return HTMLNode.sameName(n, UnsafeRawPointer(lower.utf8Start).assumingMemoryBound(to: CChar.self))
    }

    /// See `HTMLNode.traverse`.
    func traverse(enter: (NodeRef) -> Bool, leave: (NodeRef) -> Void = { _ in }) {
        Self.traverse(from: ptr, document: document, enter: enter, leave: leave)
    }

    /// The same walk as `HTMLNode.traverse(from:document:enter:leave:)`, written out again for `NodeRef`: one generic
    /// walk for both measured 6 % slower on the extractor's `HTMLNode` walks.
    static func traverse(from top: xmlNodePtr, document: HTMLDocument, enter: (NodeRef) -> Bool, leave: (NodeRef) -> Void) {
        var cursor = top.pointee.children
        while let n = cursor {
            let isElement = n.pointee.type == XML_ELEMENT_NODE
            if enter(NodeRef(n, document)), isElement, let child = n.pointee.children {
                cursor = child
                continue
            }
            if isElement { leave(NodeRef(n, document)) }
            var cur = n
            while cur.pointee.next == nil {
                guard let p = cur.pointee.parent, p != top else { return }
                if p.pointee.type == XML_ELEMENT_NODE { leave(NodeRef(p, document)) }
                cur = p
            }
            cursor = cur.pointee.next
        }
    }

    /// See `HTMLNode.textContains`.
    func textContains(_ needle: StaticString) -> Bool {
        guard isText, let content = ptr.pointee.content else { return false }
        return strstr(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self), HTMLNode.cString(needle)) != nil
    }

    /// See `HTMLNode.withTextBytes`.
    func withTextBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard isText, let content = ptr.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: UnsafePointer(content), count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
    }
}

extension NodeRef {
    /// Calls `body` with the element's `CommonAttributes` (all absent for other nodes). The first of two equal names
    /// counts, as in `withAttribute`.
    @inline(__always)
    func withCommonAttributes<R>(_ body: (CommonAttributes) -> R) -> R {
        var found = CommonAttributes()
        guard isElement else { return body(found) }
        var a = ptr.pointee.properties
        while let attr = a {
            a = attr.pointee.next
            guard let n = attr.pointee.name else { continue }
            let which: Int
            switch n[0] {
            case 0x63 where HTMLNode.sameName(n, HTMLNode.cString("class")): which = 0
            case 0x69 where HTMLNode.sameName(n, HTMLNode.cString("id")): which = 1
            case 0x69 where HTMLNode.sameName(n, HTMLNode.cString("itemprop")): which = 2
            case 0x73 where HTMLNode.sameName(n, HTMLNode.cString("style")): which = 3
            case 0x61 where HTMLNode.sameName(n, HTMLNode.cString("aria-hidden")): which = 4
            case 0x68 where HTMLNode.sameName(n, HTMLNode.cString("hidden")): found.hidden = true; continue
            default: continue
            }
            let value: UnsafePointer<CChar>
            if let t = attr.pointee.children {
                // A value libxml2 holds as more than one node (entity references) is copied: the slow path.
                guard t.pointee.next == nil, t.pointee.type == XML_TEXT_NODE, let c = t.pointee.content else {
                    return withCopiedCommonAttributes(body)
                }
                value = UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self)
            } else {
                value = HTMLNode.cString("")
            }
            switch which {
            case 0: if found.class == nil { found.class = value }
            case 1: if found.id == nil { found.id = value }
            case 2: if found.itemprop == nil { found.itemprop = value }
            case 3: if found.style == nil { found.style = value }
            default: if found.ariaHidden == nil { found.ariaHidden = value }
            }
        }
        return body(found)
    }

    /// `withCommonAttributes` through `HTMLNode.withAttribute`, which copies values held as several nodes.
    @inline(never)
    private func withCopiedCommonAttributes<R>(_ body: (CommonAttributes) -> R) -> R {
        let n = node
        return n.withAttribute("class") { c in n.withAttribute("id") { i in n.withAttribute("itemprop") { p in
            n.withAttribute("style") { s in n.withAttribute("aria-hidden") { h in
                body(CommonAttributes(class: c, id: i, style: s, ariaHidden: h, itemprop: p, hidden: n.has("hidden")))
            } }
        } } }
    }
}

/// A fixed set of lowercase element names, matched on a node's name bytes (no `String` made per node).
struct TagNames: Sendable {
    /// The names, each NUL-terminated, one after another and grouped by first byte: `bucket[b]..<bucket[b + 1]` is the
    /// byte range of the names that begin with `b` (flat, so a test does no reference counting per name).
    private let bytes: [CChar]
    private let bucket: [Int]

    init(_ names: [String]) {
        let sorted = Set(names.filter { !$0.isEmpty }).map { Array($0.utf8CString) }.sorted { ($0[0], $0.count) < ($1[0], $1.count) }
        var bytes: [CChar] = [], bucket = [Int](repeating: 0, count: 257)
        for n in sorted {
            bytes += n
            bucket[Int(UInt8(bitPattern: n[0])) + 1] += n.count
        }
        for b in 1...256 { bucket[b] += bucket[b - 1] }
        self.bytes = bytes
        self.bucket = bucket
    }

    /// Whether `node` is an element with one of the names.
    func contains(_ node: HTMLNode) -> Bool { contains(NodeRef(node)) }

    /// Whether `node` is an element with one of the names.
    func contains(_ node: NodeRef) -> Bool {
        guard node.isElement, let name = node.ptr.pointee.name else { return false }
        let first = Int(name.pointee)
        return bucket.withUnsafeBufferPointer { bucket in
            var k = bucket[first]
            let end = bucket[first + 1]
            guard k < end else { return false }
            return bytes.withUnsafeBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return false }
                while k < end {
                    if HTMLNode.sameName(name, base + k) { return true }
                    while bytes[k] != 0 { k += 1 }
                    k += 1
                }
                return false
            }
        }
    }
}
