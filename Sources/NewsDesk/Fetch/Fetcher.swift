import Foundation
import Logging
import Synchronization

/// Fetches http(s) URLs with libcurl, safely and politely. Sendable: one fetcher serves a whole run.
///
/// - Safety: http/https only (redirects too, at most 5, followed hop by hop), connect/total timeouts, a low-speed
///   limit, a decoded-body cap, and the resolved address of every new connection checked against
///   `AddressPolicy` (loopback/private/link-local/… refused unless inside the request's `allowNetworks`).
///   Requests with an allowance use fresh, non-reusable connections, so no request reuses a connection that
///   was opened under a wider allowance.
/// - Politeness: the configured User-Agent, at most `perHostConcurrency` requests in flight per host (host:port),
///   starts spaced by `politenessDelay`, Retry-After on 429/503 honoured (later requests to that host fail fast
///   with `.backingOff` until then), robots.txt fetched once per host per fetcher and obeyed.
/// - Concurrency: one thread runs a curl multi handle; `fetch` suspends, it never blocks the caller's thread.
///
/// 304 is a result (`notModified`); 4xx/5xx throw `.httpStatus`. `elapsed` is the sum of the hops' transfer times
/// (libcurl's TOTAL_TIME), without robots.txt and politeness waits.
public final class Fetcher: Sendable {
    public let defaults: FetchDefaults
    /// Redirects followed per fetch.
    public static let maxRedirects = 5
    /// robots.txt bodies are read up to this size.
    static let robotsMaxBytes = 512 * 1024

    private let logger: Logger
    private let engine: CurlEngine
    private let gate: any HostPoliteness
    private let robots = Mutex<[String: Task<RobotsRules, Never>]>([:])

    public init(defaults: FetchDefaults, logger: Logger) {
        self.defaults = defaults
        self.logger = logger
        engine = CurlEngine(maxHostConnections: defaults.perHostConcurrency)
        gate = HostGate(limit: defaults.perHostConcurrency, delay: defaults.politenessDelay)
    }

    /// A fetcher whose per-host politeness is `gate` (workers share one kept in the database).
    init(defaults: FetchDefaults, logger: Logger, gate: any HostPoliteness) {
        self.defaults = defaults
        self.logger = logger
        engine = CurlEngine(maxHostConnections: defaults.perHostConcurrency)
        self.gate = gate
    }

    deinit { engine.shutdown() }

    /// The product token robots.txt groups are matched against: the User-Agent up to the first `/` or space.
    var robotsAgent: String {
        String(defaults.userAgent.prefix { $0 != "/" && $0 != " " })
    }

    /// GETs `request.url`, following redirects. See the type's documentation for the rules.
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchedResource {
        let policy = AddressPolicy(allowNetworks: request.allowNetworks)
        guard case .some(let first) = Self.httpTarget(request.url) else {
            throw .invalidURL(url: request.url, reason: Self.httpTargetProblem(request.url))
        }
        // The total timeout runs from the moment the first hop may start: time queued behind other requests to the
        // same host (per-host limit, politeness delay) does not count against it.
        var deadline: ContinuousClock.Instant?
        var url = request.url
        var target = first
        var visited: Set<String> = [url]
        var hops = 0
        var transferSeconds = 0.0
        while true {
            if request.obeyRobots ?? defaults.obeyRobots {
                let rules = await robotsRules(for: target, policy: policy, request: request)
                let verdict = rules.check(target.pathAndQuery, agent: robotsAgent)
                if !verdict.allowed { throw .robotsDisallowed(url: url, rule: verdict.rule ?? "Disallow") }
            }
            let result = try await hop(url: url, target: target, request: request, policy: policy, deadline: &deadline,
                                       firstHost: first.hostKey, maxBytes: request.maxBytes ?? defaults.maxBodyBytes)
            transferSeconds += result.totalTime
            if (300...399).contains(result.status), result.status != 304, let next = result.redirectURL {
                hops += 1
                guard hops <= Self.maxRedirects else { throw .tooManyRedirects(url: request.url, limit: Self.maxRedirects) }
                guard let nextTarget = Self.httpTarget(next) else {
                    throw .redirectRefused(url: url, target: next, reason: Self.httpTargetProblem(next))
                }
                guard visited.insert(next).inserted else { throw .redirectLoop(url: request.url, target: next) }
                logger.debug("redirect", metadata: ["fetch.url": "\(url)", "fetch.location": "\(next)", "fetch.status": "\(result.status)"])
                url = next
                target = nextTarget
                continue
            }
            let headers = Self.joinHeaders(result.headers)
            if result.status >= 400 || (300...399).contains(result.status) && result.status != 304 {
                let retryAfter = headers["retry-after"].flatMap(Self.parseRetryAfter)
                if let retryAfter, result.status == 429 || result.status == 503 {
                    gate.backOff(target.hostKey, until: Date().addingTimeInterval(retryAfter))
                }
                throw .httpStatus(url: url, status: result.status, retryAfter: retryAfter)
            }
            logger.debug("fetched", metadata: ["fetch.url": "\(url)", "fetch.status": "\(result.status)", "fetch.bytes": "\(result.body.count)"])
            return FetchedResource(requestedURL: request.url, finalURL: url, status: result.status, headers: headers,
                                   body: result.body, elapsed: transferSeconds)
        }
    }

