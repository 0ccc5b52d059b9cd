import Foundation
import Logging
import Synchronization

/// How `Pipeline.work` runs: N leasing loops in this process, once over the due sources or on and on.
public struct WorkerOptions: Sendable {
    /// Leasing loops in this process (each works one source at a time).
    public var workers: Int
    /// Keep leasing as sources come due until `shouldStop` says so (an alternative to cron).
    public var loop: Bool
    /// How long a lease lasts without renewal; renewed every third of it while the source is worked.
    public var leaseSeconds: Double
    /// How long a loop waits before asking again when nothing is due (or everything due is leased elsewhere).
    public var pollSeconds: Double
    /// Checked between sources: SIGTERM/SIGINT set it, and the loops finish their source and stop.
    public var shouldStop: @Sendable () -> Bool

    public init(workers: Int = 1, loop: Bool = false, leaseSeconds: Double = 60, pollSeconds: Double = 1,
                shouldStop: @escaping @Sendable () -> Bool = { false }) {
        self.workers = max(1, workers); self.loop = loop; self.leaseSeconds = max(1, leaseSeconds)
        self.pollSeconds = max(0.05, pollSeconds); self.shouldStop = shouldStop
    }
}

extension Pipeline {
    /// Runs leasing workers against a shared store (PostgreSQL): each loop leases one due source
    /// (`SELECT … FOR UPDATE SKIP LOCKED`), runs it as `ingest` would (`runSource`, with the lease as the task's write
    /// fence), and gives the lease back. Without `loop` the workers stop when nothing due is left, waiting first for
    /// sources leased elsewhere (a killed worker's sources come back when its leases expire). Per-host politeness is
    /// shared through the database (`SharedHostGate`). Any number of processes may run this side by side; a plain
    /// `ingest` (exclusive lock) and workers (shared lock) exclude each other.
    public func work(_ options: IngestOptions, _ workers: WorkerOptions,
                     progress: (@Sendable (IngestProgress) -> Void)? = nil) async throws(PipelineError) -> RunSummary {
        guard let leasing = store as? any SourceLeasing else { throw .leasingUnsupported(store: store.path) }
        let lock = try Self.ingestLock(store, shared: true)
        defer { withExtendedLifetime(lock) {} }
        let started = Date()
        let selected = try selectedSources(options.sourceIDs)
        let byID = Dictionary(selected.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ids = selected.map(\.id)
        let worker = Self.workerName()
        let runID: Int64
        do {
            try store.syncSources(config.sources)
            runID = try leasing.beginWorkerRun(worker: worker, at: started, staleAfter: workers.leaseSeconds * 3)
        } catch let e as StoreError { throw .store(e) } catch { throw .store(.server(operation: "begin run", reason: "\(error)")) }

        let defaults = config.defaults
        let gate = SharedHostGate(store: leasing, worker: worker, limit: defaults.perHostConcurrency, delay: defaults.politenessDelay,
                                  slotSeconds: defaults.totalTimeout + defaults.connectTimeout + 1, logger: logger)
        let shared = Pipeline(policy: policy, store: store, fetcher: Fetcher(defaults: defaults, logger: logger, gate: gate),
                              classifier: classifier, logger: logger)
        let held = HeldLeases()
        let errors = ErrorLog(limit: 20)
        let forceSince: Date? = options.force ? started : nil
        // The lease decided the source is due.
        let sourceOptions = IngestOptions(sourceIDs: options.sourceIDs, dryRun: false, force: true)
        let logger = self.logger

        // Renew the leases being worked and keep the run's heartbeat.
        let keeper = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(Int64(workers.leaseSeconds * 1000 / 3)))
                if Task.isCancelled { break }
                let current = held.all
                if !current.isEmpty, let kept = try? leasing.renew(current, seconds: workers.leaseSeconds), kept.count < current.count {
                    let lost = Set(current.map(\.sourceID)).subtracting(kept.map(\.sourceID))
                    logger.warning("leases lost", metadata: ["sources": "\(lost.sorted().joined(separator: ","))"])
                }
                try? leasing.heartbeat(runID: runID)
            }
        }
        defer { keeper.cancel() }

        var results: [SourceRunSummary] = []
        await withTaskGroup(of: [SourceRunSummary].self) { group in
            for _ in 0..<workers.workers {
                group.addTask {
                    var done: [SourceRunSummary] = []
                    while !workers.shouldStop() {
                        let lease: SourceLease?
                        do {
                            lease = try leasing.lease(ids: ids, worker: worker, limit: 1, seconds: workers.leaseSeconds, forceSince: forceSince).first
                        } catch {
                            errors.add("lease: \(error)")
                            try? await Task.sleep(for: .milliseconds(Int64(workers.pollSeconds * 1000)))
                            continue
                        }
                        guard let lease, let source = byID[lease.sourceID] else {
                            if !workers.loop, ((try? leasing.dueButLeased(ids: ids, forceSince: forceSince)) ?? 0) == 0 { break }
                            try? await Task.sleep(for: .milliseconds(Int64(workers.pollSeconds * 1000)))
                            continue
                        }
                        held.insert(lease)
                        let summary = await SourceLease.$current.withValue(lease) {
                            await shared.runSource(source, runID: runID, options: sourceOptions, errors: errors, progress: progress)
                        }
                        held.remove(lease)
                        try? leasing.release(lease)
                        progress?(.sourceFinished(summary))
                        done.append(summary)
                    }
                    return done
                }
            }
            for await batch in group { results += batch }
        }
        keeper.cancel()
        let order = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        results.sort { (order[$0.id] ?? 0, $0.status.rawValue) < (order[$1.id] ?? 0, $1.status.rawValue) }
        let checked = results.filter { $0.status != .notDue }
        let anyFailure = results.contains { $0.status == .failed || $0.failed > 0 || $0.warnings > 0 }
        let allFailed = !checked.isEmpty && checked.allSatisfy { $0.status == .failed }
        let status: RunStatus = allFailed ? .failed : anyFailure ? .partial : .ok
        let finished = Date()
        do {
            try store.finishRun(runID, status: status.rawValue, sourcesChecked: checked.count, articlesNew: results.reduce(0) { $0 + $1.new },
                                articlesLinked: results.reduce(0) { $0 + $1.linked }, articlesSkipped: results.reduce(0) { $0 + $1.known },
                                errors: results.reduce(0) { $0 + $1.failed + $1.warnings } + results.filter { $0.status == .failed }.count,
                                at: finished)
        } catch { throw .store(error as? StoreError ?? .server(operation: "finish run", reason: "\(error)")) }
        return RunSummary(status: status, runID: runID, dryRun: false, startedAt: started, finishedAt: finished,
                          database: store.path, sources: results, errors: errors.messages)
    }

    /// `host:pid:random`: a worker's name in leases, host slots and runs.
    static func workerName() -> String {
        "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UInt32.random(in: 0...UInt32.max))"
    }
}

