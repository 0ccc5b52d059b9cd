internal import CCurl
import Foundation
import Synchronization

// One thread owns a curl multi handle and every easy handle; async callers queue a hop and await its result.
// Callbacks are global non-capturing closures that reach their transfer through Unmanaged user data.

/// What one HTTP exchange (one redirect hop) needs.
struct HopSpec: Sendable {
    var url: String
    /// "Name: value" lines.
    var headers: [String]
    var userAgent: String
    var connectTimeoutMS: Int
    var totalTimeoutMS: Int
    var lowSpeedLimit: Int
    var lowSpeedTime: Int
    var maxBytes: Int
    var policy: AddressPolicy
    /// Use a new connection and do not keep it: required when the policy allows special addresses,
    /// so a connection opened under a wider allowance is never reused by another request.
    var isolatedConnection: Bool
    /// A PEM CA bundle to verify servers with instead of the system's (`FetchDefaults.caBundle`).
    var caBundle: String? = nil
}

/// What came back for one hop.
struct HopResult: Sendable {
    var code: Int
    var errorText: String
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]
    var redirectURL: String?
    var totalTime: Double
    var refused: (address: String, kind: String)?
    var exceededCap: Bool
    var cancelled: Bool
}

/// Set from any thread to abort a transfer.
final class CancelFlag: Sendable {
    let value = Atomic<Bool>(false)
}

private struct MultiBox: @unchecked Sendable {
    // CURLM* is only touched by the engine thread, except curl_multi_wakeup, which libcurl documents as thread-safe.
    let pointer: UnsafeMutableRawPointer
}

private struct Job: Sendable {
    let spec: HopSpec
    let cancel: CancelFlag
    let continuation: CheckedContinuation<HopResult, Never>
}

/// The curl multi loop on its own thread.
final class CurlEngine: Sendable {
    private let multi: MultiBox
    private let queue = Mutex<[Job]>([])
    private let running = Atomic<Bool>(true)

    private static let globalInit: Void = { _ = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// `maxHostConnections` is a backstop for the fetcher's own per-host gate.
    init(maxHostConnections: Int) {
        _ = Self.globalInit
        guard let m = curl_multi_init() else { fatalError("curl_multi_init failed: out of memory") }
        _ = ccurl_multi_setopt_long(m, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, maxHostConnections))
        multi = MultiBox(pointer: m)
        let thread = Thread { [self] in loop() }
        thread.name = "newsdesk.curl"
        thread.start()
    }

    /// Stops the loop; transfers in flight finish as cancelled.
    func shutdown() {
        running.store(false, ordering: .releasing)
        _ = curl_multi_wakeup(multi.pointer)
    }

    /// Runs one hop on the engine thread.
    func perform(_ spec: HopSpec, cancel: CancelFlag) async -> HopResult {
        await withCheckedContinuation { (c: CheckedContinuation<HopResult, Never>) in
            if !running.load(ordering: .acquiring) {
                c.resume(returning: Self.cancelledResult)
                return
            }
            queue.withLock { $0.append(Job(spec: spec, cancel: cancel, continuation: c)) }
            _ = curl_multi_wakeup(multi.pointer)
        }
    }

    /// Makes the loop look at cancel flags now.
    func wakeup() { _ = curl_multi_wakeup(multi.pointer) }

    static let cancelledResult = HopResult(code: -1, errorText: "cancelled", status: 0, headers: [], body: [], redirectURL: nil,
                                           totalTime: 0, refused: nil, exceededCap: false, cancelled: true)

