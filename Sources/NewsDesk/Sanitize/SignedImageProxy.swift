/// The operator's signed image proxy (camo/imgproxy style): every image URL is rewritten into `template` with the
/// original URL and an HMAC-SHA256 signature of it.
///
/// Placeholders: `{url}` (percent-encoded original), `{url_b64}` (base64url, no padding), `{url_hex}` (hex of the
/// UTF-8 bytes), `{sig}` (HMAC-SHA256 of the original URL's UTF-8 bytes under the key; hex or base64url).
public struct SignedImageProxy: Sendable, Equatable {
    /// How `{sig}` is written.
    public enum SignatureEncoding: String, Sendable, Equatable { case hex, base64url }

    public let template: String
    public let signatureEncoding: SignatureEncoding
    let key: [UInt8]
    /// The template's fixed start (up to the first placeholder): URLs starting with it are already proxied.
    let prefix: String

    /// - Throws: `SanitizeError.invalidPolicy` when the template is not an http(s) URL with `{sig}` and a URL
    ///   placeholder, or the encoding is neither `hex` nor `base64url`.
    public init(template: String, key: [UInt8], signatureEncoding: String = "hex") throws {
        guard let enc = SignatureEncoding(rawValue: signatureEncoding.lowercased()) else {
            throw SanitizeError.invalidPolicy("signed_proxy.signature_encoding \"\(signatureEncoding)\": use hex or base64url")
        }
        guard template.contains("{sig}"), ["{url}", "{url_b64}", "{url_hex}"].contains(where: template.contains) else {
            throw SanitizeError.invalidPolicy("signed_proxy.template \"\(template)\" needs {sig} and one of {url}, {url_b64}, {url_hex}")
        }
        guard let s = URLCleaner.scheme(of: template), s == "http" || s == "https" else {
            throw SanitizeError.invalidPolicy("signed_proxy.template \"\(template)\" must be an http(s) URL")
        }
        guard !key.isEmpty else { throw SanitizeError.invalidPolicy("signed_proxy: the key is empty") }
        self.template = template
        self.key = key
        self.signatureEncoding = enc
        prefix = String(template[..<(template.firstIndex(of: "{") ?? template.endIndex)])
    }

    /// The proxied URL for `original`.
    public func url(for original: String) -> String {
        let mac = HMACSHA256.mac(key: key, message: original.utf8)
        let sig = signatureEncoding == .hex ? ByteEncoding.hex(mac) : ByteEncoding.base64url(mac)
        var s = template.replacingAll("{sig}", with: sig)
        if s.contains("{url}") { s = s.replacingAll("{url}", with: Self.percentEncode(original)) }
        if s.contains("{url_b64}") { s = s.replacingAll("{url_b64}", with: ByteEncoding.base64url(Array(original.utf8))) }
        if s.contains("{url_hex}") { s = s.replacingAll("{url_hex}", with: ByteEncoding.hex(original.utf8)) }
        return s
    }

    /// Whether `url` already points at this proxy (keeps sanitizing idempotent).
    func isProxied(_ url: String) -> Bool { !prefix.isEmpty && url.hasPrefix(prefix) }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    static func percentEncode(_ s: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for b in s.utf8 {
            switch b {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E: out.append(b)
            default: out += [0x25, hex[Int(b >> 4)], hex[Int(b & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let r = rest.range(of: target) {
            result += rest[..<r.lowerBound]
            result += replacement
            rest = rest[r.upperBound...]
        }
        return result + rest
    }
}
