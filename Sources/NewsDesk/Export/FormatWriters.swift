import Foundation

/// One export format's writer: takes articles in stream order, makes its output visible in `finish()`.
///
/// Nothing a writer produces counts as exported until `finish()` returned: files are renamed into place
/// (or stdout flushed) there, and only then does `Exporter` advance the cursor.
protocol FormatWriter: AnyObject {
    func add(_ a: StoredArticle) throws(ExportError)
    /// Commits the output; returns the paths written (empty for stdout).
    func finish() throws(ExportError) -> [String]
}

/// jsonl to stdout, or to `<out>/articles-<firstSeq>-<lastSeq>.jsonl` (one file per run, atomic).
final class JSONLWriter: FormatWriter {
    private let stdout: StandardOutput?
    private let file: AtomicFile?
    private let directory: String?
    private let sectionNames: [String: String]
    private var line: [UInt8] = []
    private var firstSeq: Int64?
    private var lastSeq: Int64?

    init(directory: String?, sectionNames: [String: String]) throws(ExportError) {
        self.directory = directory
        self.sectionNames = sectionNames
        if let directory {
            file = try AtomicFile(path: directory + "/articles.jsonl")
            stdout = nil
        } else {
            file = nil
            stdout = StandardOutput()
        }
        line.reserveCapacity(1 << 16)
    }

    func add(_ a: StoredArticle) throws(ExportError) {
        line.removeAll(keepingCapacity: true)
        JSONLRecord.append(a, sectionName: sectionNames[a.section], to: &line)
        if let file { try file.write(line) } else if let stdout { try stdout.write(line) }
        if firstSeq == nil { firstSeq = a.changeSeq }
        lastSeq = a.changeSeq
    }

    func finish() throws(ExportError) -> [String] {
        if let stdout { try stdout.finish(); return [] }
        guard let file, let directory, let firstSeq, let lastSeq else { file?.abort(); return [] }
        let path = directory + "/articles-\(firstSeq)-\(lastSeq).jsonl"
        try file.commit(as: path)
        return [path]
    }
}

/// html and markdown: one file per article in `<out>/<section>/`, plus (html) an index per section and a
/// top index. A manifest (`<out>/.newsdesk-manifest.jsonl`, one small line per article ever exported there)
/// lets incremental runs rebuild complete indexes and remove the previous file of an article whose title
/// or section changed.
final class PageWriter: FormatWriter {
    private let format: ExportFormat
    private let directory: String
    private let sectionNames: [String: String]
    private let time: DisplayTime
    private let converter = MarkdownConverter()
    private var written: [Int64: ArticleDocuments.IndexEntry] = [:]
    private var createdFolders: Set<String> = []
    static let manifestName = ".newsdesk-manifest.jsonl"

    init(format: ExportFormat, directory: String, sectionNames: [String: String], time: DisplayTime = .standard) {
        self.format = format
        self.directory = directory
        self.sectionNames = sectionNames
        self.time = time
    }

    func add(_ a: StoredArticle) throws(ExportError) {
        let folder = FileNames.component(a.section)
        let folderPath = directory + "/" + folder
        if !createdFolders.contains(folder) {
            try Exporter.makeDirectory(folderPath)
            AtomicFile.sweepTemporaryFiles(in: folderPath)
            createdFolders.insert(folder)
        }
        let name = FileNames.articleFileName(id: a.id, title: a.title, fileExtension: format.fileExtension)
        let text: String
        switch format {
        case .markdown: text = try ArticleDocuments.markdown(a, sectionName: sectionNames[a.section], converter: converter)
        default: text = ArticleDocuments.htmlPage(a, sectionName: sectionNames[a.section], time: time)
        }
        let f = try AtomicFile(path: folderPath + "/" + name, durable: false)
        try f.write(text)
        try f.commit()
        written[a.id] = ArticleDocuments.IndexEntry(
            id: a.id, section: a.section, file: folder + "/" + name, title: a.title,
            date: RFC3339.format(a.published ?? a.fetchedAt), source: a.siteName ?? a.sourceID)
    }

    func finish() throws(ExportError) -> [String] {
        var paths = written.values.map { directory + "/" + $0.file }.sorted()
        guard !written.isEmpty else { return paths }
        // The article files were renamed into place without an fsync each: make them durable in one call.
        try AtomicFile.syncFileSystem(of: directory)
        // Merge with what earlier runs exported; drop files this run superseded.
        var manifest = readManifest()
        for (id, entry) in written {
            if let old = manifest[id], old.file != entry.file { unlink(directory + "/" + old.file) }
            manifest[id] = entry
        }
        if format == .html {
            var bySection: [String: [ArticleDocuments.IndexEntry]] = [:]
            for e in manifest.values { bySection[e.section, default: []].append(e) }
            var rows: [(id: String, folder: String, name: String?, count: Int)] = []
            for (section, entries) in bySection.sorted(by: { $0.key < $1.key }) {
                let folder = FileNames.component(section)
                try Exporter.makeDirectory(directory + "/" + folder)
                let local = entries.map { e -> ArticleDocuments.IndexEntry in
                    var e = e
                    e.file = String(e.file.split(separator: "/").last ?? Substring(e.file))
                    return e
                }
                let path = directory + "/" + folder + "/index.html"
                let f = try AtomicFile(path: path)
                try f.write(ArticleDocuments.indexPage(section: section, sectionName: sectionNames[section], entries: local, time: time))
                try f.commit()
                paths.append(path)
                rows.append((section, folder, sectionNames[section], entries.count))
            }
            let root = try AtomicFile(path: directory + "/index.html")
            try root.write(ArticleDocuments.rootIndexPage(sections: rows))
            try root.commit()
            paths.append(directory + "/index.html")
        }
        let m = try AtomicFile(path: directory + "/" + Self.manifestName)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for e in manifest.values.sorted(by: { $0.id < $1.id }) {
            guard let data = try? encoder.encode(e) else { continue }
            try m.write(Array(data) + [UInt8(ascii: "\n")])
        }
        try m.commit()
        return paths
    }

    private func readManifest() -> [Int64: ArticleDocuments.IndexEntry] {
        guard let text = try? String(contentsOfFile: directory + "/" + Self.manifestName, encoding: .utf8) else { return [:] }
        var out: [Int64: ArticleDocuments.IndexEntry] = [:]
        let decoder = JSONDecoder()
        for line in text.split(separator: "\n") {
            if let e = try? decoder.decode(ArticleDocuments.IndexEntry.self, from: Data(line.utf8)) { out[e.id] = e }
        }
        return out
    }
}