    /// One exchange: waits for the host's slot, runs it on the engine, maps transport failures to errors.
    private func hop(url: String, target: Target, request: FetchRequest, policy: AddressPolicy, deadline: inout ContinuousClock.Instant?,
                     firstHost: String, maxBytes: Int) async throws(FetchError) -> HopResult {
        let slot: Int64
        switch await gate.acquire(target.hostKey) {
        case .backingOff(let until):
            throw .backingOff(url: url, host: target.hostKey, until: until)
        case .admitted(let at, let held):
            slot = held
            if at > .now { try? await Task.sleep(until: at, clock: .continuous) }
        }
        let end = deadline ?? ContinuousClock.now.advanced(by: .milliseconds(Int64(defaults.totalTimeout * 1000)))
        deadline = end
        let remaining = ContinuousClock.now.duration(to: end)
        let remainingMS = Int(remaining.components.seconds) * 1000 + Int(remaining.components.attoseconds / 1_000_000_000_000_000)
        guard remainingMS > 0 else {
            gate.release(target.hostKey, slot: slot)
            throw .timedOut(url: url, detail: "total timeout of \(defaults.totalTimeout) s reached before the request started")
        }
        var lines: [String] = []
        let crossHost = target.hostKey != firstHost
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            // Character comparison would miss "\r\n" (one grapheme): check scalars.
            guard !name.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == ":" }),
                  !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else { continue }
            if crossHost, ["authorization", "cookie"].contains(name.lowercased()) { continue }
            lines.append("\(name): \(value)")
        }
        if !request.headers.keys.contains(where: { $0.lowercased() == "accept" }) {
            lines.append("Accept: application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
        }
        if let etag = request.etag, !etag.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) { lines.append("If-None-Match: \(etag)") }
        if let lm = request.lastModified, !lm.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) { lines.append("If-Modified-Since: \(lm)") }
        let spec = HopSpec(url: url, headers: lines, userAgent: defaults.userAgent,
                           connectTimeoutMS: Int(defaults.connectTimeout * 1000), totalTimeoutMS: remainingMS,
                           lowSpeedLimit: defaults.lowSpeedLimit, lowSpeedTime: max(1, Int(defaults.lowSpeedTime.rounded())),
                           maxBytes: maxBytes, policy: policy, isolatedConnection: !policy.allowNetworks.isEmpty,
                           caBundle: defaults.caBundle)
        let flag = CancelFlag()
        let engine = self.engine
        let result = await withTaskCancellationHandler {
            await engine.perform(spec, cancel: flag)
        } onCancel: {
            flag.value.store(true, ordering: .relaxed)
            engine.wakeup()
        }
        gate.release(target.hostKey, slot: slot)
        if result.cancelled { throw .cancelled(url: url) }
        if let refused = result.refused, result.code != 0 {
            throw .addressRefused(url: url, address: refused.address, kind: refused.kind, allowNetworks: request.allowNetworks.map(\.description), source: request.sourceID)
        }
        switch result.code {
        case 0:
            return result
        case 23 where result.exceededCap, 63:
            throw .tooLarge(url: url, limit: maxBytes)
        case 28:
            throw .timedOut(url: url, detail: result.errorText)
        case 1:
            throw .redirectRefused(url: url, target: result.redirectURL ?? url, reason: result.errorText)
        default:
            throw .network(url: url, code: result.code, message: result.errorText)
        }
    }

    /// The robots rules for the target's origin, fetched once per fetcher (concurrent callers share one fetch).
    private func robotsRules(for target: Target, policy: AddressPolicy, request: FetchRequest) async -> RobotsRules {
        let origin = target.origin
        let task = robots.withLock { cache -> Task<RobotsRules, Never> in
            if let t = cache[origin] { return t }
            let t = Task { await self.loadRobots(origin: origin, request: request) }
            cache[origin] = t
            return t
        }
        return await task.value
    }

    private func loadRobots(origin: String, request: FetchRequest) async -> RobotsRules {
        let robotsRequest = FetchRequest(url: origin + "/robots.txt", headers: [:], allowNetworks: request.allowNetworks,
                                         obeyRobots: false, maxBytes: Self.robotsMaxBytes, sourceID: request.sourceID)
        do throws(FetchError) {
            let r = try await fetch(robotsRequest)
            return RobotsRules(parsing: String(decoding: r.body, as: UTF8.self))
        } catch {
            switch error {
            case .httpStatus(_, let status, _) where status >= 500 || status == 429:
                logger.info("robots.txt unavailable, treating the site as disallowed", metadata: ["fetch.url": "\(origin)/robots.txt", "fetch.status": "\(status)"])
                return .disallowAll
            default:
                // 4xx: no robots.txt. Transport errors: the page fetch itself will report what is wrong.
                return .allowAll
            }
        }
    }

    // MARK: - Helpers

    struct Target {
        let scheme: String
        let host: String
        let port: Int
        let pathAndQuery: String
        var hostKey: String { "\(host):\(port)" }
        var origin: String { "\(scheme)://\(host.contains(":") ? "[\(host)]" : host)\((scheme == "http" && port == 80) || (scheme == "https" && port == 443) ? "" : ":\(port)")" }
    }

    static func httpTarget(_ url: String) -> Target? {
        guard let c = URLComponents(string: url), let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = c.host?.lowercased(), !host.isEmpty else { return nil }
        let path = c.percentEncodedPath.isEmpty ? "/" : c.percentEncodedPath
        let query = c.percentEncodedQuery.map { "?" + $0 } ?? ""
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return Target(scheme: scheme, host: bare, port: c.port ?? (scheme == "https" ? 443 : 80), pathAndQuery: path + query)
    }

    static func httpTargetProblem(_ url: String) -> String {
        guard let c = URLComponents(string: url), let scheme = c.scheme else { return "not an absolute URL" }
        if !["http", "https"].contains(scheme.lowercased()) { return "scheme \"\(scheme)\" is not allowed (only http and https)" }
        return "no host"
    }

    static func joinHeaders(_ list: [(name: String, value: String)]) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in list { out[k] = out[k].map { $0 + ", " + v } ?? v }
        return out
    }

    /// Retry-After as seconds from now: delta-seconds or an HTTP-date; capped at one day.
    static func parseRetryAfter(_ value: String) -> Double? {
        let v = value.trimmingCharacters(in: .whitespaces)
        if let s = Int(v), s >= 0 { return Double(min(s, 86_400)) }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            f.dateFormat = format
            if let d = f.date(from: v) { return min(max(0, d.timeIntervalSinceNow), 86_400) }
        }
        return nil
    }
}
