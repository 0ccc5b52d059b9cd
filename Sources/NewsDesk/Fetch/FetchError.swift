import Foundation

/// Why a fetch failed. Every message names the URL, says what happened and what to do.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL is not an absolute http(s) URL.
    case invalidURL(url: String, reason: String)
    /// The host resolved to an address outside the public internet and outside `allowNetworks`.
    case addressRefused(url: String, address: String, kind: String, allowNetworks: [String], source: String?)
    /// A redirect pointed somewhere the fetcher will not go (another scheme, a malformed URL).
    case redirectRefused(url: String, target: String, reason: String)
    case tooManyRedirects(url: String, limit: Int)
    case redirectLoop(url: String, target: String)
    /// The body (after decompression) is larger than the cap.
    case tooLarge(url: String, limit: Int)
    /// Connect timeout, total timeout or low-speed limit; `detail` is libcurl's message.
    case timedOut(url: String, detail: String)
    /// A 4xx/5xx answer. `retryAfter` is the server's Retry-After in seconds, when it sent one.
    case httpStatus(url: String, status: Int, retryAfter: Double?)
    /// The host asked us (Retry-After) not to come back before `until`.
    case backingOff(url: String, host: String, until: Date)
    /// robots.txt disallows the URL for our user agent.
    case robotsDisallowed(url: String, rule: String)
    /// DNS, connection, TLS or protocol failure; `code` is the libcurl error code.
    case network(url: String, code: Int, message: String)
    case cancelled(url: String)

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason):
            return "fetch: \(url) is not a fetchable URL: \(reason) (use an absolute http:// or https:// URL)"
        case .addressRefused(let url, let address, let kind, let nets, let source):
            let owner = source.map { " of source \"\($0)\"" } ?? ""
            let fix = nets.isEmpty ? " (add a CIDR such as \(address)/\(address.contains(":") ? 128 : 32) to the source's allow_networks if this is intended)" : ""
            return "fetch: \(url) refused: resolves to \(kind) address \(address), outside allow_networks [\(nets.joined(separator: ", "))]\(owner)\(fix)"
        case .redirectRefused(let url, let target, let reason):
            return "fetch: \(url) redirected to \(target), which was refused: \(reason)"
        case .tooManyRedirects(let url, let limit):
            return "fetch: \(url): more than \(limit) redirects (use the final URL in feeds.yaml)"
        case .redirectLoop(let url, let target):
            return "fetch: \(url): redirect loop back to \(target) (the site is misconfigured; try again later or use another URL)"
        case .tooLarge(let url, let limit):
            return "fetch: \(url): body larger than \(limit) bytes after decompression, transfer stopped (raise defaults.max_body_bytes if this is expected)"
        case .timedOut(let url, let detail):
            return "fetch: \(url) timed out: \(detail) (the server is slow or unreachable; raise the timeouts in defaults or try later)"
        case .httpStatus(let url, let status, let retryAfter):
            let retry = retryAfter.map { "; the server asks to retry after \(Int($0.rounded(.up))) s" } ?? ""
            let hint = status == 404 || status == 410 ? " (the page is gone; check the URL)" : (status >= 500 ? " (server error; try later)" : "")
            return "fetch: \(url): HTTP \(status)\(retry)\(hint)"
        case .backingOff(let url, let host, let until):
            return "fetch: \(url) not attempted: \(host) asked (Retry-After) not to be contacted before \(Self.stamp(until)); try after that"
        case .robotsDisallowed(let url, let rule):
            return "fetch: \(url) disallowed by robots.txt (\(rule)); set `obey_robots: false` on the source only if you have permission"
        case .network(let url, let code, let message):
            return "fetch: \(url) failed: \(message) (libcurl error \(code))"
        case .cancelled(let url):
            return "fetch: \(url) cancelled"
        }
    }

    /// The URL the error is about.
    public var url: String {
        switch self {
        case .invalidURL(let u, _), .addressRefused(let u, _, _, _, _), .redirectRefused(let u, _, _),
             .tooManyRedirects(let u, _), .redirectLoop(let u, _), .tooLarge(let u, _), .timedOut(let u, _), .httpStatus(let u, _, _),
             .backingOff(let u, _, _), .robotsDisallowed(let u, _), .network(let u, _, _), .cancelled(let u):
            return u
        }
    }

    private static func stamp(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        return f.string(from: d)
    }
}