    private func loop() {
        let m = multi.pointer
        var active: [UnsafeMutableRawPointer: Transfer] = [:]
        while true {
            let jobs = queue.withLock { q -> [Job] in
                let j = q
                q.removeAll()
                return j
            }
            if !running.load(ordering: .acquiring) {
                for job in jobs { job.continuation.resume(returning: Self.cancelledResult) }
                for (easy, t) in active {
                    _ = curl_multi_remove_handle(m, easy)
                    curl_easy_cleanup(easy)
                    t.continuation.resume(returning: Self.cancelledResult)
                }
                break
            }
            for job in jobs {
                let t = Transfer(job: job)
                guard let easy = t.start() else {
                    job.continuation.resume(returning: HopResult(code: 27, errorText: "could not create a curl handle (out of memory)", status: 0,
                                                                 headers: [], body: [], redirectURL: nil, totalTime: 0, refused: nil,
                                                                 exceededCap: false, cancelled: false))
                    continue
                }
                _ = curl_multi_add_handle(m, easy)
                active[easy] = t
            }
            var still: Int32 = 0
            _ = curl_multi_perform(m, &still)
            var left: Int32 = 0
            while let msg = curl_multi_info_read(m, &left) {
                guard msg.pointee.msg == CURLMSG_DONE, let easy = msg.pointee.easy_handle else { continue }
                let code = msg.pointee.data.result
                guard let t = active.removeValue(forKey: easy) else { continue }
                let result = t.finish(code: code)
                _ = curl_multi_remove_handle(m, easy)
                curl_easy_cleanup(easy)
                t.continuation.resume(returning: result)
            }
            var fds: Int32 = 0
            _ = curl_multi_poll(m, nil, 0, 500, &fds)
        }
        curl_multi_cleanup(m)
    }
}

/// The state of one easy handle while it runs; lives on the engine thread only.
private final class Transfer {
    let spec: HopSpec
    let cancel: CancelFlag
    let continuation: CheckedContinuation<HopResult, Never>
    var body: [UInt8] = []
    var headers: [(name: String, value: String)] = []
    var exceeded = false
    var refused: (address: String, kind: String)?
    var easy: UnsafeMutableRawPointer?
    var slist: UnsafeMutablePointer<curl_slist>?
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    init(job: Job) {
        spec = job.spec
        cancel = job.cancel
        continuation = job.continuation
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        errorBuffer.deallocate()
        if let slist { curl_slist_free_all(slist) }
    }

    func start() -> UnsafeMutableRawPointer? {
        guard let h = curl_easy_init() else { return nil }
        easy = h
        let me = Unmanaged.passUnretained(self).toOpaque()
        _ = ccurl_setopt_str(h, CURLOPT_URL, spec.url)
        _ = ccurl_setopt_str(h, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = ccurl_setopt_str(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = ccurl_setopt_long(h, CURLOPT_FOLLOWLOCATION, 0)  // the fetcher follows redirects itself, hop by hop
        _ = ccurl_setopt_str(h, CURLOPT_PROXY, "")  // never use an environment proxy: the address check must see the real peer
        _ = ccurl_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        // Certificates and host names are always verified (libcurl's default, stated so no one turns it off).
        _ = ccurl_setopt_long(h, CURLOPT_SSL_VERIFYPEER, 1)
        _ = ccurl_setopt_long(h, CURLOPT_SSL_VERIFYHOST, 2)
        if let ca = spec.caBundle { _ = ccurl_setopt_str(h, CURLOPT_CAINFO, ca) }
        _ = ccurl_setopt_str(h, CURLOPT_USERAGENT, spec.userAgent)
        _ = ccurl_setopt_str(h, CURLOPT_ACCEPT_ENCODING, "")
        _ = ccurl_setopt_long(h, CURLOPT_CONNECTTIMEOUT_MS, spec.connectTimeoutMS)
        _ = ccurl_setopt_long(h, CURLOPT_TIMEOUT_MS, max(1, spec.totalTimeoutMS))
        _ = ccurl_setopt_long(h, CURLOPT_LOW_SPEED_LIMIT, spec.lowSpeedLimit)
        _ = ccurl_setopt_long(h, CURLOPT_LOW_SPEED_TIME, spec.lowSpeedTime)
        _ = ccurl_setopt_off(h, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(spec.maxBytes))
        if spec.isolatedConnection {
            _ = ccurl_setopt_long(h, CURLOPT_FRESH_CONNECT, 1)
            _ = ccurl_setopt_long(h, CURLOPT_FORBID_REUSE, 1)
        }
        for line in spec.headers { slist = curl_slist_append(slist, line) }
        if let slist { _ = ccurl_setopt_slist(h, CURLOPT_HTTPHEADER, slist) }
        _ = ccurl_setopt_ptr(h, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer))
        _ = ccurl_setopt_write(h, CURLOPT_WRITEFUNCTION, curlWrite)
        _ = ccurl_setopt_ptr(h, CURLOPT_WRITEDATA, me)
        _ = ccurl_setopt_write(h, CURLOPT_HEADERFUNCTION, curlHeader)
        _ = ccurl_setopt_ptr(h, CURLOPT_HEADERDATA, me)
        _ = ccurl_setopt_opensocket(h, curlOpenSocket)
        _ = ccurl_setopt_ptr(h, CURLOPT_OPENSOCKETDATA, me)
        _ = ccurl_setopt_xferinfo(h, curlProgress)
        _ = ccurl_setopt_ptr(h, CURLOPT_XFERINFODATA, me)
        _ = ccurl_setopt_long(h, CURLOPT_NOPROGRESS, 0)
        return h
    }

    func finish(code: CURLcode) -> HopResult {
        var status = 0
        var redirect: String?
        var total = 0.0
        if let h = easy {
            var s = 0
            _ = ccurl_getinfo_long(h, CURLINFO_RESPONSE_CODE, &s)
            status = s
            var r: UnsafePointer<CChar>?
            if ccurl_getinfo_str(h, CURLINFO_REDIRECT_URL, &r) == CURLE_OK, let r { redirect = String(cString: r) }
            _ = ccurl_getinfo_double(h, CURLINFO_TOTAL_TIME, &total)
        }
        var text = String(cString: errorBuffer)
        if text.isEmpty, code != CURLE_OK { text = String(cString: curl_easy_strerror(code)) }
        return HopResult(code: Int(code.rawValue), errorText: text, status: status, headers: headers, body: body,
                         redirectURL: redirect, totalTime: total, refused: refused, exceededCap: exceeded,
                         cancelled: cancel.value.load(ordering: .relaxed))
    }
}

private let curlWrite: curl_write_callback = { data, size, count, user in
    guard let user else { return 0 }
    let t = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
    let n = size * count
    guard n > 0, let data else { return n }
    if t.body.count + n > t.spec.maxBytes {
        t.exceeded = true
        return 0  // CURLE_WRITE_ERROR: stops the transfer at the cap, counting decoded bytes
    }
    data.withMemoryRebound(to: UInt8.self, capacity: n) { t.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: n)) }
    return n
}

