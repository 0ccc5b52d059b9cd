import Foundation

/// Everything that can go wrong in the Classify stage: loading or saving a model, reading labelled data,
/// training and evaluating. Each message names the stage and the object and says what to do.
public enum ClassifyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The model file does not exist or cannot be read.
    case modelUnreadable(path: String, reason: String)
    /// The file is not a NewsDesk section model (wrong magic bytes).
    case notAModel(path: String)
    /// The model file was written by another format version.
    case unsupportedModelVersion(path: String, found: UInt32, supported: UInt32)
    /// The model file is truncated, its checksum does not match, or its header is inconsistent.
    case corruptModel(path: String, detail: String)
    /// The model could not be written.
    case modelNotWritten(path: String, reason: String)
    /// The shipped model is missing from the package's resources.
    case shippedModelMissing
    /// A labelled data file could not be read or parsed.
    case badData(path: String, detail: String)
    /// A column named on the command line is not in the data file.
    case missingColumn(path: String, column: String, available: [String])
    /// Training cannot start (no examples, a single label, bad option).
    case cannotTrain(String)

    public var description: String {
        switch self {
        case let .modelUnreadable(path, reason):
            return "classify: cannot read model \(path): \(reason); check the path (feeds.yaml classify.model or --model)"
        case let .notAModel(path):
            return "classify: \(path) is not a NewsDesk section model (bad magic); pass a file written by `newsdesk classify train`"
        case let .unsupportedModelVersion(path, found, supported):
            return "classify: model \(path) has format version \(found), this NewsDesk reads versions 2 to \(supported); retrain it with `newsdesk classify train`"
        case let .corruptModel(path, detail):
            return "classify: model \(path) is corrupt (\(detail)); retrain it with `newsdesk classify train` or reinstall the shipped model"
        case let .modelNotWritten(path, reason):
            return "classify: cannot write model \(path): \(reason); check that the directory exists and is writable"
        case .shippedModelMissing:
            return "classify: the shipped model (Resources/section-model.ndcm) is missing from the NewsDesk bundle; reinstall NewsDesk or set classify.model in feeds.yaml"
        case let .badData(path, detail):
            return "classify: cannot read labelled data \(path): \(detail); use a CSV with a header row or JSON Lines with one object per line"
        case let .missingColumn(path, column, available):
            return "classify: \(path) has no column \"\(column)\" (it has: \(available.joined(separator: ", "))); pass --text-column/--label-column"
        case let .cannotTrain(message):
            return "classify: cannot train: \(message)"
        }
    }
}
