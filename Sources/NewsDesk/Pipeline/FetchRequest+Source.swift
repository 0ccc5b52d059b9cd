extension FetchRequest {
    /// A request for `url` carrying a source's headers, allowance and robots setting.
    public init(url: String, source: SourceConfig, etag: String? = nil, lastModified: String? = nil) {
        self.init(url: url, etag: etag, lastModified: lastModified, headers: source.headers, allowNetworks: source.allowNetworks,
                  obeyRobots: source.obeyRobots, sourceID: source.id)
    }
}
