import Foundation
import NewsDesk

/// Properties of the sanitizer's output, checked on any input:
/// - idempotence: `sanitize(sanitize(x)) == sanitize(x)`;
/// - nothing is silently cut: a paragraph after the input (once what it left open is closed) is kept;
/// - the output is in the sanitizer's canonical form, read by a strict tokenizer written here (not libxml2): text with
///   `&`, `<`, `>` escaped (only `&amp;` `&lt;` `&gt;` `&quot;`), lowercase tags, every attribute double-quoted, no
///   comment, doctype, CDATA or NUL;
/// - no forbidden construct, judged on those tokens and again on the tree libxml2 builds from the output: only
///   allowlisted tags and attributes, no `on*`/`style`/`data-*`/tracking attribute, link URLs http/https/mailto,
///   image and `cite` URLs http/https (schemes read as a browser's URL parser does), `rel` on every link, no
///   tracking pixel, no tracking query parameter.
public enum SanitizeProperties {
    /// The variants a fuzz input selects with its first byte: base URL × policy × input path.
    static let bases: [String?] = ["https://news.example.com/2024/article.html", nil, "http://m.site.example/a/b/c?x=1#f"]
    static let paths = ["string", "bytes-utf8", "bytes-cp949"]

    /// The default policy and one configured the way an operator might: an iframe host, extra tracking attributes
    /// and parameters, a beacon host, an allowed extra tag, a signed image proxy.
    static let sanitizers: [Sanitizer] = {
        let overrides = SanitizeOverrides(extraTrackingAttributes: ["x-track", "ga-*"], extraTrackingParameters: ["sid", "trk"],
                                          iframeHosts: ["youtube.com"], beaconHosts: ["pixel.example.org"], allowTags: ["center"],
                                          removeTags: ["aside"],
                                          signedProxy: SignedProxyConfig(template: "https://img.proxy.example/{sig}/{url_b64}",
                                                                         keyEnv: "FUZZ_PROXY_KEY"))
        let configured = (try? SanitizePolicy.default.applying(overrides, environment: ["FUZZ_PROXY_KEY": "fuzz-key"])) ?? .default
        return [Sanitizer(), Sanitizer(policy: configured)]
    }()

    /// Checks one fuzz input: byte 0 picks the variant, the rest is the HTML.
    public static func check(_ bytes: [UInt8]) -> [String] {
        var input = FuzzInput(bytes)
        let variant = input.choose(bases.count * sanitizers.count * paths.count)
        let base = bases[variant % bases.count]
        let sanitizer = sanitizers[(variant / bases.count) % sanitizers.count]
        let path = paths[variant / (bases.count * sanitizers.count)]
        let html = input.payload
        let out: SanitizedHTML
        switch path {
        case "string": out = sanitizer.sanitize(html: String(decoding: html, as: UTF8.self), baseURL: base)
        case "bytes-utf8":
            guard let r = try? sanitizer.sanitize(bytes: html, charset: "UTF-8", baseURL: base) else { return ["sanitize(bytes:charset: UTF-8) threw"] }
            out = r
        default:
            guard let r = try? sanitizer.sanitize(bytes: html, charset: "euc-kr", baseURL: base) else { return ["sanitize(bytes:charset: euc-kr) threw"] }
            out = r
        }
        var problems = check(output: out.html, sanitizer: sanitizer, baseURL: base)
        if let lost = keepsWhatFollows(html, path: path, sanitizer: sanitizer, baseURL: base) { problems.append(lost) }
        return problems
    }

    static let marker = "NEWSDESK-MARKER-PARAGRAPH"

