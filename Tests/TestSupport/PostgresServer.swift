import Foundation
import Glibc
import Synchronization

/// A throwaway PostgreSQL cluster for the tests, started once per test process and stopped at exit: `initdb` into a
/// temporary folder, `pg_ctl start` on 127.0.0.1 with a free port (trust auth, fsync off). As root the server runs
/// as the `postgres` user (`runuser`), which owns the folder. Each test takes a database of its own (`database()`).
///
/// When no server can start (binaries missing, no `postgres` user), `available` is false and `skipReason` says why;
/// the PostgreSQL tests are `.enabled(if: PostgresServer.available)` and print the reason.
public enum PostgresServer {
    /// The running cluster, or why there is none.
    private static let state: Result<Cluster, Failure> = start()
    private static let counter = Atomic<Int>(0)

    public struct Failure: Error, CustomStringConvertible { public var description: String }

    struct Cluster {
        let dir: String
        let port: Int
        let bin: String
        let asPostgres: Bool
    }

    /// Whether a server runs; the first call starts it.
    public static var available: Bool {
        switch state {
        case .success: return true
        case .failure(let f):
            reportSkip(f.description)
            return false
        }
    }

    /// Why the PostgreSQL tests are skipped (empty when a server runs).
    public static var skipReason: String { if case .failure(let f) = state { return f.description }; return "" }

    private static let reported = Mutex(false)
    private static func reportSkip(_ reason: String) {
        let first = reported.withLock { r -> Bool in defer { r = true }; return !r }
        if first { FileHandle.standardError.write(Data("PostgreSQL tests skipped: \(reason)\n".utf8)) }
    }

    /// The port of the running server.
    public static var port: Int? { try? state.get().port }

    /// A new, empty database on the shared server: its `postgres://` URL.
    public static func database(_ prefix: String = "t") throws -> String {
        let cluster = try state.get()
        let name = "\(prefix)_\(getpid())_\(counter.wrappingAdd(1, ordering: .relaxed).oldValue)"
            .lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" }
        let (code, out) = run(cluster.bin + "/psql", ["-h", "127.0.0.1", "-p", "\(cluster.port)", "-U", "postgres", "-d", "postgres",
                                                     "-v", "ON_ERROR_STOP=1", "-q", "-c", "CREATE DATABASE \(name)"], asPostgres: false)
        guard code == 0 else { throw Failure(description: "CREATE DATABASE \(name) failed: \(out)") }
        return "postgres://postgres@127.0.0.1:\(cluster.port)/\(name)"
    }

    /// Runs SQL with psql against `url`'s database; returns psql's unaligned output.
    public static func psql(_ url: String, _ sql: String) throws -> String {
        let cluster = try state.get()
        let db = String(url.split(separator: "/").last ?? "postgres")
        let (code, out) = run(cluster.bin + "/psql", ["-h", "127.0.0.1", "-p", "\(cluster.port)", "-U", "postgres", "-d", db,
                                                     "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql], asPostgres: false)
        guard code == 0 else { throw Failure(description: "psql failed: \(out)") }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - starting and stopping

    private static func findBinaries() -> String? {
        var candidates = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/14/bin"]
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") { candidates.append(String(dir)) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") && FileManager.default.isExecutableFile(atPath: $0 + "/pg_ctl")
            && FileManager.default.isExecutableFile(atPath: $0 + "/psql") }
    }

    private static func start() -> Result<Cluster, Failure> {
        guard let bin = findBinaries() else {
            return .failure(Failure(description: "initdb/pg_ctl/psql not found (install postgresql: scripts/setup.sh)"))
        }
        let asPostgres = getuid() == 0
        var owner: passwd?
        if asPostgres {
            guard let pw = getpwnam("postgres") else { return .failure(Failure(description: "running as root and there is no postgres user")) }
            owner = pw.pointee
        }
        var template = Array((NSTemporaryDirectory() + "newsdesk-pg-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { return .failure(Failure(description: "mkdtemp failed")) }
        let dir = String(cString: made)
        if let owner { chown(dir, owner.pw_uid, owner.pw_gid) }
        chmod(dir, 0o700)
        let data = dir + "/data"
        let (initCode, initOut) = run(bin + "/initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                                      asPostgres: asPostgres)
        guard initCode == 0 else { return .failure(Failure(description: "initdb failed: \(initOut.suffix(400))")) }
        for attempt in 0..<5 {
            let port = freePort()
            let options = "-p \(port) -k \(dir) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
            let (code, out) = run(bin + "/pg_ctl", ["-D", data, "-o", options, "-l", dir + "/server.log", "-w", "-t", "30", "start"], asPostgres: asPostgres)
            if code == 0 {
                let cluster = Cluster(dir: dir, port: port, bin: bin, asPostgres: asPostgres)
                stopping.withLock { $0 = cluster }
                atexit { PostgresServer.stop() }
                watch(cluster)
                return .success(cluster)
            }
            if attempt == 4 { return .failure(Failure(description: "pg_ctl start failed: \(out.suffix(400))")) }
        }
        return .failure(Failure(description: "pg_ctl start failed"))
    }

    private static let stopping = Mutex<Cluster?>(nil)

    /// Stops the server (immediate: the data is thrown away) and removes its folder.
    static func stop() {
        guard let c = stopping.withLock({ c -> Cluster? in defer { c = nil }; return c }) else { return }
        _ = run(c.bin + "/pg_ctl", ["-D", c.dir + "/data", "-m", "immediate", "-w", "stop"], asPostgres: c.asPostgres)
        try? FileManager.default.removeItem(atPath: c.dir)
    }

    /// A watchdog shell that stops the server and removes its folder once this process is gone, however it ends
    /// (atexit does not run when the test process crashes or is killed).
    private static func watch(_ c: Cluster) {
        let stopCommand = (c.asPostgres ? "/usr/sbin/runuser -u postgres -- " : "") + "\(c.bin)/pg_ctl -D \(c.dir)/data -m immediate -w stop"
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(stopCommand) >/dev/null 2>&1; rm -rf \(c.dir)"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["/bin/sh", "-c", script]
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        _ = posix_spawn(&pid, "/bin/sh", &actions, nil, &cArgs, environ)
    }

    private static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// Runs a program (as `postgres` through runuser when asked); returns its exit code and combined output.
    /// posix_spawn + waitpid, not `Process`: the server pg_ctl starts inherits descriptors and outlives it, and
    /// output goes to a file so no pipe is held open by it.
    static func run(_ program: String, _ arguments: [String], asPostgres: Bool) -> (Int32, String) {
        let argv = asPostgres ? ["/usr/sbin/runuser", "-u", "postgres", "--", program] + arguments : [program] + arguments
        let log = NSTemporaryDirectory() + "newsdesk-pg-run-\(UUID().uuidString).log"
        defer { unlink(log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ)
        guard spawned == 0 else { return (-1, "posix_spawn \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1
        return (code, output)
    }
}

/// Runs blocking work (a child process, psql, a wait) on a thread of its own while the calling task suspends, so a
/// long test does not hold one of the cooperative pool's threads (two on this machine) that other suites run on.
public func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (c: CheckedContinuation<T, any Error>) in
        let t = Thread { c.resume(with: Result { try body() }) }
        t.stackSize = 1 << 20
        t.start()
    }
}
