internal import CLibXML2

/// Receives libxml2's SAX events as raw bytes (UTF-8, NUL-terminated names; libxml2 lowercases HTML names).
///
/// Subclass and override; the base class ignores everything. Pointers are valid only during the call.
/// Comments, processing instructions and script/style bodies are not delivered.
class HTMLSAXReceiver {
    init() {}
    /// An element starts. libxml2 balances the events: every start gets an end, also for auto-closed tags.
    func startElement(name: UnsafePointer<UInt8>, attributes: HTMLSAXAttributes) {}
    /// An element ends.
    func endElement(name: UnsafePointer<UInt8>) {}
    /// A run of text, entity-decoded (a long run may arrive in several calls).
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}

/// The flat attribute list of a SAX1 `startElement`: `[name, value, name, value, …, nil]`, values entity-decoded,
/// a valueless attribute has a nil value.
struct HTMLSAXAttributes {
    let raw: UnsafeMutablePointer<UnsafePointer<UInt8>?>?

    /// Calls `body(name, value)` for each attribute in source order.
    @inline(__always)
    func forEach(_ body: (UnsafePointer<UInt8>, UnsafePointer<UInt8>?) -> Void) {
        guard var p = raw else { return }
        while let name = p.pointee {
            let value = (p + 1).pointee
            body(name, value)
            p += 2
        }
    }

    var isEmpty: Bool { raw?.pointee == nil }
}

/// Streams HTML through libxml2's SAX parser without building a tree (`htmlCreateMemoryParserCtxt`).
enum HTMLSAXParser {
    /// Parses `bytes` read as `encoding` (always explicit; `<meta charset>` is ignored) and reports to `receiver`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String, receiver: HTMLSAXReceiver) throws(HTMLError) {
        guard bytes.count < Int(Int32.max) else { throw .inputTooLarge(bytes.count) }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        LibXML.prepare()
        guard let handler = xmlFindCharEncodingHandler(encoding) else { throw .unknownEncoding(encoding) }
        let ctxt: htmlParserCtxtPtr? = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            htmlCreateMemoryParserCtxt($0, Int32(bytes.count))
        }
        guard let ctxt else {
            xmlCharEncCloseFunc(handler)
            throw .parseFailed("libxml2 could not create a parser context")
        }
        defer { htmlFreeParserCtxt(ctxt) }
        var sax = htmlSAXHandler()
        sax.startElement = saxStart
        sax.endElement = saxEnd
        sax.characters = saxCharacters
        sax.ignorableWhitespace = saxCharacters
        clibxml2_sax_silence(&sax)
        ctxt.pointee.sax.pointee = sax
        ctxt.pointee.userData = Unmanaged.passUnretained(receiver).toOpaque()
        let opts = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        htmlCtxtUseOptions(ctxt, opts)
        xmlSwitchToEncoding(ctxt, handler)
        if let input = ctxt.pointee.input, input.pointee.encoding == nil {
            // As htmlCtxtReadMemory does: a set input encoding makes libxml2 ignore <meta charset>.
            input.pointee.encoding = UnsafePointer(xmlStrdup(encoding))
        }
        withExtendedLifetime(receiver) { _ = htmlParseDocument(ctxt) }
    }
}

@inline(__always)
private func receiver(_ ctx: UnsafeMutableRawPointer?) -> HTMLSAXReceiver? {
    guard let ctx else { return nil }
    return Unmanaged<HTMLSAXReceiver>.fromOpaque(ctx).takeUnretainedValue()
}

private let saxStart: startElementSAXFunc = { ctx, name, attrs in
    guard let name, let r = receiver(ctx) else { return }
    r.startElement(name: name, attributes: HTMLSAXAttributes(raw: attrs))
}

private let saxEnd: endElementSAXFunc = { ctx, name in
    guard let name, let r = receiver(ctx) else { return }
    r.endElement(name: name)
}

private let saxCharacters: charactersSAXFunc = { ctx, ch, len in
    guard let ch, len > 0, let r = receiver(ctx) else { return }
    r.characters(UnsafeBufferPointer(start: ch, count: Int(len)))
}
