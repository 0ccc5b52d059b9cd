import Foundation

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
