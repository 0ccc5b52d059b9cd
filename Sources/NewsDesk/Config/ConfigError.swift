/// One problem in `feeds.yaml`: where it is and what to do about it.
///
/// `description` is `file:line: field: message`, e.g. `feeds.yaml:14: sources[2].url: not an http(s) URL …`.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    /// The config file as it was named to `FeedsConfig.load`.
    public var file: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// The field path: `sources[2].url`, `defaults.user_agent`, `sections`; empty for the whole file.
    public var field: String
    public var message: String

    public init(file: String, line: Int, field: String, message: String) {
        self.file = file; self.line = line; self.field = field; self.message = message
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        return field.isEmpty ? "\(place): \(message)" : "\(place): \(field): \(message)"
    }
}

/// Why a configuration could not be used. `problems` lists every problem found, in file order.
public enum ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file was read; these problems were found (every one, not just the first).
    case invalid(file: String, problems: [ConfigProblem])

    /// Every problem, each as `file:line: field: message`.
    public var problems: [ConfigProblem] {
        switch self {
        case .unreadable(let file, let reason): [ConfigProblem(file: file, line: 0, field: "", message: reason)]
        case .invalid(_, let problems): problems
        }
    }

    public var description: String {
        let p = problems
        let head = p.count == 1 ? "config: 1 problem" : "config: \(p.count) problems"
        return ([head + " (fix them and run `newsdesk feeds check`)"] + p.map(\.description)).joined(separator: "\n")
    }
}
