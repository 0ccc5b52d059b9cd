import Foundation

/// Where an export goes.
public enum ExportDestination: Sendable, Equatable {
    /// Standard output (jsonl; atom with one section).
    case standardOutput
    /// A folder, created when missing.
    case directory(String)
}

/// What an export did.
public struct ExportSummary: Sendable, Equatable {
    public var format: ExportFormat
    /// Articles written.
    public var articles: Int
    /// Files renamed into place (empty for stdout).
    public var files: [String]
    /// The cursor before the run (nil: new cursor or none).
    public var cursorBefore: Int64?
    /// The cursor after the run: the highest `changeSeq` written (nil without `--cursor` or when nothing was new).
    public var cursorAfter: Int64?

    public init(format: ExportFormat, articles: Int, files: [String], cursorBefore: Int64?, cursorAfter: Int64?) {
        self.format = format; self.articles = articles; self.files = files
        self.cursorBefore = cursorBefore; self.cursorAfter = cursorAfter
    }
}

/// Exports stored articles as jsonl, html, markdown or atom, streaming from the store.
///
/// Incremental exports (`cursor:`) read only articles whose `changeSeq` is above the named cursor (a revised
/// article has a new `changeSeq`, so it is exported again) and advance the cursor to the last exported
/// `changeSeq` only after every file was renamed into place or stdout was flushed. A run that fails or is
/// killed before that leaves the cursor where it was: the next run exports the same articles again
/// (at-least-once), never skips one. Use one cursor name per set of filters.
///
/// Atom is not a batch but a window (`exportAtom`): each section's feed is rebuilt from the store with its latest
/// entries, and the cursor only says whether anything changed since the last run.
public final class Exporter {
    let store: any ExportArticleSource

    public init(store: any ExportArticleSource) {
        self.store = store
    }

    /// Runs one export. `sectionNames` maps section ids to display names (from feeds.yaml); `time` is how the HTML
    /// pages show dates (the configured zone).
    @discardableResult
    public func export(format: ExportFormat, filter: ArticleFilter = ArticleFilter(), cursor: String? = nil,
                       out: ExportDestination, sectionNames: [String: String] = [:], time: DisplayTime = .standard) throws(ExportError) -> ExportSummary {
        if let cursor, cursor.isEmpty || cursor.count > 100 || cursor.contains(where: \.isNewline) {
            throw .invalidCursorName(cursor)
        }
        if let limit = filter.limit, limit < 0 { throw .invalidOption(name: "--limit", value: String(limit), expected: "0 or more") }
        var directory: String?
        switch out {
        case .standardOutput:
            if format == .html || format == .markdown {
                throw .outputRequired(format: format.rawValue, reason: "writes one file per article: pass --out DIR")
            }
            if format == .atom && Set(filter.sections).count != 1 {
                throw .outputRequired(format: "atom", reason: "writes one feed per section: pass exactly one --section to write to stdout, or --out DIR for one file per section")
            }
        case .directory(let d):
            let path = d.count > 1 && d.hasSuffix("/") ? String(d.dropLast()) : d
            try Self.makeDirectory(path)
            AtomicFile.sweepTemporaryFiles(in: path)
            directory = path
        }

        var effective = filter
        var before: Int64?
        if let cursor {
            do { before = try store.exportCursor(cursor) } catch { throw .store("reading cursor \(cursor): \(error)") }
            if let b = before { effective.changedAfter = max(effective.changedAfter ?? b, b) }
        }

        let writer: any FormatWriter
        switch format {
        case .atom: return try exportAtom(filter: filter, cursor: cursor, before: before, directory: directory, sectionNames: sectionNames)
        case .jsonl: writer = try JSONLWriter(directory: directory, sectionNames: sectionNames)
        case .html, .markdown:
            guard let directory else { throw .outputRequired(format: format.rawValue, reason: "writes one file per article: pass --out DIR") }
            writer = PageWriter(format: format, directory: directory, sectionNames: sectionNames, time: time)
        }

        var count = 0
        var lastSeq: Int64?
        do {
            try store.forEachArticle(effective) { a in
                try writer.add(a)
                count += 1
                lastSeq = max(lastSeq ?? a.changeSeq, a.changeSeq)
            }
        } catch let e as ExportError {
            throw e
        } catch {
            throw .store("\(error)")
        }
        var files = try writer.finish()
        files.sort()

        // Only now is everything visible: advance the cursor.
        var after: Int64?
        if let cursor, let lastSeq, lastSeq > (before ?? Int64.min) {
            do { try store.setExportCursor(cursor, to: lastSeq) } catch {
                throw .store("advancing cursor \(cursor) to \(lastSeq) (the files are written; the next run exports them again): \(error)")
            }
            after = lastSeq
        }
        return ExportSummary(format: format, articles: count, files: files, cursorBefore: before, cursorAfter: after ?? (cursor == nil ? nil : before))
    }

    /// Creates a folder (and its parents) when missing.
    static func makeDirectory(_ path: String) throws(ExportError) {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw .cannotCreateDirectory(path: path, reason: "a file of that name exists") }
            return
        }
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw .cannotCreateDirectory(path: path, reason: error.localizedDescription)
        }
    }
}