private let curlHeader: curl_write_callback = { data, size, count, user in
    guard let user else { return 0 }
    let t = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
    let n = size * count
    guard n > 0, let data else { return n }
    let line = data.withMemoryRebound(to: UInt8.self, capacity: n) {
        String(decoding: UnsafeBufferPointer(start: $0, count: n), as: UTF8.self)
    }.trimmed
    if line.hasPrefix("HTTP/") {
        t.headers.removeAll()  // a new response (e.g. after 100 Continue) starts
    } else if let colon = line.firstIndex(of: ":"), t.headers.count < 500 {
        t.headers.append((line[..<colon].lowercased(), String(line[line.index(after: colon)...]).trimmed))
    }
    return n
}

private let sockaddrOffset = MemoryLayout<curl_sockaddr>.offset(of: \curl_sockaddr.addr) ?? 16

/// Runs before every new connection with the resolved address: refuses special addresses outside the allowance.
private let curlOpenSocket: curl_opensocket_callback = { user, _, address in
    guard let user, let address else { return CURL_SOCKET_BAD }
    let t = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
    let family = address.pointee.family
    let raw = UnsafeRawPointer(address).advanced(by: sockaddrOffset)
    let ip: IPAddress?
    switch family {
    case AF_INET:
        let sin = raw.loadUnaligned(as: sockaddr_in.self)
        ip = IPAddress(bytes: withUnsafeBytes(of: sin.sin_addr) { Array($0) })
    case AF_INET6:
        let sin6 = raw.loadUnaligned(as: sockaddr_in6.self)
        ip = IPAddress(bytes: withUnsafeBytes(of: sin6.sin6_addr) { Array($0) })
    default:
        ip = nil
    }
    guard let ip else {
        t.refused = ("family \(family)", "non-IP")
        return CURL_SOCKET_BAD
    }
    if let kind = t.spec.policy.refusal(for: ip) {
        t.refused = (ip.description, kind)
        return CURL_SOCKET_BAD
    }
    return socket(family, address.pointee.socktype, address.pointee.protocol)
}

private let curlProgress: ccurl_xferinfo_callback = { user, _, _, _, _ in
    guard let user else { return 0 }
    let t = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
    return t.cancel.value.load(ordering: .relaxed) ? 1 : 0
}
