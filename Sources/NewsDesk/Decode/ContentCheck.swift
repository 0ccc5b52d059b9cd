import Foundation

/// What a fetched (or read) resource is expected to be, which decides the content types it may have.
public enum PageKind: String, Sendable {
    /// An article page: HTML or XHTML only.
    case article
    /// A source's feed: RSS, Atom, RDF, JSON Feed, or an HTML section page.
    case feed
}

/// Decides whether a resource is what its kind allows, from the response's Content-Type and the bytes themselves.
///
/// An article page must be `text/html` or `application/xhtml+xml` (or come without a type, as a saved file does), and
/// its bytes must not be a binary (`BinarySniffer`). A feed may be any XML or JSON type, HTML, `text/plain` or
/// `application/octet-stream` (servers label feeds loosely; the feed parser decides), but not a binary or another
/// type (an image, a PDF). `*/*`, `unknown/unknown` and `application/unknown` count as no type (WHATWG MIME Sniffing).
enum ContentCheck {
    static let articleTypes: Set<String> = ["application/xhtml+xml", "text/html"]
    static let feedTypes: Set<String> = ["application/json", "application/octet-stream", "application/xml", "binary/octet-stream",
                                         "text/html", "text/json", "text/plain", "text/xml"]
    static let noType: Set<String> = ["*/*", "application/unknown", "unknown/unknown"]

    /// The media type to name in the refusal (`not an HTML page (application/pdf)`), nil when the resource is acceptable.
    static func refusal(contentType: String?, bytes: [UInt8], kind: PageKind, textIsUTF16: Bool = false) -> String? {
        let declared = mediaType(contentType)
        if let declared {
            switch kind {
            case .article where !articleTypes.contains(declared):
                return declared
            case .feed where !(feedTypes.contains(declared) || declared.hasSuffix("+xml") || declared.hasSuffix("+json")):
                return declared
            default: break
            }
        }
        return BinarySniffer.sniff(bytes, textIsUTF16: textIsUTF16)
    }

    /// The essence of a Content-Type value, lower-cased (`text/html`), nil when absent, malformed or "no type".
    static func mediaType(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        let essence = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let type = essence.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = type.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !noType.contains(type) else { return nil }
        return type
    }
}
