import Foundation

// The operator's configuration, as decoded from `feeds.yaml`. Keys in the YAML are snake_case
// (`allow_networks`, `user_agent`); Swift names are camelCase. Defaults live in FeedsConfig+Default.swift.

/// The whole `feeds.yaml`: sections, defaults, sources, sanitizer and classifier overrides.
public struct FeedsConfig: Sendable, Equatable {
    /// Sections in display order (`it: IT뉴스`, …), extensible by the operator.
    public var sections: [SectionConfig]
    public var defaults: FetchDefaults
    public var sources: [SourceConfig]
    /// Site rules that apply by host to any article page (used before the built-in rules).
    public var sites: [SiteRule]
    public var sanitize: SanitizeOverrides
    public var classify: ClassifyOverrides
    /// `store.url`: where the store is (a SQLite file relative to the config's folder, or `postgres://…`); nil: the
    /// default. `--db` and `NEWSDESK_DB` win over it (`StoreLocation.resolve`).
    public var store: StoreLocation?
    /// `store.lease_seconds`: how long a worker's lease on a source lasts without renewal (default 60).
    public var leaseSeconds: Double?
    /// The file this config was read from (for messages and for resolving `path:`).
    public var file: String
    /// Valid but risky settings (`allow_networks: [0.0.0.0/0]`), each as `file:line: field: warning: …`;
    /// `feeds check` prints them.
    public var warnings: [ConfigProblem] = []
    /// The 1-based line of each field path read from the file (`sources[0].url`, `sanitize.allow_tags[2]`), so a
    /// check made after the YAML is read (`Policy.build`) names the line too.
    public var lines: [String: Int] = [:]

    /// The line of `field`, or of its nearest enclosing field that has one (0: the whole file).
    public func line(of field: String) -> Int {
        var f = field
        while !f.isEmpty {
            if let l = lines[f] { return l }
            guard let cut = f.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            f = String(f[..<cut])
        }
        return 0
    }

    public init(sections: [SectionConfig], defaults: FetchDefaults, sources: [SourceConfig], sites: [SiteRule] = [],
                sanitize: SanitizeOverrides = SanitizeOverrides(), classify: ClassifyOverrides = ClassifyOverrides(), file: String = "feeds.yaml") {
        self.sections = sections; self.defaults = defaults; self.sources = sources; self.sites = sites
        self.sanitize = sanitize; self.classify = classify; self.file = file
    }
}

/// One section: an id used everywhere (`it`) and a display name (`IT뉴스`).
public struct SectionConfig: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public init(id: String, name: String) { self.id = id; self.name = name }
}

/// The kind of document a source serves.
public enum SourceType: String, Sendable, Equatable, Codable, CaseIterable {
    case auto, rss, atom, json, html
}

/// One source from `feeds.yaml`.
public struct SourceConfig: Sendable, Equatable {
    public var id: String
    public var name: String
    /// An http(s) URL, or nil when `path` is set.
    public var url: String?
    /// A local file (relative to the config file). Only the operator's config can name one.
    public var path: String?
    public var type: SourceType
    /// Section hint for a single-section source; nil with `mixed: true`.
    public var section: String?
    public var mixed: Bool
    public var charset: String?
    public var headers: [String: String]
    /// Networks this source may reach although they are loopback or private, parsed once at load.
    public var allowNetworks: [IPNetwork]
    public var site: SiteRule?
    /// Overrides of the defaults.
    public var interval: Int?
    public var maxItems: Int?
    public var obeyRobots: Bool?
    /// Base URL for article links of a `path:` source (the site the archived feed came from).
    public var baseURL: String?
    /// The 1-based line of this source in the config file.
    public var line: Int

    public init(id: String, name: String, url: String? = nil, path: String? = nil, type: SourceType = .auto,
                section: String? = nil, mixed: Bool = false, charset: String? = nil, headers: [String: String] = [:],
                allowNetworks: [IPNetwork] = [], site: SiteRule? = nil, interval: Int? = nil, maxItems: Int? = nil,
                obeyRobots: Bool? = nil, baseURL: String? = nil, line: Int = 0) {
        self.id = id; self.name = name; self.url = url; self.path = path; self.type = type; self.section = section
        self.mixed = mixed; self.charset = charset; self.headers = headers; self.allowNetworks = allowNetworks
        self.site = site; self.interval = interval; self.maxItems = maxItems; self.obeyRobots = obeyRobots
        self.baseURL = baseURL; self.line = line
    }
}

