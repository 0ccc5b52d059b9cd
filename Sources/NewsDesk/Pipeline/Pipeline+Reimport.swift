import Foundation
import Logging

/// What `Pipeline.reimport` did.
public struct ReimportResult: Sendable, Equatable {
    public var url: String
    public var outcome: SaveOutcome
    public var title: String
    public var section: String
    /// Problems that did not stop the re-import (a mis-decoded page), for stderr.
    public var warnings: [String] = []

    /// One line for the terminal: "stored #12", "revised #12 (rev 3): title: …; body: …", "unchanged #12".
    public var line: String {
        switch outcome {
        case .inserted(let id): return "reimport: stored new article #\(id) [\(section)] \(title)"
        case .linked(let id, let match): return "reimport: \(url) is article #\(id) (\(match)); linked, not stored twice"
        case .unchanged(let id): return "reimport: #\(id) unchanged [\(section)] \(title)"
        case .revised(let id, let rev, let changes): return "reimport: #\(id) revised (revision \(rev)): \(changes)"
        }
    }
}

extension Pipeline {
    /// Re-fetches (or reads `file`, a page saved by the operator), re-extracts, re-sanitizes and re-classifies one article
    /// named by id or URL; stores a revision if anything changed, or the article if it is new. `section` pins it.
    public func reimport(_ target: String, file: String? = nil, section: String? = nil) async throws(PipelineError) -> ReimportResult {
        if let section, !config.sections.contains(where: { $0.id == section }) {
            throw .reimport("unknown section \(section) (known: \(config.sections.map(\.id).joined(separator: ", ")))")
        }
        let existing: StoredArticle?
        do {
            if let id = Int64(target) {
                guard let a = try store.article(id: id) else { throw PipelineError.store(.notFound("#\(id)")) }
                existing = a
            } else {
                existing = try store.article(url: target)
            }
        } catch let e as PipelineError { throw e } catch {
            throw .store(error as? StoreError ?? .database(operation: "reimport", reason: "\(error)"))
        }
        let url = existing?.canonicalURL ?? target
        guard ArticleURL.key(url) != nil else { throw .reimport("\(target) is neither a stored article id nor an http(s) URL") }
        let source = sourceConfig(for: existing?.sourceID, url: url)
        do {
            try store.syncSources(config.sources)
            try store.ensureSource(id: source.id, name: source.name, location: source.url ?? source.path ?? "reimport", section: source.mixed ? nil : source.section)
        } catch { throw .store(error as? StoreError ?? .database(operation: "reimport", reason: "\(error)")) }

        let resource: FetchedResource
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else { throw .unreadable(path: file, reason: "cannot read the saved page") }
            resource = FetchedResource(requestedURL: url, finalURL: url, status: 200, headers: [:], body: [UInt8](data), elapsed: 0)
        } else {
            do throws(StageFailure) {
                let local = source.path != nil ? try? LocalSite(source: source, configFile: config.file) : nil
                resource = try await get(url, source: source, local: local)
            } catch { throw .reimport("\(url): \(error.message)") }
        }
        let processed: ProcessedPage
        do throws(StageFailure) { processed = try process(resource, source: source, item: nil) } catch {
            // Stage errors name their stage and URL already ("decode: URL: not an HTML page (…)").
            throw .reimport(error.message.hasPrefix(error.stage.rawValue + ": ") ? error.message : "\(url): \(error.stage.rawValue): \(error.message)")
        }
        var draft = processed.draft
        if let existing { draft.seenURLs.append(existing.canonicalURL) }
        do {
            let outcome = try await store.save(draft, mode: .reimport(pinSection: section))
            let stored = try store.article(id: outcome.id)
            return ReimportResult(url: url, outcome: outcome, title: stored?.title ?? draft.extracted.title, section: stored?.section ?? draft.classification.section,
                                  warnings: processed.warning.map { [$0] } ?? [])
        } catch { throw .store(error as? StoreError ?? .database(operation: "reimport", reason: "\(error)")) }
    }

    /// The configured source an article belongs to: its stored source, else the source whose URL/base URL shares the
    /// host, else an ad-hoc "reimport" source.
    func sourceConfig(for id: String?, url: String) -> SourceConfig {
        if let id, let s = config.sources.first(where: { $0.id == id }) { return s }
        let host = URLComponents(string: url)?.host?.lowercased()
        if let host, let s = config.sources.first(where: { s in
            [s.url, s.baseURL].compactMap { $0 }.contains { URLComponents(string: $0)?.host?.lowercased() == host }
        }) { return s }
        return SourceConfig(id: id ?? "reimport", name: "re-imported by hand", url: nil, mixed: true)
    }
}
