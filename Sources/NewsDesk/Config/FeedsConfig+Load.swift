import Foundation
import Yams

// Loading feeds.yaml: compose the YAML into nodes (for line numbers), read every field with its line,
// validate, and report every problem at once. Keys are snake_case; see docs/config.md.

extension FeedsConfig {
    /// Reads and validates `path`. Throws `ConfigError` listing every problem as `file:line: field: message`.
    ///
    /// `path:` entries of sources are resolved against the config file's folder and stored absolute.
    public static func load(path: String) throws(ConfigError) -> FeedsConfig {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let t = String(data: data, encoding: .utf8) else {
                throw ConfigError.unreadable(file: path, reason: "the file is not UTF-8 text (save it as UTF-8)")
            }
            text = t
        } catch let e as ConfigError {
            throw e
        } catch {
            throw .unreadable(file: path, reason: "cannot read the config file (\(error.localizedDescription)); pass --config FILE or create feeds.yaml")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(yaml: text, file: path, directory: directory)
    }

    /// Parses and validates YAML text. `file` names it in messages; `directory` resolves `path:` entries.
    public static func parse(yaml: String, file: String = "feeds.yaml", directory: String = ".") throws(ConfigError) -> FeedsConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw .invalid(file: file, problems: [yamlProblem(error, file: file)])
        } catch {
            throw .invalid(file: file, problems: [ConfigProblem(file: file, line: 0, field: "", message: "not valid YAML: \(error)")])
        }
        guard let root else {
            throw .invalid(file: file, problems: [ConfigProblem(file: file, line: 0, field: "", message: "the file is empty (add `sources:`; see docs/config.md)")])
        }
        var loader = ConfigLoader(reader: ConfigReader(file: file), directory: directory)
        let config = loader.read(root)
        let problems = loader.reader.problems.sorted { ($0.line, $0.field) < ($1.line, $1.field) }
        guard problems.isEmpty, var config else {
            throw .invalid(file: file, problems: problems)
        }
        config.warnings = loader.reader.warnings
        config.lines = loader.reader.lines
        return config
    }

    private static func yamlProblem(_ error: YamlError, file: String) -> ConfigProblem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            let ctx = context.map { "\($0.text) " } ?? ""
            return ConfigProblem(file: file, line: mark.line, field: "", message: "not valid YAML: \(ctx)\(problem) (check indentation and quoting)")
        case .reader(let problem, let offset, let value, let yaml):
            // A character YAML refuses (a control character, an invalid code point): name its line (a fuzz finding).
            let line = offset.map { n in 1 + yaml.prefix(n).count(where: \.isNewline) } ?? 0
            let code = value >= 0 ? String(format: " U+%04X", value) : ""
            return ConfigProblem(file: file, line: line, field: "",
                                 message: "not valid YAML: \(problem)\(code) (remove the character; the file must be plain UTF-8 text)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigProblem(file: file, line: context.mark.line, field: "",
                                 message: "duplicate key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) in one mapping (keep one)")
        default:
            return ConfigProblem(file: file, line: 0, field: "", message: "not valid YAML: \(error)")
        }
    }
}