    /// Nothing after an element is lost: the input followed by whatever closes what it left open (quotes, a comment,
    /// each removed element as often as it was opened) and a marker paragraph must keep the marker in the text.
    /// Skipped where content may rightly vanish to the end (hidden elements, `<plaintext>`), and, until the decoder
    /// converts pages to UTF-8 (issue 13), for NUL bytes and legacy charsets, where libxml2 itself stops.
    static func keepsWhatFollows(_ html: [UInt8], path: String, sanitizer: Sanitizer, baseURL: String?) -> String? {
        let lower = String(decoding: html, as: UTF8.self).lowercased()
        if ["hidden", "display", "visibility", "plaintext"].contains(where: lower.contains) { return nil }
        let decodesFirst = DecodeProperties.convertsToUTF8(DecodedPage(url: "", bytes: [], charset: "UTF-8", charsetSource: .override))
        if !decodesFirst && (path == "bytes-cp949" || html.contains(0)) { return nil }
        // `"'>` ends a quoted or unquoted attribute value and the tag; `">` again for a value the first quote opened
        // (`<e w=` at the end); `]]>` and `-->` end a CDATA section or a comment.
        var suffix = "\"'>\">]]>-->"
        let removed = sanitizer.policy.removeWithContent.union(SanitizePolicy.neverAllowedTags).union(["iframe", "noscript", "head"])
        // script and style first: libxml2 reads their content as raw text up to their own end tag, so an end tag for
        // anything else written while one is open would be swallowed.
        for name in ["script", "style"] + removed.subtracting(["script", "style"]).sorted() {
            let opened = lower.components(separatedBy: "<" + name).count - 1
            if opened > 0 { suffix += String(repeating: "</\(name)>", count: opened) }
        }
        suffix += "<p>\(marker)</p>"
        let input = html + Array(suffix.utf8)
        let text: String
        switch path {
        case "string": text = sanitizer.sanitize(html: String(decoding: input, as: UTF8.self), baseURL: baseURL).text
        case "bytes-utf8": text = (try? sanitizer.sanitize(bytes: input, charset: "UTF-8", baseURL: baseURL).text) ?? ""
        default: text = (try? sanitizer.sanitize(bytes: input, charset: "euc-kr", baseURL: baseURL).text) ?? ""
        }
        return Array(text.utf8).firstRange(of: Array(marker.utf8)) != nil ? nil : "text lost: a paragraph after the input (and closing suffix) is missing; text ends \(String(text.suffix(80)).debugDescription)"
    }

    /// The output properties, for any sanitizer output (the extract target uses them on cleaned bodies).
    public static func check(output html: String, sanitizer: Sanitizer, baseURL: String?) -> [String] {
        var problems: [String] = []
        let again = sanitizer.sanitize(html: html, baseURL: baseURL).html
        if again != html {
            problems.append("not idempotent: sanitize(out) differs at byte \(firstDifference(html, again)): \(excerpt(html, again))")
        }
        let checker = OutputChecker(policy: sanitizer.policy)
        switch StrictHTML.tokenize(html) {
        case .failure(let why): problems.append("output not in canonical form: \(why)")
        case .success(let tokens):
            for t in tokens { if case .start(let name, let attrs) = t { problems += checker.element(name, attrs, via: "tokens") } }
        }
        if let doc = try? HTMLDocument(html: html), let root = doc.root {
            for node in [root] + root.descendants(where: \.isElement) {
                let name = node.name.lowercased()
                if name == "html" || name == "body" { continue }
                problems += checker.element(name, node.attributes.map { ($0.name.lowercased(), $0.value) }, via: "libxml2 tree")
            }
        }
        return problems
    }

    static func firstDifference(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        var i = 0
        while i < x.count, i < y.count, x[i] == y[i] { i += 1 }
        return i
    }

    static func excerpt(_ a: String, _ b: String) -> String {
        let i = firstDifference(a, b)
        func around(_ s: String) -> String {
            let u = Array(s.utf8)
            let lo = max(0, i - 40), hi = min(u.count, i + 40)
            return lo < hi ? String(decoding: u[lo..<hi], as: UTF8.self) : ""
        }
        return "first \"\(around(a))\" then \"\(around(b))\""
    }
}