/// The leases a process is working (renewed together by its keeper task).
final class HeldLeases: Sendable {
    private let leases = Mutex<[String: SourceLease]>([:])
    var all: [SourceLease] { leases.withLock { Array($0.values) } }
    func insert(_ lease: SourceLease) { leases.withLock { $0[lease.sourceID] = lease } }
    func remove(_ lease: SourceLease) { leases.withLock { _ = $0.removeValue(forKey: lease.sourceID) } }
}

/// Per-host politeness shared by every worker through the store (`SourceLeasing.reserveHost`): the next allowed
/// start and the slots in flight live in the database, so workers in several processes or on several machines never
/// hit one host faster than `defaults.politeness_delay` / `per_host_concurrency` allow.
final class SharedHostGate: HostPoliteness {
    let store: any SourceLeasing
    let worker: String
    let limit: Int
    let delay: Double
    let slotSeconds: Double
    let logger: Logger
    /// This process's share: at most `limit` requests per host in flight from here (spacing is the database's).
    let local: HostGate

    init(store: any SourceLeasing, worker: String, limit: Int, delay: Double, slotSeconds: Double, logger: Logger) {
        self.store = store; self.worker = worker; self.limit = max(1, limit); self.delay = max(0, delay)
        self.slotSeconds = slotSeconds; self.logger = logger
        local = HostGate(limit: limit, delay: 0)
    }

    func acquire(_ host: String) async -> HostGate.Admission {
        // This process's own slots first: only requests it could start anyway ask the database, so N loops waiting
        // on one host do not poll its row (measured: 32 loops on one host polling every 20 ms cut ingest to a quarter).
        _ = await local.acquire(host)
        var failures = 0
        var pause = 10
        while true {
            do {
                switch try store.reserveHost(host, worker: worker, limit: limit, delay: delay, slotSeconds: slotSeconds) {
                case .reserved(let slot, let wait):
                    return .admitted(at: ContinuousClock.now.advanced(by: .milliseconds(Int64(wait * 1000))), slot: slot)
                case .backingOff(let until):
                    local.release(host)
                    return .backingOff(until: until)
                case .full:
                    // Other processes hold the host's slots: ask again after a growing, jittered pause.
                    try? await Task.sleep(for: .milliseconds(pause + Int.random(in: 0...pause)))
                    pause = min(pause * 2, 200)
                }
            } catch {
                // The database is unreachable: after a few tries go on politely with this process's own spacing.
                failures += 1
                if failures >= 20 {
                    logger.warning("shared politeness unavailable", metadata: ["host": "\(host)", "error": "\(error)"])
                    try? await Task.sleep(for: .milliseconds(Int64(delay * 1000)))
                    return .admitted(at: .now, slot: 0)
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    func release(_ host: String, slot: Int64) {
        if slot > 0 { try? store.releaseHost(slot: slot) }
        local.release(host)
    }

    func backOff(_ host: String, until: Date) { try? store.backOffHost(host, until: until) }
}
