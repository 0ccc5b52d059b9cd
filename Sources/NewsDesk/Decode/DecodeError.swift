/// Errors of the decode stage: a charset NewsDesk cannot read, or a resource that is not what its kind allows.
public enum DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// iconv (through libxml2) does not know the charset.
    case unknownCharset(charset: String, url: String)
    /// An article link or file is not an HTML page (its Content-Type, or its bytes: a PDF, an image, an executable).
    case notHTML(url: String, mediaType: String)
    /// A source's feed URL serves something no feed is (an image, a PDF, a binary).
    case notAFeed(url: String, mediaType: String)

    public var description: String {
        switch self {
        case .unknownCharset(let charset, let url):
            return "decode: \(url): charset \"\(charset)\" is unknown to iconv; set `charset:` for this source in feeds.yaml "
                + "to a name iconv knows (UTF-8, CP949, windows-1252, …)"
        case .notHTML(let url, let mediaType):
            return "decode: \(url): not an HTML page (\(mediaType)); only text/html and application/xhtml+xml pages are read "
                + "as articles (if this one is HTML, its server labels it wrongly)"
        case .notAFeed(let url, let mediaType):
            return "decode: \(url): not a feed (\(mediaType)); a source must serve RSS, Atom, RDF, JSON Feed or an HTML section "
                + "page (check the source's url: in feeds.yaml)"
        }
    }
}
