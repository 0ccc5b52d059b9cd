/// Errors of the decode stage: a charset NewsDesk cannot read.
public enum DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// iconv (through libxml2) does not know the charset.
    case unknownCharset(charset: String, url: String)

    public var description: String {
        switch self {
        case .unknownCharset(let charset, let url):
            return "decode: \(url): charset \"\(charset)\" is unknown to iconv; set `charset:` for this source in feeds.yaml "
                + "to a name iconv knows (UTF-8, CP949, windows-1252, …)"
        }
    }
}
