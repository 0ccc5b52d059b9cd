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
    /// libxml2 met `</name>` while `<name>` is open but not the current element (its "Opening and ending tag
    /// mismatch" error). It then ends the elements in between, with their end events, or, when one of them outranks
    /// `name` (`div`, `td`, `tr`, `table` … inside an inline or form element), ignores the end tag and keeps all open.
    func endTagMismatch(name: UnsafePointer<UInt8>) {}
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
        // Errors reach the per-thread structured handler (the SAX error slots are off): listen for tag mismatches
        // during this parse, then silence it again.
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(receiver).toOpaque(), saxStructuredError)
        defer { clibxml2_silence_errors() }
        withExtendedLifetime(receiver) { _ = htmlParseDocument(ctxt) }
    }
}

private let saxStructuredError: xmlStructuredErrorFunc = { ctx, error in
    // Only "Opening and ending tag mismatch: END and OPEN" names both elements (str2). The same code with one name is
    // "Unexpected end tag" (nothing open to end) or, inside script/style, "Element script embeds close tag" (a
    // `'</div>'` in a script string): libxml2 keeps reading the raw text, so nothing may end there.
    guard let error, error.pointee.code == Int32(XML_ERR_TAG_NAME_MISMATCH.rawValue), let name = error.pointee.str1,
          error.pointee.str2 != nil, let r = receiver(ctx) else { return }
    name.withMemoryRebound(to: UInt8.self, capacity: 1) { r.endTagMismatch(name: UnsafePointer($0)) }
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
