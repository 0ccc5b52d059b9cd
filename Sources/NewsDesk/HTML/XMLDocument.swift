internal import CLibXML2
import Foundation

/// Why an XML document could not be used at all.
enum XMLParseError: Error, Equatable {
    /// libxml2 built no root element; the first parser error says why.
    case notWellFormed(String)
    /// The document's entities expand too much (billion laughs); libxml2 stopped parsing.
    case entityExpansion(String)
    case unknownEncoding(String)
    case inputTooLarge(Int)
}

/// A parsed XML document (feeds). It owns its libxml2 tree and frees it when released.
///
/// Parsed safely: `XML_PARSE_NONET`, no `XML_PARSE_NOENT` and no DTD loading, so external entities are never
/// fetched or expanded; libxml2's entity-amplification limit stops billion-laughs documents, which is an error
/// here. Recover mode keeps what parses of a broken document; `isComplete(_:)` tells whether an element was
/// closed before the input ended. Not Sendable: one document belongs to one task.
final class XMLDocument {
    let doc: xmlDocPtr
    /// Parser messages (`line N: message`), the first few only.
    let errors: [String]
    /// False when libxml2 had to recover from an error.
    let wellFormed: Bool
    /// The parser met bare `&` or undeclared entities (text was dropped there).
    let hadEntityProblems: Bool
    /// Elements still open when the input ended (a truncated document).
    private let unclosed: Set<xmlNodePtr>

    /// Parses `bytes` with the explicit `encoding` (never guessed; the XML declaration's own label is ignored).
    init(bytes: [UInt8], encoding: String, url: String?) throws(XMLParseError) {
        guard HTMLDocument.isKnownEncoding(encoding) else { throw .unknownEncoding(encoding) }
        guard bytes.count < Int(Int32.max) else { throw .inputTooLarge(bytes.count) }
        LibXML.prepare()
        guard let ctxt = xmlNewParserCtxt() else { throw .notWellFormed("libxml2 could not allocate a parser") }
        defer { xmlFreeParserCtxt(ctxt) }
        let collector = ErrorCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        ctxt.pointee._private = box.toOpaque()
        ctxt.pointee.sax.pointee.serror = xmlDocumentCollectError
        let opts = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_IGNORE_ENC.rawValue
            | XML_PARSE_COMPACT.rawValue)
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { c in
                xmlCtxtReadMemory(ctxt, c.baseAddress, Int32(c.count), url, encoding, opts)
            }
        }
        // Elements left on the parser's node stack were never closed: the input stopped inside them.
        var open = Set<xmlNodePtr>()
        if let tab = ctxt.pointee.nodeTab {
            for i in 0..<Int(max(0, ctxt.pointee.nodeNr)) { if let n = tab[i] { open.insert(n) } }
        }
        let messages = collector.messages
        if collector.entityLoop {
            if let parsed { xmlFreeDoc(parsed) }
            throw .entityExpansion(messages.first ?? "entity reference loop")
        }
        guard let parsed, xmlDocGetRootElement(parsed) != nil else {
            if let parsed { xmlFreeDoc(parsed) }
            throw .notWellFormed(messages.first ?? "no root element")
        }
        doc = parsed
        errors = messages
        wellFormed = ctxt.pointee.wellFormed != 0
        unclosed = open
        hadEntityProblems = collector.entityProblems
    }

    deinit { xmlFreeDoc(doc) }

    var root: XMLNode? { xmlDocGetRootElement(doc).map { XMLNode(document: self, ptr: $0) } }

    /// Whether the element and all its descendants were closed before the input ended.
    func isComplete(_ node: XMLNode) -> Bool {
        guard !unclosed.isEmpty else { return true }
        var p: xmlNodePtr? = node.ptr
        // It is incomplete when it, or anything inside it, is still open.
        for open in unclosed {
            p = open
            while let n = p { if n == node.ptr { return false }; p = n.pointee.parent }
        }
        return true
    }
}

@available(*, unavailable)
extension XMLDocument: Sendable {}

/// Collects parser errors for one parse (reached through the parser context's `_private`).
private final class ErrorCollector {
    var messages: [String] = []
    var entityLoop = false
    var entityProblems = false
}