/// Extraction rules for a site's article pages (and, for `type: html` sources, its section pages).
/// Selectors are XPath (starting with `/` or `(`) or a small CSS subset compiled to XPath (see `Selector`).
public struct SiteRule: Sendable, Equatable, Codable {
    /// Hosts this rule applies to (suffix match: `daum.net` matches `v.daum.net`). Empty for a source's own rule.
    public var hosts: [String]
    public var name: String?
    public var content: String?
    public var remove: [String]
    public var title: String?
    public var byline: String?
    public var date: String?
    /// For section pages: selects the `<a>` elements (or elements holding one) that link to articles.
    public var links: String?

    public init(hosts: [String] = [], name: String? = nil, content: String? = nil, remove: [String] = [], title: String? = nil,
                byline: String? = nil, date: String? = nil, links: String? = nil) {
        self.hosts = hosts; self.name = name; self.content = content; self.remove = remove; self.title = title
        self.byline = byline; self.date = date; self.links = links
    }
}

/// An image proxy rule: URLs on `hosts` (suffix match) whose path starts with `pathPrefix` carry the
/// original in the query parameter `parameter` (or, with `pathEmbedded`, in the path after the prefix).
public struct ImageProxyRule: Sendable, Equatable, Codable {
    public var name: String
    public var hosts: [String]
    public var pathPrefix: String
    public var parameter: String?
    public var pathEmbedded: Bool

    public init(name: String, hosts: [String], pathPrefix: String = "/", parameter: String? = nil, pathEmbedded: Bool = false) {
        self.name = name; self.hosts = hosts; self.pathPrefix = pathPrefix; self.parameter = parameter; self.pathEmbedded = pathEmbedded
    }
}

/// The operator's signed image proxy (camo/imgproxy style). The key comes from the environment variable
/// `keyEnv`, never from the file.
public struct SignedProxyConfig: Sendable, Equatable, Codable {
    /// A URL template with `{url}` (percent-encoded original), `{url_b64}` (base64url), `{url_hex}` and `{sig}` (HMAC-SHA256; hex or base64url per `signatureEncoding`).
    public var template: String
    public var keyEnv: String
    public var signatureEncoding: String

    public init(template: String, keyEnv: String = "NEWSDESK_IMAGE_PROXY_KEY", signatureEncoding: String = "hex") {
        self.template = template; self.keyEnv = keyEnv; self.signatureEncoding = signatureEncoding
    }
}

/// What `feeds.yaml` may add to or trim from the sanitizer's default policy.
public struct SanitizeOverrides: Sendable, Equatable, Codable {
    public var extraTrackingAttributes: [String]
    public var extraTrackingParameters: [String]
    public var iframeHosts: [String]
    public var imageProxyRules: [ImageProxyRule]
    public var beaconHosts: [String]
    public var allowTags: [String]
    public var removeTags: [String]
    public var signedProxy: SignedProxyConfig?

    public init(extraTrackingAttributes: [String] = [], extraTrackingParameters: [String] = [], iframeHosts: [String] = [],
                imageProxyRules: [ImageProxyRule] = [], beaconHosts: [String] = [], allowTags: [String] = [],
                removeTags: [String] = [], signedProxy: SignedProxyConfig? = nil) {
        self.extraTrackingAttributes = extraTrackingAttributes; self.extraTrackingParameters = extraTrackingParameters
        self.iframeHosts = iframeHosts; self.imageProxyRules = imageProxyRules; self.beaconHosts = beaconHosts
        self.allowTags = allowTags; self.removeTags = removeTags; self.signedProxy = signedProxy
    }
}

/// A classifier rule from `feeds.yaml`: a URL host/path pattern or a metadata value that maps to a section.
public struct SectionRule: Sendable, Equatable, Codable {
    /// Host suffix (`sports.news.naver.com`), optional.
    public var host: String?
    /// URL path prefix (`/sports/`), optional.
    public var pathPrefix: String?
    /// Query parameter and value (`sid1=105`), optional.
    public var query: String?
    /// A section hint value from the page (article:section, breadcrumb), case-insensitive, optional.
    public var hint: String?
    public var section: String

    public init(host: String? = nil, pathPrefix: String? = nil, query: String? = nil, hint: String? = nil, section: String) {
        self.host = host; self.pathPrefix = pathPrefix; self.query = query; self.hint = hint; self.section = section
    }
}

/// Classifier settings from `feeds.yaml`.
public struct ClassifyOverrides: Sendable, Equatable, Codable {
    public var rules: [SectionRule]
    /// Below this the article goes to `defaultSection`.
    public var threshold: Double?
    public var defaultSection: String?
    /// A model file to use instead of the shipped one.
    public var model: String?

    public init(rules: [SectionRule] = [], threshold: Double? = nil, defaultSection: String? = nil, model: String? = nil) {
        self.rules = rules; self.threshold = threshold; self.defaultSection = defaultSection; self.model = model
    }
}
