internal import CLibXML2

/// Turns nodes back into UTF-8 HTML.
enum HTMLSerializer {
    /// libxml2's own HTML dump of one node, in UTF-8 (`htmlNodeDumpFormatOutput`, not `htmlDocDumpMemory`).
    static func libxmlDump(_ node: HTMLNode) -> String { libxmlDump(node.document, first: node.ptr, siblings: false) }

    /// `node`'s children serialized into one buffer (one output buffer, not one per child).
    static func libxmlDumpChildren(_ node: HTMLNode) -> String {
        guard let first = node.ptr.pointee.children else { return "" }
        return libxmlDump(node.document, first: first, siblings: true)
    }

    private static func libxmlDump(_ document: HTMLDocument, first: xmlNodePtr, siblings: Bool) -> String {
        guard let buf = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buf) }
        guard let out = xmlOutputBufferCreateBuffer(buf, nil) else { return "" }
        var cursor: xmlNodePtr? = first
        while let n = cursor {
            htmlNodeDumpFormatOutput(out, document.doc, n, "UTF-8", 0)
            cursor = siblings ? n.pointee.next : nil
        }
        xmlOutputBufferClose(out)
        guard let content = xmlBufferContent(buf) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buf))), as: UTF8.self)
    }
}