private let xmlDocumentCollectError: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let priv = ctxt.pointee._private else { return }
    let collector = Unmanaged<ErrorCollector>.fromOpaque(priv).takeUnretainedValue()
    let code = error.pointee.code
    if code == Int32(XML_ERR_ENTITY_LOOP.rawValue) {
        collector.entityLoop = true
    }
    // Bare `&`, missing `;`, undeclared (HTML) entities: `XMLRepair` can fix these.
    if [22, 23, 26, 27, 68].contains(code) { collector.entityProblems = true }
    guard collector.messages.count < 8 else { return }
    let msg = error.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "error \(code)"
    collector.messages.append("line \(error.pointee.line): \(msg)")
}

/// An element (or other node) of an `XMLDocument`; holds its document strongly.
struct XMLNode {
    let document: XMLDocument
    let ptr: xmlNodePtr

    var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }

    /// The local name (without prefix).
    var localName: String { ptr.pointee.name.map { String(cString: $0) } ?? "" }

    /// The namespace URI, or "" for none.
    var namespace: String { ptr.pointee.ns?.pointee.href.map { String(cString: $0) } ?? "" }

    func `is`(_ local: String, _ ns: String) -> Bool { isElement && localName == local && namespace == ns }

    /// Child elements in order.
    var elements: [XMLNode] {
        var out: [XMLNode] = []
        var c = ptr.pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE { out.append(XMLNode(document: document, ptr: n)) }
            c = n.pointee.next
        }
        return out
    }

    /// Child elements with this local name in one of `namespaces`.
    func children(_ local: String, in namespaces: [String]) -> [XMLNode] {
        elements.filter { $0.localName == local && namespaces.contains($0.namespace) }
    }

    func child(_ local: String, in namespaces: [String]) -> XMLNode? {
        var c = ptr.pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE {
                let node = XMLNode(document: document, ptr: n)
                if node.localName == local && namespaces.contains(node.namespace) { return node }
            }
            c = n.pointee.next
        }
        return nil
    }

    /// Descendant elements in document order.
    func descendants(where predicate: (XMLNode) -> Bool) -> [XMLNode] {
        var out: [XMLNode] = []
        func walk(_ p: xmlNodePtr) {
            var c = p.pointee.children
            while let n = c {
                if n.pointee.type == XML_ELEMENT_NODE {
                    let node = XMLNode(document: document, ptr: n)
                    if predicate(node) { out.append(node) }
                    walk(n)
                }
                c = n.pointee.next
            }
        }
        walk(ptr)
        return out
    }

    /// An attribute without namespace.
    func attribute(_ name: String) -> String? { LibXML.takeString(xmlGetNoNsProp(ptr, name)) }

    /// An attribute in a namespace (`rdf:about`).
    func attribute(_ name: String, ns: String) -> String? { LibXML.takeString(xmlGetNsProp(ptr, name, ns)) }

    /// The base URL in effect here: `xml:base` on this node and its ancestors, resolved against the document URL.
    var baseURL: String? { LibXML.takeString(xmlNodeGetBase(document.doc, ptr)) }

    /// The text of this node and its descendants (text and CDATA). Internal entities declared in the document
    /// contribute their replacement text, at most 3 levels deep and 1 MiB in all; external entities contribute nothing.
    var text: String {
        var out: [UInt8] = []
        var budget = 1 << 20
        XMLNode.appendText(ptr, depth: 0, into: &out, budget: &budget)
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendText(_ p: xmlNodePtr, depth: Int, into out: inout [UInt8], budget: inout Int) {
        var c = p.pointee.children
        while let n = c, budget > 0 {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content {
                    let len = Int(strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)))
                    let take = min(len, budget)
                    out.append(contentsOf: UnsafeBufferPointer(start: content, count: take))
                    budget -= take
                }
            case XML_ELEMENT_NODE:
                appendText(n, depth: depth, into: &out, budget: &budget)
            case XML_ENTITY_REF_NODE:
                // children points at the xmlEntity declaration; only internal general entities are expanded.
                if depth < 3, let entPtr = n.pointee.children, entPtr.pointee.type == XML_ENTITY_DECL {
                    let ent = UnsafeMutableRawPointer(entPtr).assumingMemoryBound(to: xmlEntity.self)
                    if ent.pointee.etype == XML_INTERNAL_GENERAL_ENTITY {
                        appendText(entPtr, depth: depth + 1, into: &out, budget: &budget)
                    }
                }
            default:
                break
            }
            c = n.pointee.next
        }
    }
}

@available(*, unavailable)
extension XMLNode: Sendable {}
