import Foundation

/// What the sanitizer keeps, drops and rewrites: plain data (sets and tables), checked when built, then immutable
/// and shared across tasks. `SanitizePolicy.default` (Policy+Default.swift) is the documented baseline;
/// `applying(_:environment:)` extends or trims it from `feeds.yaml`.
///
/// Whatever a policy says, the sanitizer never emits the tags in ``neverAllowedTags`` or the attributes in
/// ``neverAllowedAttributes``, never keeps `on*` handlers, and emits every attribute quoted and escaped.
public struct SanitizePolicy: Sendable, Equatable {
    /// Allowed tags and, per tag, the attributes kept on it (besides ``globalAttributes``).
    public var allowedTags: [String: Set<String>]
    /// Attributes kept on every allowed tag.
    public var globalAttributes: Set<String>
    /// Tags removed together with everything inside them. Tags neither allowed nor listed here are unwrapped.
    public var removeWithContent: Set<String>
    /// Tags that libxml2 2.9.14 does not treat as void (they swallow following siblings): dropped, children kept.
    public var unwrapOnly: Set<String>
    /// Tracking attributes (exact names), reported by name when dropped.
    public var trackingAttributes: Set<String>
    /// Tracking attribute prefixes (`data-`, `dmcf-`).
    public var trackingAttributePrefixes: [String]
    /// Schemes allowed in `a href`.
    public var linkSchemes: Set<String>
    /// Schemes allowed in `img src` (and `cite`).
    public var imageSchemes: Set<String>
    /// Lazy-loading source attributes in priority order (checked before `src`).
    public var lazyImageAttributes: [String]
    /// `srcset`-like attributes; the widest candidate is used when no plain source is usable.
    public var srcsetAttributes: [String]
    /// Hosts (suffix match) whose images are tracking beacons.
    public var beaconHosts: Set<String>
    /// Image proxies unwrapped to the original URL.
    public var imageProxyRules: [ImageProxyRule]
    /// Resize/format parameters dropped from image URLs on some hosts.
    public var imageParameterRules: [ImageParameterRule]
    /// Hosts (suffix match) whose https `iframe`s are kept (empty, sandboxed). Empty by default.
    public var iframeHosts: Set<String>
    /// The `rel` value given to every link.
    public var linkRel: String
    /// Block tags separated by a blank line in the plain text (and by a newline when unwrapped).
    public var blockTags: Set<String>
    /// Tags separated by a single line break in the plain text.
    public var lineTags: Set<String>
    /// Removes tracking parameters from link and image URLs.
    public var urlCleaner: URLCleaner
    /// The operator's signed image proxy, if configured.
    public var signedProxy: SignedImageProxy?

    /// A policy from explicit tables (see `SanitizePolicy.default` for the documented values).
    public init(allowedTags: [String: Set<String>], globalAttributes: Set<String>, removeWithContent: Set<String>,
                unwrapOnly: Set<String>, trackingAttributes: Set<String>, trackingAttributePrefixes: [String],
                linkSchemes: Set<String>, imageSchemes: Set<String>, lazyImageAttributes: [String], srcsetAttributes: [String],
                beaconHosts: Set<String>, imageProxyRules: [ImageProxyRule], imageParameterRules: [ImageParameterRule],
                iframeHosts: Set<String> = [], linkRel: String, blockTags: Set<String>, lineTags: Set<String>,
                urlCleaner: URLCleaner = .standard, signedProxy: SignedImageProxy? = nil) {
        self.allowedTags = allowedTags; self.globalAttributes = globalAttributes; self.removeWithContent = removeWithContent
        self.unwrapOnly = unwrapOnly; self.trackingAttributes = trackingAttributes
        self.trackingAttributePrefixes = trackingAttributePrefixes; self.linkSchemes = linkSchemes; self.imageSchemes = imageSchemes
        self.lazyImageAttributes = lazyImageAttributes; self.srcsetAttributes = srcsetAttributes; self.beaconHosts = beaconHosts
        self.imageProxyRules = imageProxyRules; self.imageParameterRules = imageParameterRules; self.iframeHosts = iframeHosts
        self.linkRel = linkRel; self.blockTags = blockTags; self.lineTags = lineTags; self.urlCleaner = urlCleaner
        self.signedProxy = signedProxy
    }

    /// Tags never emitted, whatever the tables say: raw-text and foreign-content elements, active content,
    /// forms and document metadata.
    public static let neverAllowedTags: Set<String> = [
        "applet", "base", "basefont", "button", "embed", "form", "frame", "frameset", "head", "html", "iframe", "input",
        "isindex", "keygen", "link", "math", "meta", "noembed", "noframes", "noscript", "object", "option", "param",
        "plaintext", "script", "select", "style", "svg", "template", "textarea", "title", "xmp",
    ]

    /// Attributes never emitted, whatever the tables say.
    public static let neverAllowedAttributes: Set<String> = [
        "action", "background", "dynsrc", "formaction", "is", "lowsrc", "ping", "poster", "srcdoc", "srcset", "style",
        "xlink:href", "xmlns",
    ]

    /// One thing wrong with a `sanitize:` block: the field path (`sanitize.allow_tags[1]`) and what to do.
    public struct Problem: Sendable, Equatable {
        public var field: String
        public var message: String
        /// Set for a signed proxy whose key variable is not set.
        public var missingKey: String?
    }

