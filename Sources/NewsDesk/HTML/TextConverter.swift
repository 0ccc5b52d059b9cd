internal import CLibXML2

/// Converts bytes in a named charset to a String through libxml2's iconv-backed encoding handlers.
enum TextConverter {
    struct UnknownCharset: Error {}

    /// Converts `bytes` from `charset`; sequences iconv rejects become U+FFFD and conversion goes on.
    static func convert(_ bytes: [UInt8], from charset: String) throws(UnknownCharset) -> String {
        LibXML.prepare()
        guard let handler = xmlFindCharEncodingHandler(charset) else { throw UnknownCharset() }
        defer { xmlCharEncCloseFunc(handler) }
        guard !bytes.isEmpty else { return "" }
        guard let input = xmlBufferCreateSize(bytes.count + 1), let output = xmlBufferCreateSize(bytes.count * 2 + 16) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        defer { xmlBufferFree(input); xmlBufferFree(output) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count * 3 / 2)
        let chunk = 64 * 1024
        var offset = 0
        while offset < bytes.count || xmlBufferLength(input) > 0 {
            // Feed the input in chunks so a bad byte is found near where it is.
            if offset < bytes.count, xmlBufferLength(input) < Int32(chunk) {
                let n = min(chunk, bytes.count - offset)
                bytes.withUnsafeBufferPointer { b in
                    _ = xmlBufferAdd(input, b.baseAddress.map { $0 + offset }, Int32(n))
                }
                offset += n
            }
            let before = xmlBufferLength(input)
            _ = xmlCharEncInFunc(handler, output, input)
            if let c = xmlBufferContent(output) {
                result.append(contentsOf: UnsafeBufferPointer(start: c, count: Int(xmlBufferLength(output))))
            }
            xmlBufferEmpty(output)
            let after = xmlBufferLength(input)
            if after > 0, after == before {
                // No progress: a byte iconv cannot read (or a sequence cut at the very end).
                if offset < bytes.count, after < 8 { continue }  // maybe just cut at the chunk edge: add more input
                xmlBufferShrink(input, 1)
                result.append(contentsOf: [0xEF, 0xBF, 0xBD])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
