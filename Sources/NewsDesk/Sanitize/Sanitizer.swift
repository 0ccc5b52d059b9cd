/// Cleans HTML (a fragment or a whole page) into a fragment a browser renders as the article and nothing more.
///
/// Streams libxml2's SAX parser (no tree) and writes the output as bytes: allowlisted tags and attributes only,
/// everything else unwrapped or removed with its content per ``SanitizePolicy``; URLs resolved, scheme-checked,
/// cleaned of tracking parameters; lazy images resolved, proxies unwrapped, tracking pixels dropped. The output
/// is HTML5-safe (every attribute double-quoted, `&`, `<`, `>` and `"` escaped, no raw-text element) and
/// sanitizing is idempotent. A Sendable value: share one across tasks; each call parses on its own.
public struct Sanitizer: Sendable {
    public let policy: SanitizePolicy
    let compiled: CompiledPolicy
    let rules: URLRules
    /// Whether script/style contents are cut before libxml2 reads a UTF-8 page (``RawTextStripper``); tests turn
    /// it off to compare.
    var stripsRawText = true

    /// A sanitizer for `policy` (use `SanitizePolicy.default.applying(...)` to extend the default).
    public init(policy: SanitizePolicy = .default) {
        self.policy = policy
        compiled = CompiledPolicy(policy)
        rules = URLRules(policy: policy)
    }

    /// One image URL as the sanitizer would write it (resolved, proxies unwrapped, resize and tracking parameters
    /// dropped), or nil when the policy refuses it (bad scheme, beacon). The extractor uses this for lead images.
    public func imageURL(_ raw: String, baseURL: String?) -> String? {
        imageRules.url(raw, base: baseURL)
    }

    /// The image rules of this sanitizer's policy, as a value the extractor and the pipeline hold.
    public var imageRules: ImageURLRules { ImageURLRules(rules: rules) }

    /// Sanitizes a UTF-8 string. `baseURL` (http or https) resolves relative URLs; `<base href>` overrides it.
    public func sanitize(html: String, baseURL: String?) -> SanitizedHTML {
        var s = html
        return s.withUTF8 { utf8 in
            // A String is valid UTF-8 but may hold NUL, at which libxml2 stops: the decoder replaces it (U+FFFD).
            guard utf8.contains(0) else { return run(utf8, encoding: "UTF-8", baseURL: baseURL) }
            return UTF8Transcoder.utf8(Array(utf8)).bytes.withUnsafeBufferPointer { run($0, encoding: "UTF-8", baseURL: baseURL) }
        }
    }

    /// Sanitizes a decoded page (`CharsetDecoder`): its charset came from the header, `<meta>` or sniffing, as for
    /// every other stage. `baseURL` (http or https) resolves relative URLs; `<base href>` overrides it.
    public func sanitize(page: DecodedPage, baseURL: String?) -> SanitizedHTML {
        guard CharsetLabels.isUTF8(page.charset) else {
            // A page built by hand in another charset: converted the same way first.
            let utf8 = UTF8Transcoder.transcode(page.bytes, from: page.charset) ?? UTF8Transcoder.utf8(page.bytes)
            return utf8.bytes.withUnsafeBufferPointer { run($0, encoding: "UTF-8", baseURL: baseURL) }
        }
        return page.bytes.withUnsafeBufferPointer { run($0, encoding: "UTF-8", baseURL: baseURL) }
    }

    /// Sanitizes bytes in `charset` (any iconv name; `euc-kr` and its aliases are read as CP949, its superset).
    /// The bytes are converted to UTF-8 by the decode stage's transcoder first, so an invalid sequence becomes
    /// U+FFFD and never ends the page.
    ///
    /// - Throws: `SanitizeError.unknownCharset` when the charset is unknown, `.inputTooLarge` above 2 GiB.
    public func sanitize(bytes: some Collection<UInt8>, charset: String, baseURL: String?) throws -> SanitizedHTML {
        // The decode stage's one label table (`CharsetLabels`): every Korean label is read as CP949.
        guard let encoding = CharsetLabels.normalize(charset), HTMLDocument.isKnownEncoding(encoding) else {
            throw SanitizeError.unknownCharset(charset)
        }
        guard bytes.count < Int(Int32.max) else { throw SanitizeError.inputTooLarge(bytes.count) }
        guard let utf8 = UTF8Transcoder.transcode(Array(bytes), from: encoding) else { throw SanitizeError.unknownCharset(charset) }
        return utf8.bytes.withUnsafeBufferPointer { run($0, encoding: "UTF-8", baseURL: baseURL) }
    }

    /// Sanitizes a node of a document the caller already holds (serialized by libxml2, then streamed).
    public func sanitize(node: HTMLNode, baseURL: String?) -> SanitizedHTML {
        sanitize(html: node.outerHTML, baseURL: baseURL)
    }

    private func run(_ input: UnsafeBufferPointer<UInt8>, encoding: String, baseURL: String?) -> SanitizedHTML {
        var bytes = input
        let utf8 = encoding.uppercased() == "UTF-8"
        if utf8, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes = UnsafeBufferPointer(rebasing: bytes[3...])
        }
        let engine = SanitizeEngine(policy: compiled, rules: rules, baseURL: baseURL, capacity: bytes.count)
        // The encoding was checked by the callers; a failure here leaves the output empty (nothing unsafe).
        if utf8, stripsRawText, let stripped = RawTextStripper.strip(bytes) {
            stripped.withUnsafeBufferPointer { try? HTMLSAXParser.parse($0, encoding: encoding, receiver: engine) }
        } else {
            try? HTMLSAXParser.parse(bytes, encoding: encoding, receiver: engine)
        }
        var result = engine.finish()
        result.report.inputBytes = input.count
        return result
    }
}
