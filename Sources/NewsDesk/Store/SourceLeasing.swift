import Foundation

/// A worker's hold on one source (`SourceLeasing.lease`): the source id and the token the lease was taken with.
public struct SourceLease: Sendable, Equatable {
    public var sourceID: String
    public var worker: String
    public var token: Int64

    /// The lease the current task works under: a store that leases (PostgreSQL) checks it in every write transaction
    /// and throws `StoreError.leaseLost` when another worker has taken the source since (the fence).
    @TaskLocal public static var current: SourceLease?
}

/// When a host may be contacted, as the shared politeness state says (`SourceLeasing.reserveHost`).
public enum HostReservation: Sendable, Equatable {
    /// A slot is held (release it with its id); start after `wait` seconds.
    case reserved(slot: Int64, wait: Double)
    /// All of the host's slots are in use; ask again shortly.
    case full
    /// The host asked (Retry-After) not to be contacted before this time.
    case backingOff(until: Date)
}

/// What many workers need of a shared store (PostgreSQL): leases on due sources, run heartbeats, and per-host
/// politeness kept in the database. SQLite does not lease: `ingest --workers/--loop` refuse it.
public protocol SourceLeasing: Sendable {
    /// Leases up to `limit` due sources of `ids` for `seconds` (`SELECT … FOR UPDATE SKIP LOCKED`): due by `next_due`,
    /// or, with `forceSince`, not attempted since that time; a source whose lease is live is skipped, an expired one taken.
    func lease(ids: [String], worker: String, limit: Int, seconds: Double, forceSince: Date?) throws -> [SourceLease]
    /// Extends live leases of `worker`; returns the ones still held (a missing one was lost).
    func renew(_ leases: [SourceLease], seconds: Double) throws -> [SourceLease]
    /// Gives a lease back (only if it is still this lease).
    func release(_ lease: SourceLease) throws
    /// How many sources of `ids` are due (as `lease` counts) but leased by someone: a worker waits for those before
    /// it decides the run is over (a killed worker's lease expires and its sources become leasable).
    func dueButLeased(ids: [String], forceSince: Date?) throws -> Int

    /// Starts a worker's run (others' runs keep running); runs whose heartbeat is older than `staleAfter` seconds
    /// are marked interrupted.
    func beginWorkerRun(worker: String, at: Date, staleAfter: Double) throws -> Int64
    /// The run is alive.
    func heartbeat(runID: Int64) throws

    /// Reserves a start on `host`: at most `limit` requests in flight (a slot lives at most `slotSeconds`), starts
    /// spaced by `delay` seconds across every worker.
    func reserveHost(_ host: String, worker: String, limit: Int, delay: Double, slotSeconds: Double) throws -> HostReservation
    /// Frees a slot.
    func releaseHost(slot: Int64) throws
    /// Records a Retry-After for `host`.
    func backOffHost(_ host: String, until: Date) throws
}
