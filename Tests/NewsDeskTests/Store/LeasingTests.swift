import Foundation
import Testing
import TestSupport
@testable import NewsDesk

/// The leasing store (PostgreSQL) on its own: exclusive leases, expiry and takeover, the write fence, renewal,
/// and the shared host politeness.
@Suite("source leases and shared politeness (PostgreSQL)", .enabled(if: PostgresServer.available, "no PostgreSQL server could start"))
struct LeasingTests {
    static func store() throws -> PostgresStore {
        guard case .postgres(let url) = try StoreLocation(try PostgresServer.database("lease")) else { throw StoreLocationError(text: "", reason: "not postgres") }
        let s = try PostgresStore(url: url)
        try s.syncSources((0..<6).map { SourceConfig(id: "s\($0)", name: "s\($0)", url: "https://s\($0).example.com/rss", section: "it") })
        return s
    }

    static let ids = (0..<6).map { "s\($0)" }

    @Test func leasesAreExclusiveAndExpire() throws {
        let s = try Self.store()
        let a = try s.lease(ids: Self.ids, worker: "a", limit: 4, seconds: 60, forceSince: nil)
        let b = try s.lease(ids: Self.ids, worker: "b", limit: 4, seconds: 60, forceSince: nil)
        #expect(a.count == 4 && b.count == 2)
        #expect(Set(a.map(\.sourceID)).isDisjoint(with: b.map(\.sourceID)))
        #expect(try s.lease(ids: Self.ids, worker: "c", limit: 4, seconds: 60, forceSince: nil).isEmpty)
        #expect(try s.dueButLeased(ids: Self.ids, forceSince: nil) == 6)
        // A released lease is leasable again; a lease that ran out is taken over with a new token.
        try s.release(a[0])
        let again = try s.lease(ids: Self.ids, worker: "c", limit: 4, seconds: 60, forceSince: nil)
        #expect(again.map(\.sourceID) == [a[0].sourceID])
        let short = try s.lease(ids: Self.ids, worker: "d", limit: 1, seconds: 60, forceSince: nil)
        #expect(short.isEmpty)
        _ = try PostgresServer.psql("postgres://x@h/\(s.url.database)", "UPDATE sources SET lease_until = now() - interval '1 second' WHERE id = '\(b[0].sourceID)'")
        let taken = try s.lease(ids: Self.ids, worker: "d", limit: 4, seconds: 60, forceSince: nil)
        #expect(taken.map(\.sourceID) == [b[0].sourceID] && taken[0].token > b[0].token)
        // Renewal keeps only what is still held.
        #expect(try s.renew(b, seconds: 60).map(\.sourceID) == [b[1].sourceID])
    }

    /// A worker whose lease was taken over writes nothing more for the source: every write throws `leaseLost`.
    @Test func theFenceStopsAWorkerThatLostItsLease() async throws {
        let s = try Self.store()
        let mine = try #require(try s.lease(ids: ["s0"], worker: "a", limit: 1, seconds: 60, forceSince: nil).first)
        try SourceLease.$current.withValue(mine) {
            try s.recordFetch(sourceID: "s0", SourceFetchResult(outcome: .notModified, status: 304), interval: 600)
        }
        _ = try PostgresServer.psql("postgres://x@h/\(s.url.database)", "UPDATE sources SET lease_until = now() - interval '1 second' WHERE id = 's0'")
        // (Fetched just now, so not due: the other worker forces it.)
        let theirs = try #require(try s.lease(ids: ["s0"], worker: "b", limit: 1, seconds: 60, forceSince: Date().addingTimeInterval(1)).first)
        #expect(theirs.token > mine.token)
        #expect {
            try SourceLease.$current.withValue(mine) {
                try s.recordFetch(sourceID: "s0", SourceFetchResult(outcome: .notModified, status: 304), interval: 600)
            }
        } throws: { error in
            guard case .leaseLost("s0")? = error as? StoreError else { return false }
            return true
        }
        // The async save carries the lease to the thread it runs on.
        await #expect(throws: StoreError.self) {
            try await SourceLease.$current.withValue(mine) {
                try await s.save(draft(url: "https://s0.example.com/1", title: "제목", text: Texts.chip, source: "s0"), mode: .ingest)
            }
        }
        #expect(try s.articleCount() == 0)
        try await SourceLease.$current.withValue(theirs) {
            _ = try await s.save(draft(url: "https://s0.example.com/1", title: "제목", text: Texts.chip, source: "s0"), mode: .ingest)
        }
        #expect(try s.articleCount() == 1)
    }

    /// Starts on one host are spaced by the delay across workers; at most `limit` slots are held; Retry-After is shared.
    @Test func hostReservationsAreSpacedAndLimited() throws {
        let s = try Self.store()
        var waits: [Double] = []
        var slots: [Int64] = []
        for w in ["a", "b"] {
            guard case .reserved(let slot, let wait) = try s.reserveHost("h.example.com:443", worker: w, limit: 2, delay: 0.5, slotSeconds: 30) else {
                Issue.record("expected a slot"); return
            }
            waits.append(wait)
            slots.append(slot)
        }
        #expect(waits[0] < 0.05 && waits[1] > 0.4 && waits[1] <= 0.5)
        #expect(try s.reserveHost("h.example.com:443", worker: "c", limit: 2, delay: 0.5, slotSeconds: 30) == .full)
        try s.releaseHost(slot: slots[0])
        guard case .reserved(_, let third) = try s.reserveHost("h.example.com:443", worker: "c", limit: 2, delay: 0.5, slotSeconds: 30) else {
            Issue.record("expected a slot after a release"); return
        }
        #expect(third > 0.9 && third <= 1.0)
        try s.backOffHost("h.example.com:443", until: Date().addingTimeInterval(120))
        guard case .backingOff = try s.reserveHost("h.example.com:443", worker: "d", limit: 2, delay: 0.5, slotSeconds: 30) else {
            Issue.record("expected back-off"); return
        }
        // Another host is not affected.
        guard case .reserved(_, let other) = try s.reserveHost("other.example.com:443", worker: "d", limit: 2, delay: 0.5, slotSeconds: 30) else {
            Issue.record("expected a slot on another host"); return
        }
        #expect(other < 0.05)
    }
}
