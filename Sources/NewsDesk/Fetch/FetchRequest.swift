/// One GET for the fetcher: the URL plus validators from the last fetch, extra headers and the source's policy.
public struct FetchRequest: Sendable, Equatable {
    public var url: String
    /// The ETag of the copy we have: sent as `If-None-Match`.
    public var etag: String?
    /// The Last-Modified of the copy we have: sent as `If-Modified-Since`.
    public var lastModified: String?
    /// Extra request headers (the source's `headers:`). `Authorization` and `Cookie` are not sent to another host after a redirect.
    public var headers: [String: String]
    /// Networks this request may reach although they are loopback or private (the source's `allow_networks`,
    /// parsed when the config was loaded).
    public var allowNetworks: [IPNetwork]
    /// Whether robots.txt is obeyed; nil uses `FetchDefaults.obeyRobots`.
    public var obeyRobots: Bool?
    /// Body cap in bytes (decoded); nil uses `FetchDefaults.maxBodyBytes`.
    public var maxBytes: Int?
    /// The source this request is for, named in error messages.
    public var sourceID: String?

    public init(url: String, etag: String? = nil, lastModified: String? = nil, headers: [String: String] = [:],
                allowNetworks: [IPNetwork] = [], obeyRobots: Bool? = nil, maxBytes: Int? = nil, sourceID: String? = nil) {
        self.url = url; self.etag = etag; self.lastModified = lastModified; self.headers = headers
        self.allowNetworks = allowNetworks; self.obeyRobots = obeyRobots; self.maxBytes = maxBytes; self.sourceID = sourceID
    }

}
