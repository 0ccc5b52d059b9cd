internal import CLibXML2

/// Turns nodes back into UTF-8 HTML.
enum HTMLSerializer {
    /// libxml2's own HTML dump of one node, in UTF-8 (`htmlNodeDumpFormatOutput`, not `htmlDocDumpMemory`).
    static func libxmlDump(_ node: HTMLNode) -> String {
        guard let buf = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buf) }
        guard let out = xmlOutputBufferCreateBuffer(buf, nil) else { return "" }
        htmlNodeDumpFormatOutput(out, node.document.doc, node.ptr, "UTF-8", 0)
        xmlOutputBufferClose(out)
        guard let content = xmlBufferContent(buf) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buf))), as: UTF8.self)
    }
}
