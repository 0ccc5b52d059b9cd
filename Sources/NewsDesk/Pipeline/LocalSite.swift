import Foundation

/// A `path:` source: a feed file on disk (named by the operator's config, never by a document) and the article
/// pages it links to, read from the same folder.
///
/// The safety rule: a document can never make NewsDesk read a local file. Only these URLs map to files:
/// http(s) URLs under the source's `base_url` (which the config says the feed's folder mirrors; without one,
/// `https://<source-id>.newsdesk.invalid/`). The rest of the URL path is percent-decoded segment by segment;
/// a segment that is empty, `.`/`..`, hidden (`.git`), or holds `/`, `\` or NUL is refused; the file found
/// (`<feed folder>/<segments>`, `…/index.html` for a folder, or `….html`) is resolved with `realpath` and must
/// lie inside the config file's folder, so a symlink cannot lead out. `file:`, `data:` and other schemes are
/// refused; http(s) links elsewhere are ordinary remote articles, fetched by the `Fetcher` with its rules.
struct LocalSite: Sendable, Equatable {
    /// The config file's folder (real path): nothing outside it is read.
    public let root: String
    /// The feed file (real path).
    public let feedFile: String
    /// The URL the feed's folder stands for, ending in `/`.
    public let baseURL: String

    /// Resolves a `path:` source of the config at `configFile`.
    public init(source: SourceConfig, configFile: String) throws(PipelineError) {
        guard let path = source.path else { throw .unreadable(path: source.id, reason: "source has no path:") }
        let configDir = URL(fileURLWithPath: configFile).deletingLastPathComponent().path
        guard let root = Self.realpath(configDir) else { throw .unreadable(path: configDir, reason: "folder not found") }
        let joined = path.hasPrefix("/") ? path : configDir + "/" + path
        guard let feed = Self.realpath(joined) else { throw .unreadable(path: joined, reason: "file not found") }
        guard feed.hasPrefix(root + "/") else { throw .pathOutsideRoot(path: feed, root: root) }
        self.root = root
        self.feedFile = feed
        var base = source.baseURL ?? "https://\(source.id.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }).newsdesk.invalid/"
        if !base.hasSuffix("/") { base += "/" }
        self.baseURL = base
    }

    /// The URL the feed itself stands for (its folder's base URL plus its file name): relative links resolve
    /// against it.
    public var feedURL: String { baseURL + (URL(fileURLWithPath: feedFile).lastPathComponent.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "feed") }

    /// The file a link maps to, nil when the link is a remote http(s) URL outside `baseURL`.
    public func file(for url: String) throws(PipelineError) -> String? {
        guard let c = URLComponents(string: url), let scheme = c.scheme?.lowercased() else {
            throw .refusedLink(url: url, reason: "not an absolute URL")
        }
        guard scheme == "http" || scheme == "https" else {
            throw .refusedLink(url: url, reason: "\(scheme): links are never read; only http(s) pages under the source's base_url come from disk")
        }
        guard let base = URLComponents(string: baseURL), let host = c.host?.lowercased(), host == base.host?.lowercased(),
              c.port == base.port, c.percentEncodedPath.hasPrefix(base.percentEncodedPath) else { return nil }
        let rest = String(c.percentEncodedPath.dropFirst(base.percentEncodedPath.count))
        var segments: [String] = []
        let raw = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for (i, seg) in raw.enumerated() {
            if seg.isEmpty && i == raw.count - 1 { break }
            guard let decoded = seg.removingPercentEncoding, !decoded.isEmpty, decoded != ".", decoded != "..",
                  !decoded.hasPrefix("."), !decoded.contains("/"), !decoded.contains("\\"), !decoded.contains("\0") else {
                throw .refusedLink(url: url, reason: "path segment \"\(seg)\" is not allowed in a local source")
            }
            segments.append(decoded)
        }
        let dir = URL(fileURLWithPath: feedFile).deletingLastPathComponent().path
        let candidate = ([dir] + segments).joined(separator: "/")
        let tries = segments.isEmpty || rest.hasSuffix("/") ? [candidate + "/index.html"] : [candidate, candidate + ".html", candidate + "/index.html"]
        for t in tries {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: t, isDirectory: &isDir), !isDir.boolValue else { continue }
            guard let real = Self.realpath(t), real.hasPrefix(root + "/") else { throw .pathOutsideRoot(path: t, root: root) }
            return real
        }
        throw .unreadable(path: candidate, reason: "no such file for \(url)")
    }

    /// Reads a file as a fetch result: 200 with a content type from the extension and validators from size and
    /// modification time, or 304 when `etag` matches. Refuses files larger than `maxBytes`.
    public static func read(_ file: String, url: String, etag: String?, maxBytes: Int) throws(PipelineError) -> FetchedResource {
        let attrs: [FileAttributeKey: Any]
        do { attrs = try FileManager.default.attributesOfItem(atPath: file) } catch {
            throw .unreadable(path: file, reason: error.localizedDescription)
        }
        let size = (attrs[.size] as? NSNumber)?.intValue ?? 0
        let mtime = (attrs[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
        let tag = "\"\(size)-\(Int64(mtime.timeIntervalSince1970 * 1_000_000))\""
        let lastModified = httpDate(mtime)
        var headers = ["etag": tag, "last-modified": lastModified]
        if let type = contentType(file) { headers["content-type"] = type }
        if etag == tag { return FetchedResource(requestedURL: url, finalURL: url, status: 304, headers: headers, body: [], elapsed: 0) }
        guard size <= maxBytes else { throw .unreadable(path: file, reason: "\(size) bytes is over the \(maxBytes)-byte limit") }
        guard let data = FileManager.default.contents(atPath: file) else { throw .unreadable(path: file, reason: "read failed") }
        return FetchedResource(requestedURL: url, finalURL: url, status: 200, headers: headers, body: [UInt8](data), elapsed: 0)
    }

    /// Content types by extension (no charset: the decoder reads the document's own declaration).
    static let contentTypes: [String: String] = [
        "atom": "application/atom+xml", "htm": "text/html", "html": "text/html", "json": "application/feed+json",
        "rdf": "application/rdf+xml", "rss": "application/rss+xml", "xml": "application/xml",
    ]

    static func contentType(_ file: String) -> String? {
        let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        return contentTypes[ext] ?? (ext.isEmpty ? "text/html" : nil)
    }

    static func realpath(_ path: String) -> String? {
        #if canImport(Glibc)
        guard let p = Glibc.realpath(path, nil) else { return nil }
        #else
        guard let p = Darwin.realpath(path, nil) else { return nil }
        #endif
        defer { free(p) }
        return String(cString: p)
    }

    static func httpDate(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return f.string(from: date)
    }
}
