internal import CLibXML2
import Foundation

/// A node in an `HTMLDocument`. It holds its document strongly, so it can never outlive the tree.
///
/// After `remove()` the node and its descendants are freed: do not use that value (or values of its
/// descendants) again. Walkers that remove nodes save `next` first.
public struct HTMLNode {
    /// The document that owns this node.
    public let document: HTMLDocument
    let ptr: xmlNodePtr

    init(document: HTMLDocument, ptr: xmlNodePtr) {
        self.document = document
        self.ptr = ptr
    }

    /// The kind of a node.
    public enum Kind: Sendable, Equatable {
        case element, text, cdata, comment, document, other
    }

    public var kind: Kind {
        switch ptr.pointee.type {
        case XML_ELEMENT_NODE: return .element
        case XML_TEXT_NODE: return .text
        case XML_CDATA_SECTION_NODE: return .cdata
        case XML_COMMENT_NODE: return .comment
        case XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE: return .document
        default: return .other
        }
    }

    public var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }
    public var isText: Bool { ptr.pointee.type == XML_TEXT_NODE || ptr.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element name as libxml2 stores it (lowercase for HTML), or "#text" etc.
    public var name: String {
        guard let n = ptr.pointee.name else { return "" }
        return String(cString: n)
    }

    /// Compares the node name to an ASCII lowercase name without allocating.
    public func hasName(_ lower: StaticString) -> Bool {
        NodeRef(self).hasName(lower)
    }

    // MARK: Navigation

    public var parent: HTMLNode? { ptr.pointee.parent.flatMap { p in p.pointee.type == XML_ELEMENT_NODE ? HTMLNode(document: document, ptr: p) : nil } }
    public var firstChild: HTMLNode? { ptr.pointee.children.map { HTMLNode(document: document, ptr: $0) } }
    public var lastChild: HTMLNode? { ptr.pointee.last.map { HTMLNode(document: document, ptr: $0) } }
    public var next: HTMLNode? { ptr.pointee.next.map { HTMLNode(document: document, ptr: $0) } }
    public var previous: HTMLNode? { ptr.pointee.prev.map { HTMLNode(document: document, ptr: $0) } }

    /// All child nodes (elements, text, comments), in order.
    public var children: [HTMLNode] {
        var out: [HTMLNode] = []
        var c = ptr.pointee.children
        while let n = c { out.append(HTMLNode(document: document, ptr: n)); c = n.pointee.next }
        return out
    }

    /// Child elements only.
    public var elementChildren: [HTMLNode] { children.filter(\.isElement) }

    /// The first child element with this (lowercase) name.
    public func firstChild(named name: String) -> HTMLNode? {
        var c = ptr.pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE, let nm = n.pointee.name, String(cString: nm) == name {
                return HTMLNode(document: document, ptr: n)
            }
            c = n.pointee.next
        }
        return nil
    }

    /// Descendant elements in document order (depth first), not including self.
    public func descendants(where predicate: (HTMLNode) -> Bool = { _ in true }) -> [HTMLNode] {
        var out: [HTMLNode] = []
        func walk(_ p: xmlNodePtr) {
            var c = p.pointee.children
            while let n = c {
                if n.pointee.type == XML_ELEMENT_NODE {
                    let node = HTMLNode(document: document, ptr: n)
                    if predicate(node) { out.append(node) }
                    walk(n)
                }
                c = n.pointee.next
            }
        }
        walk(ptr)
        return out
    }

    /// Whether `other` is this node or inside it.
    public func contains(_ other: HTMLNode) -> Bool {
        var p: xmlNodePtr? = other.ptr
        while let n = p { if n == ptr { return true }; p = n.pointee.parent }
        return false
    }

    // MARK: Attributes

    public func attribute(_ name: String) -> String? {
        guard isElement else { return nil }
        return LibXML.takeString(xmlGetProp(ptr, name))
    }

    public func hasAttribute(_ name: String) -> Bool {
        isElement && xmlHasProp(ptr, name) != nil
    }

    /// All attributes as (name, value) pairs in source order.
    public var attributes: [(name: String, value: String)] {
        guard isElement else { return [] }
        var out: [(String, String)] = []
        var a = ptr.pointee.properties
        while let attr = a {
            let n = attr.pointee.name.map { String(cString: $0) } ?? ""
            let v = LibXML.takeString(xmlNodeGetContent(UnsafeMutableRawPointer(attr).assumingMemoryBound(to: xmlNode.self))) ?? ""
            out.append((n, v))
            a = attr.pointee.next
        }
        return out
    }

    public func setAttribute(_ name: String, _ value: String) {
        guard isElement else { return }
        xmlSetProp(ptr, name, value)
    }

    public func removeAttribute(_ name: String) {
        guard isElement, let a = xmlHasProp(ptr, name) else { return }
        xmlRemoveProp(a)
    }

    /// Removes every attribute for which `shouldRemove(name, value)` is true.
    public func removeAttributes(where shouldRemove: (String, String) -> Bool) {
        guard isElement else { return }
        var a = ptr.pointee.properties
        while let attr = a {
            let next = attr.pointee.next
            let n = attr.pointee.name.map { String(cString: $0) } ?? ""
            let v = LibXML.takeString(xmlNodeGetContent(UnsafeMutableRawPointer(attr).assumingMemoryBound(to: xmlNode.self))) ?? ""
            if shouldRemove(n, v) { xmlRemoveProp(attr) }
            a = next
        }
    }

    // MARK: Text

    /// The text of this node and its descendants, entity-decoded.
    public var textContent: String { LibXML.takeString(xmlNodeGetContent(ptr)) ?? "" }

    /// Replaces the content of a text node.
    public func setText(_ text: String) {
        xmlNodeSetContent(ptr, nil)
        xmlNodeAddContent(ptr, text)
    }

    // MARK: Mutation

    /// Unlinks this node and frees it with its descendants. Do not use this value afterwards.
    public func remove() {
        xmlUnlinkNode(ptr)
        xmlFreeNode(ptr)
    }

    /// Takes this node out of the tree, leaving an empty comment in its place, and returns that placeholder; nil (the
    /// node left where it is) when libxml2 cannot allocate one. The node is not freed: `putBack(replacing:)` restores
    /// it where it was, `free()` frees it (a detached node that is neither leaks).
    func detach() -> HTMLNode? {
        guard let placeholder = xmlNewDocComment(ptr.pointee.doc, nil) else { return nil }
        xmlReplaceNode(ptr, placeholder)
        return HTMLNode(document: document, ptr: placeholder)
    }

    /// Puts a node taken out with `detach()` back where its placeholder is, and frees the placeholder.
    func putBack(replacing placeholder: HTMLNode) {
        xmlReplaceNode(placeholder.ptr, ptr)
        xmlFreeNode(placeholder.ptr)
    }

    /// Frees a node that is not in the tree (taken out with `detach()`) with its descendants.
    func free() { xmlFreeNode(ptr) }

    /// Replaces this element by its children (keeps their text), then frees it.
    public func unwrap() {
        var c = ptr.pointee.children
        while let n = c {
            let next = n.pointee.next
            xmlUnlinkNode(n)
            xmlAddPrevSibling(ptr, n)
            c = next
        }
        remove()
    }

    /// Appends `child` (unlinking it from where it was).
    public func append(_ child: HTMLNode) {
        xmlUnlinkNode(child.ptr)
        xmlAddChild(ptr, child.ptr)
    }

    /// Inserts `node` before this node.
    public func insertBefore(_ node: HTMLNode) {
        xmlUnlinkNode(node.ptr)
        xmlAddPrevSibling(ptr, node.ptr)
    }

    /// Renames the element (e.g. `b` → `strong`).
    public func rename(_ name: String) { xmlNodeSetName(ptr, name) }

    // MARK: Query and output

    /// XPath relative to this node.
    public func select(xpath: String) throws(HTMLError) -> [HTMLNode] {
        try document.select(xpath: xpath, from: self)
    }

    /// The node serialized as UTF-8 HTML (libxml2's HTML serializer).
    public var outerHTML: String { HTMLSerializer.libxmlDump(self) }

    /// The children serialized as UTF-8 HTML.
    public var innerHTML: String { HTMLSerializer.libxmlDumpChildren(self) }
}

@available(*, unavailable)
extension HTMLNode: Sendable {}

extension HTMLNode: Equatable {
    public static func == (a: HTMLNode, b: HTMLNode) -> Bool { a.ptr == b.ptr }
}

extension HTMLNode: Hashable {
    public func hash(into h: inout Hasher) { h.combine(UInt(bitPattern: ptr)) }
}
