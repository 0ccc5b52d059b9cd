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
        With several files, --out-dir DIR writes DIR/<name>.html for each, in one process; names that would clash \
        are refused before anything is written. A file that cannot be read or is not HTML (an image, a PDF, an \
        executable) is reported and skipped, the others are written, and the exit status is 1 at the end. \
        The charset comes from --charset, else from the page itself (BOM, <meta>, sniffing), as for extract and ingest; \
        invalid bytes and NUL bytes become U+FFFD.
        """
    )

    @Option(name: .long, help: "Base URL (http/https) for relative links and images.")
    var baseURL: String?

    @Option(name: .long, help: "Charset of the input (default: from the page's BOM or <meta>, else sniffed; EUC-KR is read as CP949).")
    var charset: String?

    @Flag(name: .long, help: "Print what was removed or rewritten to stderr.")
    var report = false

    @Option(name: .long, help: "Write one cleaned file per input into this directory.")
    var outDir: String?

    @Option(help: "A feeds.yaml whose `sanitize:` rules apply, as for ingest (default: the shipped policy).")
    var config: String?

    @Argument(help: "HTML files, or '-' for stdin.")
    var files: [String] = []

    func validate() throws {
        if files.count > 1 && outDir == nil {
            throw ValidationError("sanitize: several files need --out-dir DIR (or give one file at a time)")
        }
        if let charset, !CharsetDecoder.isKnownCharset(charset) {
            throw ValidationError("--charset \(charset): unknown charset (use a name iconv knows: UTF-8, EUC-KR, CP949, windows-1252, …)")
        }
    }

    func run() async throws {
        // The stage functions ingest uses, built from the same policy.
        let processor = ArticleProcessor(policy: try config.map { try PolicyFile.load($0) } ?? .standard, classifier: nil)
        let inputs = files.isEmpty ? ["-"] : files
        var outputs: [String: String] = [:]
        if let outDir {
            outputs = try Self.outputPaths(inputs, in: outDir)
            try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        }
        var failed: [String] = []
        for file in inputs {
            do {
                let page = try Self.decode(try Self.read(file), file: file, baseURL: baseURL, charset: charset, processor: processor)
                if let w = page.misdecodingWarning { FileHandle.standardError.write(Data("warning: \(file): \(w)\n".utf8)) }
                let result = processor.sanitize(page: page, baseURL: baseURL)
                let output = result.html.isEmpty ? "" : result.html + "\n"
                if let path = outputs[file] {
                    guard FileManager.default.createFile(atPath: path, contents: Data(output.utf8)) else {
                        throw CommandFailure(message: "cannot write \(path) (check that the directory is writable)")
                    }
                } else {
                    FileHandle.standardOutput.write(Data(output.utf8))
                }
                if report {
                    let decoded = "charset: \(page.sourceCharset) (from \(page.charsetSource.rawValue)); "
                        + "replaced by U+FFFD: \(page.replacements) invalid sequences, \(page.nuls) NUL bytes"
                    FileHandle.standardError.write(Data("== \(file)\n\(decoded)\n\(result.report.summary)\n".utf8))
                }
            } catch {
                // One bad file is reported and skipped; the batch goes on.
                failed.append(file)
                FileHandle.standardError.write(Data("sanitize: \(file): \(error); skipped\n".utf8))
            }
        }
        if !failed.isEmpty {
            if inputs.count > 1 {
                FileHandle.standardError.write(Data("sanitize: \(failed.count) of \(inputs.count) files failed: \(failed.joined(separator: ", "))\n".utf8))
            }
            throw ExitCode(1)
        }
    }

    /// DIR/<name>.html for each input; throws, before anything is written, when two inputs would get the same name.
    static func outputPaths(_ inputs: [String], in dir: String) throws -> [String: String] {
        var byName: [String: [String]] = [:]
        for file in inputs {
            let base = file == "-" ? "stdin" : (file as NSString).lastPathComponent
            byName[(base as NSString).deletingPathExtension + ".html", default: []].append(file)
        }
        let clashes = byName.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }
        guard clashes.isEmpty else {
            let list = clashes.map { "\($0.value.joined(separator: " and ")) would all be written to \((dir as NSString).appendingPathComponent($0.key))" }
            throw CommandFailure(message: "sanitize: " + list.joined(separator: "; ")
                + "; nothing was written (sanitize files with the same name into different --out-dir folders)")
        }
        var out: [String: String] = [:]
        for (name, files) in byName { for f in files { out[f] = (dir as NSString).appendingPathComponent(name) } }
        return out
    }

    static func read(_ file: String) throws -> [UInt8] {
        if file == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure(message: "cannot read \(file) (check the path and its permissions)")
        }
        return [UInt8](data)
    }

    /// The decode stage every command shares: HTML only (a binary is refused), charset from `--charset` or the page.
    static func decode(_ bytes: [UInt8], file: String, baseURL: String?, charset: String?, processor: ArticleProcessor) throws -> DecodedPage {
        let url = baseURL ?? (file == "-" ? "stdin" : URL(fileURLWithPath: file).absoluteString)
        let resource = FetchedResource(requestedURL: url, finalURL: url, status: 200, headers: [:], body: bytes, elapsed: 0)
        do { return try processor.decode(resource, source: ArticleProcessor.adHocSource(url: url), charset: charset) } catch {
            throw CommandFailure(message: error.message)
        }
    }
}

/// A command failure with a message that says what to do; exits with status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
