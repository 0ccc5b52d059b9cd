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
    func textContains(_ needle: StaticString) -> Bool {
        guard isText, let content = ptr.pointee.content else { return false }
        return strstr(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self), Self.cString(needle)) != nil
    }

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
            if let n = attr.pointee.name,
               strcmp(UnsafeRawPointer(n).assumingMemoryBound(to: CChar.self), name) == 0 {
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
        return strcmp(UnsafeRawPointer(n).assumingMemoryBound(to: CChar.self), name) == 0
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

    private static func cString(_ s: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(s.utf8Start).assumingMemoryBound(to: CChar.self)
    }
}

extension HTMLDocument {
    /// Visits every node of the document in document order (see `HTMLNode.traverse`).
    func traverse(enter: (HTMLNode) -> Bool, leave: (HTMLNode) -> Void = { _ in }) {
        let top = UnsafeMutableRawPointer(doc).assumingMemoryBound(to: xmlNode.self)
        HTMLNode.traverse(from: top, document: self, enter: enter, leave: leave)
    }
}

extension HTMLNode {
    /// An opaque identity of this node (its libxml2 pointer), for tables keyed by node without holding the document.
    var identity: UnsafeMutableRawPointer { UnsafeMutableRawPointer(ptr) }

    /// Calls `body` with this text node's UTF-8 content in place (entity-decoded, no copy); empty for other nodes.
    func withTextBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard isText, let content = ptr.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: UnsafePointer(content), count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
    }
}

/// A fixed set of lowercase element names, matched on a node's name bytes (no `String` made per node).
struct TagNames: Sendable {
    /// NUL-terminated names, bucketed by first byte.
    private let buckets: [[[CChar]]]

    init(_ names: [String]) {
        var b = [[[CChar]]](repeating: [], count: 256)
        for n in names where !n.isEmpty { b[Int(n.utf8.first ?? 0)].append(Array(n.utf8CString)) }
        buckets = b
    }

    /// Whether `node` is an element with one of the names.
    func contains(_ node: HTMLNode) -> Bool {
        guard node.isElement, let name = node.ptr.pointee.name else { return false }
        let c = UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)
        for candidate in buckets[Int(name.pointee)] where candidate.withUnsafeBufferPointer({ $0.baseAddress.map { strcmp($0, c) == 0 } ?? false }) {
            return true
        }
        return false
    }
}
