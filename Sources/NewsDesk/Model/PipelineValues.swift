import Foundation

// The value types that pass between pipeline stages. Each stage takes one and returns the next;
// none of them holds a C pointer or shared mutable state, so they cross tasks freely.

/// One entry of a feed (RSS, RDF, Atom, JSON Feed) or one article link found on an HTML section page.
public struct FeedItem: Sendable, Equatable, Codable {
    /// The feed's own id (guid, atom:id, JSON Feed id); the link when the feed gives none.
    public var id: String
    /// Absolute article URL with tracking parameters removed.
    public var link: String
    public var title: String
    public var summary: String?
    public var published: Date?
    public var updated: Date?
    public var categories: [String]
    public var imageURL: String?

    public init(id: String, link: String, title: String, summary: String? = nil, published: Date? = nil,
                updated: Date? = nil, categories: [String] = [], imageURL: String? = nil) {
        self.id = id; self.link = link; self.title = title; self.summary = summary
        self.published = published; self.updated = updated; self.categories = categories; self.imageURL = imageURL
    }
}

/// What the fetcher got for one URL: the final response after redirects.
public struct FetchedResource: Sendable, Equatable {
    public var requestedURL: String
    /// The URL after redirects.
    public var finalURL: String
    /// HTTP status; 304 means "unchanged since the validators we sent".
    public var status: Int
    /// Response headers of the final response, names lowercased; repeated headers joined with ", ".
    public var headers: [String: String]
    public var body: [UInt8]
    /// Seconds from start to end of the transfer.
    public var elapsed: Double

    public init(requestedURL: String, finalURL: String, status: Int, headers: [String: String], body: [UInt8], elapsed: Double) {
        self.requestedURL = requestedURL; self.finalURL = finalURL; self.status = status
        self.headers = headers; self.body = body; self.elapsed = elapsed
    }

    public var notModified: Bool { status == 304 }
    public var contentType: String? { headers["content-type"] }
    public var etag: String? { headers["etag"] }
    public var lastModified: String? { headers["last-modified"] }
}

/// Where a page's charset came from.
public enum CharsetSource: String, Sendable, Equatable, Codable {
    case override, header, bom, meta, xmlDeclaration, sniffed, fallback
}

/// Bytes plus the charset they must be read with. The charset is always handed to libxml2 explicitly.
///
/// `CharsetDecoder` hands every later stage valid UTF-8 (`charset` "UTF-8", no BOM, no NUL): invalid sequences of
/// the source charset became U+FFFD, counted in `replacements`, so libxml2 never meets a byte it could stop at.
public struct DecodedPage: Sendable, Equatable {
    public var url: String
    public var bytes: [UInt8]
    /// A name libxml2/iconv understands: "UTF-8", "CP949", "windows-1252", …
    public var charset: String
    public var charsetSource: CharsetSource
    /// The charset the fetched bytes were read as ("CP949" for an euc-kr page); `charset` is then "UTF-8".
    public var sourceCharset: String
    /// Invalid byte sequences replaced by U+FFFD (the WHATWG decoders' errors).
    public var replacements: Int = 0
    /// NUL bytes replaced by U+FFFD (an HTML parse error browsers recover from; not an encoding error).
    public var nuls: Int = 0
    /// Non-ASCII characters decoded, U+FFFD included: what `replacements` is measured against.
    public var nonASCII: Int = 0

    public init(url: String, bytes: [UInt8], charset: String, charsetSource: CharsetSource) {
        self.url = url; self.bytes = bytes; self.charset = charset; self.charsetSource = charsetSource
        self.sourceCharset = charset
    }
}

/// Who wrote an article: reporters, agency and e-mail addresses from bylines and datelines.
public struct Byline: Sendable, Equatable, Codable {
    public var reporters: [String]
    public var agency: String?
    public var emails: [String]
    /// The byline text as found on the page, for display.
    public var raw: String?

    public init(reporters: [String] = [], agency: String? = nil, emails: [String] = [], raw: String? = nil) {
        self.reporters = reporters; self.agency = agency; self.emails = emails; self.raw = raw
    }

    public var isEmpty: Bool { reporters.isEmpty && agency == nil && emails.isEmpty }
}

/// An article as the extractor found it: metadata plus the body fragment, not yet sanitized.
public struct ExtractedArticle: Sendable, Equatable, Codable {
    /// The URL the page was fetched from.
    public var url: String
    public var canonicalURL: String?
    /// The publisher's original URL when a portal page names it.
    public var originalURL: String?
    public var title: String
    public var byline: Byline
    public var published: Date?
    public var updated: Date?
    public var leadImage: String?
    public var description: String?
    public var siteName: String?
    /// The publisher a portal page names (Daum's `og:article:author`), when it is not the site itself.
    public var publisher: String?
    public var language: String?
    /// Section hints: article:section, breadcrumbs, category markup (Naver, WordPress), Naver sid1, URL path segments.
    public var sectionHints: [String]
    public var keywords: [String]
    /// The copyright / attribution line, removed from the body.
    public var attribution: String?
    /// The body as an HTML fragment (UTF-8), not yet sanitized.
    public var bodyHTML: String
    /// Which path found the body: "site:<name>", "generic", or a cascade step ("generic+jsonld", …; docs/extract.md).
    public var extractor: String
    /// Photo captions of the body, in order. They stay in `bodyHTML` as `<figure>`/`<figcaption>` and are not part of
    /// the article's text (what search and the classifier read).
    public var captions: [String] = []

    public init(url: String, canonicalURL: String? = nil, originalURL: String? = nil, title: String, byline: Byline = Byline(),
                published: Date? = nil, updated: Date? = nil, leadImage: String? = nil, description: String? = nil,
                siteName: String? = nil, language: String? = nil, sectionHints: [String] = [], keywords: [String] = [],
                attribution: String? = nil, bodyHTML: String, extractor: String) {
        self.url = url; self.canonicalURL = canonicalURL; self.originalURL = originalURL; self.title = title
        self.byline = byline; self.published = published; self.updated = updated; self.leadImage = leadImage
        self.description = description; self.siteName = siteName; self.language = language
        self.sectionHints = sectionHints; self.keywords = keywords; self.attribution = attribution
        self.bodyHTML = bodyHTML; self.extractor = extractor
    }
}

/// How a section was chosen.
public enum ClassificationMethod: String, Sendable, Equatable, Codable {
    case pinned, source, rule, metadata, model, fallback
}

/// The section an article is filed into, how sure we are, and why.
public struct Classification: Sendable, Equatable, Codable {
    public var section: String
    /// 0…1.
    public var confidence: Double
    public var method: ClassificationMethod
    /// Human-readable, kept in the store: "source it-news is single-section (it)".
    public var reason: String

    public init(section: String, confidence: Double, method: ClassificationMethod, reason: String) {
        self.section = section; self.confidence = confidence; self.method = method; self.reason = reason
    }
}
