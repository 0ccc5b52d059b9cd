import Foundation
import NewsDesk

/// Locates files under the repository's `fixtures/` folder from this source file's path.
public enum Fixtures {
    /// The repository root.
    public static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `fixtures/`.
    public static let directory: URL = root.appendingPathComponent("fixtures")
    /// `../shared` beside the repository, when present.
    public static let shared: URL? = {
        let u = root.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: u.path) ? u : nil
    }()

    public static func url(_ relative: String) -> URL { directory.appendingPathComponent(relative) }
    public static func data(_ relative: String) throws -> Data { try Data(contentsOf: url(relative)) }
    public static func bytes(_ relative: String) throws -> [UInt8] { [UInt8](try data(relative)) }
    public static func string(_ relative: String) throws -> String { String(decoding: try data(relative), as: UTF8.self) }
}

extension Array where Element == IPNetwork {
    /// Networks written in a test (`allowNetworks: .cidrs("127.0.0.1/32")`); one that does not parse stops the test
    /// run at once (`feeds.yaml` and `--allow` parse theirs with line-numbered errors instead).
    public static func cidrs(_ texts: String...) -> [IPNetwork] {
        texts.map { t in
            do { return try IPNetwork(t) } catch { preconditionFailure("test network \(error)") }
        }
    }
}
