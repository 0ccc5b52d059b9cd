import Foundation

/// One section's Atom feed. Entries are spooled to a scratch file, since the header's `updated` (the latest entry
/// `updated`) is known only at the end; `finish(into:)` writes header, entries and footer to a sink.
final class AtomFeedWriter {
    let section: String
    private let sectionName: String?
    private let spool: ScratchFile
    private var updated: Date?
    private(set) var count = 0

    init(section: String, sectionName: String?, spoolDirectory: String) throws(ExportError) {
        self.section = section
        self.sectionName = sectionName
        spool = try ScratchFile(directory: spoolDirectory, name: "atom-" + FileNames.component(section))
    }

    func add(_ a: StoredArticle) throws(ExportError) {
        try spool.write(AtomFormat.entry(a, sectionName: sectionName))
        let u = AtomFormat.entryUpdated(a)
        updated = max(updated ?? u, u)
        count += 1
    }

    /// The whole feed; an empty section gives a valid feed with no entries, `updated` now.
    func finish(into sink: any ByteSink) throws(ExportError) {
        try sink.write(AtomFormat.header(section: section, sectionName: sectionName, updated: updated ?? Date()))
        try spool.copy(into: sink)
        try sink.write(AtomFormat.footer)
    }
}

extension Exporter {
    /// Atom: one feed per section holding that section's latest `filter.limit` entries (default
    /// `ExportOptions.defaultAtomWindow`), newest change first, rebuilt from the store on every run. An article that
    /// moved to another section or left the store leaves its old feed at the next run, and a section left empty gets
    /// an empty feed. The other filters narrow what the windows hold.
    ///
    /// The cursor only decides whether a write is needed: with `--out`, a run whose store has nothing newer than the
    /// cursor (and whose feeds all exist) writes nothing. Standard output always gets the window (it is typically
    /// redirected over the previous feed, which must not become empty). Each file is written atomically.
    func exportAtom(filter: ArticleFilter, cursor: String?, before: Int64?, directory: String?,
                    sectionNames: [String: String]) throws(ExportError) -> ExportSummary {
        let window = filter.limit ?? ExportOptions.defaultAtomWindow
        guard window >= 1 else {
            throw .invalidOption(name: "--limit", value: String(window),
                                 expected: "1 or more entries per Atom feed (default \(ExportOptions.defaultAtomWindow))")
        }
        var base = filter
        base.limit = window
        base.changedAfter = nil
        let latest: Int64
        var sections: [String]
        do {
            latest = try store.latestChangeSeq()
            if filter.sections.isEmpty {
                sections = try store.articleSections(base)
                if let directory { sections = Array(Set(sections).union(Self.existingFeeds(in: directory))).sorted() }
            } else {
                sections = filter.sections.uniqued()
            }
        } catch {
            throw .store("\(error)")
        }
        let summary = { (articles: Int, files: [String], after: Int64?) in
            ExportSummary(format: .atom, articles: articles, files: files, cursorBefore: before, cursorAfter: after)
        }
        if let directory, cursor != nil, let before, latest <= before,
           sections.allSatisfy({ FileManager.default.fileExists(atPath: Self.feedPath(directory, $0)) }) {
            return summary(0, [], before)
        }

        var count = 0
        var files: [String] = []
        for section in sections {
            var only = base
            only.sections = [section]
            let feed = try AtomFeedWriter(section: section, sectionName: sectionNames[section],
                                          spoolDirectory: directory ?? NSTemporaryDirectory().trimmingTrailingSlash)
            do { try store.forEachLatestArticle(only) { a in try feed.add(a) } } catch let e as ExportError { throw e } catch {
                throw .store("\(error)")
            }
            if let directory {
                let path = Self.feedPath(directory, section)
                let file = try AtomicFile(path: path)
                try feed.finish(into: file)
                try file.commit()
                files.append(path)
            } else {
                let out = StandardOutput()
                try feed.finish(into: out)
                try out.finish()
            }
            count += feed.count
        }

        var after = before
        if let cursor, latest > 0, latest > (before ?? 0) {
            do { try store.setExportCursor(cursor, to: latest) } catch {
                throw .store("advancing cursor \(cursor) to \(latest) (the feeds are written; the next run writes them again): \(error)")
            }
            after = latest
        }
        return summary(count, files, cursor == nil ? nil : after)
    }

    static func feedPath(_ directory: String, _ section: String) -> String {
        directory + "/" + FileNames.component(section) + ".atom"
    }

    /// Sections whose feed an earlier export left in `directory`: `<section>.atom` files whose feed id is the one
    /// NewsDesk gives that section (so a feed emptied by a move is rewritten, and other files are left alone).
    static func existingFeeds(in directory: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var out: [String] = []
        for name in names where name.hasSuffix(".atom") && !name.hasPrefix(".") {
            let section = String(name.dropLast(".atom".count))
            guard let handle = FileHandle(forReadingAtPath: directory + "/" + name) else { continue }
            let head = String(decoding: handle.readData(ofLength: 1024), as: UTF8.self)
            try? handle.close()
            if head.contains("<id>\(AtomFormat.feedID(section: section))</id>") { out.append(section) }
        }
        return out
    }
}

extension String {
    fileprivate var trimmingTrailingSlash: String { hasSuffix("/") && count > 1 ? String(dropLast()) : self }
}
