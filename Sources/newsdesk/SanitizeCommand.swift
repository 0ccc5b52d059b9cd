import ArgumentParser
import Foundation
import NewsDesk

/// `newsdesk sanitize`: cleans HTML files (or stdin) into safe article fragments.
struct SanitizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sanitize",
        abstract: "Clean HTML into a safe article fragment.",
        discussion: """
        Reads each FILE (or stdin for '-' or no file) and writes the clean UTF-8 fragment to stdout. \
        With several files, --out-dir DIR writes DIR/<name>.html for each, in one process.
        """
    )

    @Option(name: .long, help: "Base URL (http/https) for relative links and images.")
    var baseURL: String?

    @Option(name: .long, help: "Charset of the input (default UTF-8; EUC-KR is read as CP949).")
    var charset: String = "UTF-8"

    @Flag(name: .long, help: "Print what was removed or rewritten to stderr.")
    var report = false

    @Option(name: .long, help: "Write one cleaned file per input into this directory.")
    var outDir: String?

    @Argument(help: "HTML files, or '-' for stdin.")
    var files: [String] = []

    func validate() throws {
        if files.count > 1 && outDir == nil {
            throw ValidationError("sanitize: several files need --out-dir DIR (or give one file at a time)")
        }
    }

    func run() async throws {
        let sanitizer = Sanitizer(policy: .default)
        let inputs = files.isEmpty ? ["-"] : files
        if let outDir {
            try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        }
        for file in inputs {
            let bytes = try Self.read(file)
            try Self.checkNotBinary(bytes, file: file, charset: charset)
            let result: SanitizedHTML
            do {
                result = try sanitizer.sanitize(bytes: bytes, charset: charset, baseURL: baseURL)
            } catch let e as SanitizeError {
                throw CommandFailure(message: e.description)
            }
            let output = result.html.isEmpty ? "" : result.html + "\n"
            if let outDir {
                let name = ((file == "-" ? "stdin" : (file as NSString).lastPathComponent) as NSString).deletingPathExtension + ".html"
                let path = (outDir as NSString).appendingPathComponent(name)
                guard FileManager.default.createFile(atPath: path, contents: Data(output.utf8)) else {
                    throw CommandFailure(message: "sanitize: cannot write \(path) (check that the directory is writable)")
                }
            } else {
                FileHandle.standardOutput.write(Data(output.utf8))
            }
            if report {
                FileHandle.standardError.write(Data("== \(file)\n\(result.report.summary)\n".utf8))
            }
        }
    }

    static func read(_ file: String) throws -> [UInt8] {
        if file == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure(message: "sanitize: cannot read \(file) (check the path and its permissions)")
        }
        return [UInt8](data)
    }

    /// NUL bytes in the first 8 KB of an 8-bit or UTF-8 input mean it is not HTML text.
    static func checkNotBinary(_ bytes: [UInt8], file: String, charset: String) throws {
        let c = charset.lowercased()
        guard !c.hasPrefix("utf-16"), !c.hasPrefix("utf-32"), !c.hasPrefix("ucs") else { return }
        if bytes.prefix(8192).contains(0) {
            throw CommandFailure(message: "sanitize: \(file) looks binary (NUL bytes), not HTML text; give an HTML file or the right --charset")
        }
    }
}

/// A command failure with a message that says what to do; exits with status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
