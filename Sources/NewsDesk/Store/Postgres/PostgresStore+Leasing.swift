import Foundation
import PostgresNIO

extension PostgresStore: SourceLeasing {
    /// The due condition shared by `lease` and `dueButLeased` (`$force`: a time, or NULL for "by next_due").
    static func dueCondition(_ force: String) -> String {
        "(CASE WHEN \(force)::timestamptz IS NULL THEN (next_due IS NULL OR next_due <= now()) "
            + "ELSE (last_attempt IS NULL OR last_attempt < \(force)::timestamptz) END)"
    }

    public func lease(ids: [String], worker: String, limit: Int, seconds: Double, forceSince: Date?) throws -> [SourceLease] {
        guard !ids.isEmpty, limit > 0 else { return [] }
        var b = SQLBuilder()
        let idsP = b.bind(ids), workerP = b.bind(worker), secondsP = b.bind(seconds), forceP = b.bind(forceSince), limitP = b.bind(limit)
        b.sql = """
            UPDATE sources SET leased_by = \(workerP), lease_until = now() + \(secondsP) * interval '1 second', lease_token = lease_token + 1
            WHERE id IN (
                SELECT id FROM sources
                WHERE id = ANY(\(idsP)) AND (lease_until IS NULL OR lease_until < now()) AND \(Self.dueCondition(forceP))
                ORDER BY next_due NULLS FIRST, id LIMIT \(limitP)
                FOR UPDATE SKIP LOCKED)
            RETURNING id, lease_token
            """
        return try write(lease: nil, "lease sources") { s in
            try s.query(b.query).map { SourceLease(sourceID: try $0.get("id"), worker: worker, token: try $0.get("lease_token")) }
        }
    }

    public func renew(_ leases: [SourceLease], seconds: Double) throws -> [SourceLease] {
        guard let worker = leases.first?.worker else { return [] }
        let held = try write(lease: nil, "renew leases") { s in
            try s.query("""
                UPDATE sources SET lease_until = now() + \(seconds) * interval '1 second'
                FROM unnest(\(leases.map(\.sourceID))::text[], \(leases.map(\.token))::bigint[]) AS l(id, token)
                WHERE sources.id = l.id AND sources.lease_token = l.token AND sources.leased_by = \(worker) AND sources.lease_until >= now()
                RETURNING sources.id
                """).map { try $0.get("id", String.self) }
        }
        return leases.filter { held.contains($0.sourceID) }
    }

    public func release(_ lease: SourceLease) throws {
        try write(lease: nil, "release lease \(lease.sourceID)") { s in
            try s.query("""
                UPDATE sources SET leased_by = NULL, lease_until = NULL
                WHERE id = \(lease.sourceID) AND lease_token = \(lease.token) AND leased_by = \(lease.worker)
                """)
        }
    }

    public func dueButLeased(ids: [String], forceSince: Date?) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        var b = SQLBuilder()
        let idsP = b.bind(ids), forceP = b.bind(forceSince)
        b.sql = "SELECT count(*) AS n FROM sources WHERE id = ANY(\(idsP)) AND lease_until >= now() AND \(Self.dueCondition(forceP))"
        return try run("count leased sources") { s in try s.query(b.query).first?.get("n", Int.self) ?? 0 }
    }

    public func beginWorkerRun(worker: String, at: Date, staleAfter: Double) throws -> Int64 {
        try write(lease: nil, "begin run") { s in
            try s.query("""
                UPDATE runs SET status = 'interrupted'
                WHERE status = 'running' AND (heartbeat IS NULL OR heartbeat < now() - \(staleAfter) * interval '1 second')
                """)
            return try s.query("""
                INSERT INTO runs (started_at, status, dry_run, heartbeat, worker) VALUES (\(at), 'running', false, now(), \(worker)) RETURNING id
                """).first?.get("id", Int64.self) ?? 0
        }
    }

    public func heartbeat(runID: Int64) throws {
        try write(lease: nil, "run heartbeat") { s in try s.query("UPDATE runs SET heartbeat = now() WHERE id = \(runID)") }
    }

    public func reserveHost(_ host: String, worker: String, limit: Int, delay: Double, slotSeconds: Double) throws -> HostReservation {
        try write(lease: nil, "reserve host \(host)") { s in
            try s.query("INSERT INTO hosts (host) VALUES (\(host)) ON CONFLICT (host) DO NOTHING")
            guard let h = try s.query("""
                SELECT not_before, not_before > now() AS backing_off FROM hosts WHERE host = \(host) FOR UPDATE
                """).first else { return .full }
            if try h.get("backing_off", Bool?.self) == true, let until = try h.get("not_before", Date?.self) { return .backingOff(until: until) }
            try s.query("DELETE FROM host_slots WHERE host = \(host) AND until < now()")
            let inFlight = try s.query("SELECT count(*) AS n FROM host_slots WHERE host = \(host)").first?.get("n", Int.self) ?? 0
            guard inFlight < limit else { return .full }
            // The start: the host's next allowed time or now; the next start is `delay` after it (server clock, so
            // workers on several machines agree). `clock_timestamp()`, not `now()`: the transaction may have waited for
            // the host's row lock, and its start time would place this start (and the next) too early.
            guard let row = try s.query("""
                WITH start AS (SELECT greatest(clock_timestamp(), next_allowed) AS at FROM hosts WHERE host = \(host)),
                     moved AS (UPDATE hosts SET next_allowed = (SELECT at FROM start) + \(delay) * interval '1 second' WHERE host = \(host)),
                     slot AS (INSERT INTO host_slots (host, worker, until)
                              SELECT \(host), \(worker), at + \(slotSeconds) * interval '1 second' FROM start RETURNING id)
                SELECT (SELECT id FROM slot) AS id, extract(epoch FROM (SELECT at FROM start) - clock_timestamp())::float8 AS wait
                """).first else { return .full }
            return .reserved(slot: try row.get("id", Int64.self), wait: max(0, try row.get("wait", Double.self)))
        }
    }

    public func releaseHost(slot: Int64) throws {
        try write(lease: nil, "release host slot") { s in try s.query("DELETE FROM host_slots WHERE id = \(slot)") }
    }

    public func backOffHost(_ host: String, until: Date) throws {
        try write(lease: nil, "back off host \(host)") { s in
            try s.query("""
                INSERT INTO hosts (host, not_before) VALUES (\(host), \(until))
                ON CONFLICT (host) DO UPDATE SET not_before = greatest(coalesce(hosts.not_before, excluded.not_before), excluded.not_before)
                """)
        }
    }

    /// The fence: inside a write transaction of a task working under a lease, the lease must still be this worker's.
    /// A plain read, not `FOR SHARE`: a share lock on the source row would deadlock two articles of one source, each
    /// holding it and one waiting to bump `articles_stored`. A takeover needs the lease expired — the worker silent
    /// for `lease_seconds` — so the window between this check and the commit only lets through writes that are
    /// idempotent anyway (the article dedup holds).
    static func checkFence(_ lease: SourceLease, _ s: PostgresSession) throws {
        let held = try s.query("""
            SELECT 1 AS one FROM sources WHERE id = \(lease.sourceID) AND leased_by = \(lease.worker) AND lease_token = \(lease.token)
            AND lease_until >= now()
            """)
        if held.isEmpty { throw StoreError.leaseLost(source: lease.sourceID) }
    }
}
