import Foundation
import Synchronization

/// Per-host politeness as the fetcher asks for it: a slot on a host before each request, released after.
/// `HostGate` keeps it in this process; many workers share one kept in the database (`SharedHostGate`).
protocol HostPoliteness: Sendable {
    /// Waits for a slot on `host`. Call `release(host, slot:)` exactly once after an `.admitted`.
    func acquire(_ host: String) async -> HostGate.Admission
    func release(_ host: String, slot: Int64)
    /// Records a Retry-After: no request to `host` starts before `until`.
    func backOff(_ host: String, until: Date)
}

/// Per-host politeness: at most `limit` requests in flight to one host, starts spaced by `delay` seconds,
/// and a not-before time set from Retry-After. Waiting suspends the task (no thread is blocked).
final class HostGate: HostPoliteness {
    private struct Host {
        var active = 0
        var nextStart: ContinuousClock.Instant?
        var notBefore: Date?
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    enum Admission {
        /// A slot is held (`slot` names it to a shared gate); start no earlier than `at`.
        case admitted(at: ContinuousClock.Instant, slot: Int64 = 0)
        /// The host asked not to be contacted before this date.
        case backingOff(until: Date)
    }

    private let hosts = Mutex<[String: Host]>([:])
    let limit: Int
    let delay: Double

    init(limit: Int, delay: Double) {
        self.limit = max(1, limit)
        self.delay = max(0, delay)
    }

    /// Waits for a slot on `host`. Call `release(host)` exactly once after an `.admitted`.
    func acquire(_ host: String) async -> Admission {
        while true {
            if let decided = tryAcquire(host) { return decided }
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let now = hosts.withLock { s -> Bool in
                    if (s[host]?.active ?? 0) < limit { return true }
                    s[host, default: Host()].waiters.append(c)
                    return false
                }
                if now { c.resume() }
            }
        }
    }

    private func tryAcquire(_ host: String) -> Admission? {
        hosts.withLock { s -> Admission? in
            var h = s[host] ?? Host()
            if let nb = h.notBefore {
                if nb > Date() { return .backingOff(until: nb) }
                h.notBefore = nil
            }
            guard h.active < limit else { return nil }
            h.active += 1
            let now = ContinuousClock.now
            let start = max(now, h.nextStart ?? now)
            h.nextStart = start.advanced(by: .milliseconds(Int64(delay * 1000)))
            s[host] = h
            return .admitted(at: start)
        }
    }

    func release(_ host: String, slot: Int64) { release(host) }

    func release(_ host: String) {
        let waiter = hosts.withLock { s -> CheckedContinuation<Void, Never>? in
            guard var h = s[host] else { return nil }
            h.active = max(0, h.active - 1)
            let w = h.waiters.isEmpty ? nil : h.waiters.removeFirst()
            s[host] = h
            return w
        }
        waiter?.resume()
    }

    /// Records a Retry-After: no request to `host` starts before `until`.
    func backOff(_ host: String, until: Date) {
        hosts.withLock { s in
            let current = s[host]?.notBefore ?? .distantPast
            s[host, default: Host()].notBefore = max(current, until)
        }
    }
}