    /// Extends or trims this policy with `feeds.yaml`'s `sanitize:` block. The signed proxy's key is read from
    /// `environment[signedProxy.keyEnv]`, never from the file.
    ///
    /// - Throws: the first of ``problems(applying:environment:)``: `SanitizeError.invalidPolicy` for contradictions
    ///   (a tag both allowed and removed, an allowed tag that is never safe, a malformed proxy rule or template) and
    ///   `SanitizeError.missingProxyKey`. `Policy.build` reports every one of them with its line instead.
    public func applying(_ overrides: SanitizeOverrides,
                         environment: [String: String] = ProcessInfo.processInfo.environment) throws(SanitizeError) -> SanitizePolicy {
        let (policy, problems) = checkedApplying(overrides, environment: environment)
        if let first = problems.first {
            if let v = first.missingKey { throw .missingProxyKey(variable: v) }
            throw .invalidPolicy("\(first.field): \(first.message)")
        }
        return policy
    }

    /// This policy extended by `overrides`, and every check it fails (empty: the policy is usable). The one place
    /// the `sanitize:` rules that need the sanitizer's own tables are checked.
    public func checkedApplying(_ overrides: SanitizeOverrides,
                                environment: [String: String]) -> (policy: SanitizePolicy, problems: [Problem]) {
        var p = self
        var problems: [Problem] = []
        func report(_ field: String, _ message: String) { problems.append(Problem(field: field, message: message)) }
        let allow = overrides.allowTags.map { $0.lowercased().trimmingWhitespace() }
        let remove = Set(overrides.removeTags.map { $0.lowercased().trimmingWhitespace() })
        for (i, t) in allow.enumerated() {
            let field = "sanitize.allow_tags[\(i)]"
            if remove.contains(t) {
                report(field, "tag \"\(t)\" is in both sanitize.allow_tags and sanitize.remove_tags; keep it in one")
            } else if t.isEmpty || !t.utf8.allSatisfy({ URLCleaner.isASCIIAlpha($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) {
                report(field, "\"\(t)\" is not a tag name (letters, digits and - only)")
            } else if Self.neverAllowedTags.contains(t) || p.removeWithContent.contains(t) {
                report(field, "\"\(t)\" is never safe in an article body; remove it from allow_tags")
            } else if p.allowedTags[t] == nil {
                p.allowedTags[t] = []
            }
        }
        for t in remove where !t.isEmpty {
            p.allowedTags[t] = nil
            p.removeWithContent.insert(t)
        }
        for a in overrides.extraTrackingAttributes.map({ $0.lowercased().trimmingWhitespace() }) where !a.isEmpty {
            if a.hasSuffix("*") { p.trackingAttributePrefixes.append(String(a.dropLast())) } else { p.trackingAttributes.insert(a) }
        }
        if !overrides.extraTrackingParameters.isEmpty {
            var cleaner = URLCleaner(extraParameters: overrides.extraTrackingParameters)
            cleaner.trackingParameters.formUnion(p.urlCleaner.trackingParameters)
            p.urlCleaner = cleaner
        }
        p.iframeHosts.formUnion(overrides.iframeHosts.map { $0.lowercased() })
        p.beaconHosts.formUnion(overrides.beaconHosts.map { $0.lowercased() })
        for (i, rule) in overrides.imageProxyRules.enumerated() {
            let field = "sanitize.image_proxy_rules[\(i)]"
            if rule.hosts.isEmpty {
                report(field + ".hosts", "image proxy rule \"\(rule.name)\": give at least one host")
            } else if (rule.parameter == nil) == (!rule.pathEmbedded) {
                report(field + ".path_embedded", "image proxy rule \"\(rule.name)\": set either parameter or path_embedded, not both or neither")
            } else {
                p.imageProxyRules.append(rule)
            }
        }
        if let sp = overrides.signedProxy {
            if let key = environment[sp.keyEnv], !key.isEmpty {
                do {
                    p.signedProxy = try SignedImageProxy(template: sp.template, key: Array(key.utf8), signatureEncoding: sp.signatureEncoding)
                } catch {
                    let why = (error as? SanitizeError).map { e -> String in
                        if case .invalidPolicy(let w) = e { return w } else { return e.description }
                    } ?? "\(error)"
                    report("sanitize.signed_proxy.template", why)
                }
            } else {
                problems.append(Problem(field: "sanitize.signed_proxy.key_env",
                                        message: "the signed image proxy needs its key in the environment variable \(sp.keyEnv); export it or remove sanitize.signed_proxy",
                                        missingKey: sp.keyEnv))
            }
        }
        return (p, problems)
    }
}

/// Drops resize/format query parameters from image URLs on matching hosts (Naver's `?type=w647`).
public struct ImageParameterRule: Sendable, Equatable, Codable {
    public var name: String
    /// Host suffixes (`pstatic.net` matches `imgnews.pstatic.net`).
    public var hosts: [String]
    public var parameters: [String]

    public init(name: String, hosts: [String], parameters: [String]) {
        self.name = name; self.hosts = hosts; self.parameters = parameters
    }
}

/// Errors of the sanitizer stage; each says what to change.
public enum SanitizeError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownCharset(String)
    case invalidPolicy(String)
    case missingProxyKey(variable: String)
    case inputTooLarge(Int)
    case parseFailed(String)

    public var description: String {
        switch self {
        case .unknownCharset(let c):
            return "sanitize: unknown charset \"\(c)\" (use a name iconv knows, e.g. UTF-8, EUC-KR, CP949, windows-1252)"
        case .invalidPolicy(let why): return "sanitize: invalid policy: \(why)"
        case .missingProxyKey(let v):
            return "sanitize: the signed image proxy needs its key in the environment variable \(v); export it or remove sanitize.signed_proxy"
        case .inputTooLarge(let n): return "sanitize: input of \(n) bytes is larger than libxml2 accepts (2 GiB); split the input"
        case .parseFailed(let why): return "sanitize: libxml2 could not parse the input: \(why)"
        }
    }
}
