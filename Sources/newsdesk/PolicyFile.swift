import ArgumentParser
import Foundation
import NewsDesk

/// How every command reads feeds.yaml: `Policy.load`, the build `feeds check` runs, so no command can accept a file
/// another rejects. A problem prints every `file:line: field: message` and exits 3.
enum PolicyFile {
    static func load(_ path: String) throws -> Policy {
        do { return try Policy.load(path: path) } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(IngestExit.config.rawValue)
        }
    }

    /// The networks of repeated `--allow CIDR` options, parsed once (a usage error names the bad one).
    static func networks(_ cidrs: [String]) throws -> [IPNetwork] {
        try cidrs.map { c in
            do { return try IPNetwork(c) } catch { throw ValidationError("--allow \(error)") }
        }
    }
}
