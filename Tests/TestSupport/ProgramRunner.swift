import Foundation

/// Runs a program to its end for a test: exit code, stdout and stderr. Output goes to temporary files rather than
/// pipes, so a program that writes more than a pipe holds to one stream while the test reads the other cannot stall.
public enum ProgramRunner {
    /// What the program did.
    public struct Result: Sendable {
        public let code: Int32
        public let out: String
        public let err: String
    }

    /// Runs `executable` with `arguments` in `cwd` (the test's own when nil), with the test's environment minus
    /// `removing`, plus `environment`.
    public static func run(_ executable: URL, _ arguments: [String], cwd: URL? = nil, environment: [String: String] = [:],
                           removing: [String] = []) throws -> Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }

        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        if let cwd { p.currentDirectoryURL = cwd }
        var env = ProcessInfo.processInfo.environment
        for k in removing { env[k] = nil }
        for (k, v) in environment { env[k] = v }
        p.environment = env
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return Result(code: p.terminationStatus, out: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      err: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