/// Judges one output element against the policy. Independent of the sanitizer's own tables where it can be:
/// the forbidden lists are the policy's public ones plus what no browser-facing fragment may hold.
struct OutputChecker {
    let policy: SanitizePolicy

    static let urlAttributes: Set<String> = ["href", "src", "cite", "action", "formaction", "background", "poster", "data",
                                             "codebase", "longdesc", "usemap", "xlink:href", "srcset", "ping", "lowsrc", "dynsrc"]

    func element(_ name: String, _ attributes: [(String, String)], via: String) -> [String] {
        var p: [String] = []
        let iframeAllowed = name == "iframe" && !policy.iframeHosts.isEmpty
        if policy.allowedTags[name] == nil && !iframeAllowed {
            p.append("\(via): element <\(name)> is not allowlisted")
        }
        if SanitizePolicy.neverAllowedTags.contains(name) && !iframeAllowed {
            p.append("\(via): never-allowed element <\(name)>")
        }
        var allowed = (policy.allowedTags[name] ?? []).union(policy.globalAttributes)
        if name == "a" { allowed.insert("rel") }
        if iframeAllowed { allowed = ["src", "width", "height", "sandbox", "allowfullscreen", "referrerpolicy"] }
        var seen = Set<String>()
        for (attr, value) in attributes {
            if !seen.insert(attr).inserted { p.append("\(via): <\(name)> has attribute \(attr) twice") }
            if !allowed.contains(attr) { p.append("\(via): <\(name)> keeps attribute \(attr)") }
            if attr.hasPrefix("on") { p.append("\(via): <\(name)> keeps handler \(attr)") }
            if attr == "style" || SanitizePolicy.neverAllowedAttributes.contains(attr) { p.append("\(via): <\(name)> keeps forbidden \(attr)") }
            if attr.hasPrefix("data-") || policy.trackingAttributes.contains(attr)
                || policy.trackingAttributePrefixes.contains(where: { attr.hasPrefix($0) }) {
                p.append("\(via): <\(name)> keeps tracking attribute \(attr)")
            }
            if Self.urlAttributes.contains(attr) { p += url(name, attr, value, via: via) }
            if (attr == "width" || attr == "height") && !value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                p.append("\(via): <\(name)> \(attr)=\"\(value)\" is not a plain integer")
            }
        }
        let attrs = Dictionary(attributes, uniquingKeysWith: { a, _ in a })
        if name == "a", attrs["href"] != nil, attrs["rel"] != policy.linkRel {
            p.append("\(via): link without rel=\"\(policy.linkRel)\" (rel=\(attrs["rel"] ?? "none"))")
        }
        if name == "img" {
            let w = attrs["width"].flatMap { Int($0) }, h = attrs["height"].flatMap { Int($0) }
            if w == 0 || h == 0 || (w.map { $0 <= 1 } ?? false) && (h.map { $0 <= 1 } ?? false) {
                p.append("\(via): tracking pixel kept (width \(attrs["width"] ?? "-"), height \(attrs["height"] ?? "-"))")
            }
            if let src = attrs["src"], let written = Self.host(src) {
                // As a browser connects: percent-decoded, fullwidth forms mapped, no trailing dot.
                var host = (written.removingPercentEncoding ?? written).precomposedStringWithCompatibilityMapping.lowercased()
                host = host.replacingOccurrences(of: "\u{3002}", with: ".").replacingOccurrences(of: "\u{FF0E}", with: ".")
                while host.hasSuffix(".") { host.removeLast() }
                if policy.beaconHosts.contains(where: { host == $0 || host.hasSuffix("." + $0) }) {
                    p.append("\(via): image from beacon host \(host) (written \(written))")
                }
            }
        }
        if iframeAllowed {
            let src = attrs["src"] ?? ""
            guard Self.scheme(src) == "https", let host = Self.host(src),
                  policy.iframeHosts.contains(where: { host == $0 || host.hasSuffix("." + $0) }) else {
                return p + ["\(via): iframe from \(src) is not an https iframe host"]
            }
            if attrs["sandbox"] == nil { p.append("\(via): iframe without sandbox") }
        }
        return p
    }

    private func url(_ element: String, _ attr: String, _ value: String, via: String) -> [String] {
        var p: [String] = []
        let allowed: Set<String>
        switch (element, attr) {
        case ("a", "href"): allowed = policy.linkSchemes
        case ("iframe", "src"): allowed = ["https"]
        default: allowed = policy.imageSchemes
        }
        if let s = Self.scheme(value), !allowed.contains(s) {
            p.append("\(via): <\(element) \(attr)=\"\(value.prefix(80))\"> has scheme \(s)")
        }
        if let q = Self.queryNames(value) {
            for n in q where policy.urlCleaner.trackingParameters.contains(n)
                || policy.urlCleaner.trackingParameterPrefixes.contains(where: { n.hasPrefix($0) }) {
                p.append("\(via): <\(element) \(attr)> keeps tracking parameter \(n)")
            }
        }
        return p
    }

    /// The scheme a browser's URL parser finds (WHATWG: trim C0 controls and spaces, drop tabs and newlines, then
    /// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`), lowercased; nil for a relative reference.
    static func scheme(_ raw: String) -> String? {
        var u = Array(raw.utf8)
        while let f = u.first, f <= 0x20 { u.removeFirst() }
        while let l = u.last, l <= 0x20 { u.removeLast() }
        u.removeAll { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = u.first, (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A else { return nil }
        for (i, b) in u.enumerated().dropFirst() {
            if b == UInt8(ascii: ":") { return String(decoding: u[0..<i], as: UTF8.self).lowercased() }
            let ok = ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2D || b == 0x2E
            if !ok { return nil }
        }
        return nil
    }

    /// The host a browser would load `raw` from, lowercased (userinfo and port dropped), as the WHATWG URL parser finds
    /// it for http(s): after `scheme:` or at the start of a scheme-relative reference, any run of `/` and `\` is
    /// skipped (`https:host/x`, `https:\\\\host`, `//host` all name `host`). nil for other schemes and path references.
    static func host(_ raw: String) -> String? {
        var u = Array(raw.utf8)
        while let f = u.first, f <= 0x20 { u.removeFirst() }
        u.removeAll { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        var i = 0
        if let s = scheme(raw) {
            guard s == "http" || s == "https" else { return nil }
            i = s.utf8.count + 1
        } else if !(u.count >= 2 && (u[0] == 0x2F || u[0] == 0x5C) && (u[1] == 0x2F || u[1] == 0x5C)) {
            return nil
        }
        while i < u.count, u[i] == 0x2F || u[i] == 0x5C { i += 1 }
        var authority = u[i...].prefix { $0 != 0x2F && $0 != 0x5C && $0 != 0x3F && $0 != 0x23 }
        if let at = authority.lastIndex(of: 0x40) { authority = authority[(at + 1)...] }
        let host = String(decoding: authority.prefix { $0 != 0x3A }, as: UTF8.self).lowercased()
        return host.isEmpty ? nil : host
    }

    /// The lowercased names of the query parameters of an http(s) URL, or nil.
    static func queryNames(_ raw: String) -> [String]? {
        let beforeFragment = raw.prefix { $0 != "#" }
        guard let s = scheme(raw), s == "http" || s == "https", let q = beforeFragment.firstIndex(of: "?") else { return nil }
        let query = beforeFragment[beforeFragment.index(after: q)...]
        return query.split(separator: "&").map { String($0.prefix { $0 != "=" }).lowercased() }
    }
}

/// A strict tokenizer for the sanitizer's canonical output (not a general HTML parser: anything outside the
/// canonical form is reported, never guessed at).
enum StrictHTML {
    enum Token: Equatable {
        case start(String, [(String, String)])
        case end(String)
        case text

        static func == (a: Token, b: Token) -> Bool {
            switch (a, b) {
            case (.start(let x, let xa), .start(let y, let ya)): x == y && xa.map { "\($0)=\($1)" } == ya.map { "\($0)=\($1)" }
            case (.end(let x), .end(let y)): x == y
            case (.text, .text): true
            default: false
            }
        }
    }

    static let entities: [(String, UInt8)] = [("amp;", 0x26), ("lt;", 0x3C), ("gt;", 0x3E), ("quot;", 0x22)]

    static func tokenize(_ html: String) -> Result<[Token], TokenizeError> {
        let u = Array(html.utf8)
        var tokens: [Token] = []
        var i = 0
        func fail(_ why: String) -> Result<[Token], TokenizeError> {
            let lo = max(0, i - 30), hi = min(u.count, i + 30)
            return .failure(TokenizeError(message: "\(why) at byte \(i): \"\(String(decoding: u[lo..<hi], as: UTF8.self))\""))
        }
        func name() -> String? {
            let start = i
            while i < u.count, (u[i] >= 0x61 && u[i] <= 0x7A) || (u[i] >= 0x30 && u[i] <= 0x39) || (i > start && (u[i] == 0x2D || u[i] == 0x3A)) { i += 1 }
            guard i > start, u[start] >= 0x61 && u[start] <= 0x7A else { return nil }
            return String(decoding: u[start..<i], as: UTF8.self)
        }
        /// Decodes escaped text up to `stop`; nil on a raw `<`, `>`, NUL or an unknown entity.
        func escaped(until stop: UInt8?) -> (String, String?) {
            var out: [UInt8] = []
            while i < u.count, u[i] != stop ?? 0x3C {
                let c = u[i]
                if c == 0 { return ("", "NUL byte") }
                if c == 0x3E { return ("", "raw '>'") }
                if stop != nil, c == 0x3C { return ("", "raw '<' in an attribute") }
                if c == 0x26 {
                    guard let (e, b) = entities.first(where: { e in u[(i + 1)...].starts(with: e.0.utf8) }) else {
                        return ("", "'&' not written as &amp;")
                    }
                    out.append(b)
                    i += 1 + e.utf8.count
                    continue
                }
                out.append(c)
                i += 1
            }
            return (String(decoding: out, as: UTF8.self), nil)
        }
        while i < u.count {
            if u[i] != 0x3C {
                let (_, err) = escaped(until: nil)
                if let err { return fail(err) }
                tokens.append(.text)
                continue
            }
            i += 1
            if i < u.count, u[i] == 0x2F {
                i += 1
                guard let n = name() else { return fail("end tag without a lowercase name") }
                guard i < u.count, u[i] == 0x3E else { return fail("end tag </\(n) not closed by '>'") }
                i += 1
                tokens.append(.end(n))
                continue
            }
            guard let n = name() else { return fail("'<' not starting a lowercase tag (comment, doctype or stray '<')") }
            var attrs: [(String, String)] = []
            while true {
                guard i < u.count else { return fail("tag <\(n) not closed") }
                if u[i] == 0x3E { i += 1; break }
                guard u[i] == 0x20 else { return fail("tag <\(n): expected a space before an attribute") }
                i += 1
                guard let a = name() else { return fail("tag <\(n): attribute without a lowercase name") }
                guard i + 1 < u.count, u[i] == 0x3D, u[i + 1] == 0x22 else { return fail("<\(n) \(a): value not written as =\"…\"") }
                i += 2
                let (v, err) = escaped(until: 0x22)
                if let err { return fail("<\(n) \(a): \(err)") }
                guard i < u.count else { return fail("<\(n) \(a): value not closed") }
                i += 1
                attrs.append((a, v))
            }
            tokens.append(.start(n, attrs))
        }
        return .success(tokens)
    }

    struct TokenizeError: Error { let message: String }
}

extension StrictHTML.TokenizeError: CustomStringConvertible { var description: String { message } }
