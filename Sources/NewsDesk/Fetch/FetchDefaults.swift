import Foundation

/// Fetch and run defaults; each source may override some of them.
public struct FetchDefaults: Sendable, Equatable {
    /// Seconds between two fetches of one source.
    public var interval: Int
    public var userAgent: String
    public var connectTimeout: Double
    public var totalTimeout: Double
    /// Bytes; bodies (also decompressed) above this are refused.
    public var maxBodyBytes: Int
    public var maxItemsPerRun: Int
    /// Seconds between two requests to one host.
    public var politenessDelay: Double
    public var perHostConcurrency: Int
    /// How many hosts are fetched at once.
    public var concurrency: Int
    public var obeyRobots: Bool
    /// A transfer slower than `lowSpeedLimit` bytes/s for `lowSpeedTime` seconds is aborted.
    public var lowSpeedLimit: Int
    public var lowSpeedTime: Double
    /// Runs in a row a feed entry may fail before it is given up (skipped by later runs until it changes or is
    /// re-imported by hand); an HTTP 410 gives it up at once.
    public var maxEntryAttempts: Int = 3
    /// A PEM file of certificate authorities to trust *instead of* the system's bundle (a private CA, a TLS-inspecting
    /// gateway); nil: the system's. Certificates are always verified.
    public var caBundle: String?
    /// The zone times are shown in (`list`, `show`, `sources`, HTML export) and bare dates are read in (`--since`):
    /// `defaults.timezone`, an IANA name; Asia/Seoul unless set (`FetchDefaults.standardTimeZone`).
    public var timeZone: TimeZone = FetchDefaults.standardTimeZone

    public init(interval: Int, userAgent: String, connectTimeout: Double, totalTimeout: Double, maxBodyBytes: Int,
                maxItemsPerRun: Int, politenessDelay: Double, perHostConcurrency: Int, concurrency: Int, obeyRobots: Bool,
                lowSpeedLimit: Int = 100, lowSpeedTime: Double = 15) {
        self.interval = interval; self.userAgent = userAgent; self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout; self.maxBodyBytes = maxBodyBytes; self.maxItemsPerRun = maxItemsPerRun
        self.politenessDelay = politenessDelay; self.perHostConcurrency = perHostConcurrency
        self.concurrency = concurrency; self.obeyRobots = obeyRobots
        self.lowSpeedLimit = lowSpeedLimit; self.lowSpeedTime = lowSpeedTime
    }
}

extension FetchDefaults {
    /// The defaults used when `feeds.yaml` has no `defaults:` block or leaves a field out.
    public static let standard = FetchDefaults(
        interval: 900,
        userAgent: "NewsDesk/1.0 (+https://github.com/newsdesk/newsdesk; news ingestion bot)",
        connectTimeout: 10,
        totalTimeout: 30,
        maxBodyBytes: 15 * 1024 * 1024,
        maxItemsPerRun: 50,
        politenessDelay: 1.0,
        perHostConcurrency: 2,
        concurrency: 8,
        obeyRobots: true,
        lowSpeedLimit: 100,
        lowSpeedTime: 15
    )
}

extension FetchDefaults {
    /// The zone of `defaults.timezone` when feeds.yaml does not set it: Korea Standard Time, as the shipped sources
    /// are Korean portals and the date parser reads zone-less Korean dates in it (`DateParser.koreaStandardTime`).
    public static let standardTimeZone: TimeZone = DateParser.koreaStandardTime
}
