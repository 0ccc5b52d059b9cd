import Foundation
import GRDB
import Testing
@testable import NewsDesk

/// `ArticleStore(access: .readOnly)`: never creates, migrates or writes a store.
@Suite("Read-only store")
struct ReadOnlyStoreTests {
    @Test func aMissingStoreIsAnErrorAndNothingIsCreated() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-ro-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            _ = try ArticleStore(path: dir + "/typo.sqlite", access: .readOnly)
            Issue.record("opened a missing store")
        } catch {
            guard case .missing(let path) = error else { Issue.record("wrong error \(error)"); return }
            #expect(path == dir + "/typo.sqlite")
            #expect(error.description.contains(dir + "/typo.sqlite"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func aFileThatIsNotAStoreIsNamedAsSuch() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-ro-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, bytes) in [("empty.sqlite", Data()), ("text.sqlite", Data("not a database at all, just some text\n".utf8))] {
            _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: bytes)
            #expect(throws: StoreError.self) { try ArticleStore(path: dir + "/" + name, access: .readOnly) }
            do { _ = try ArticleStore(path: dir + "/" + name, access: .readOnly) } catch {
                #expect(error.description.contains("not a NewsDesk store"), "\(name): \(error)")
            }
        }
    }

    @Test func readsAndRefusesWrites() throws {
        let t = try TempStore()
        _ = try t.store.save(draft(url: "https://it.example.com/1", title: "AI 칩 공개", text: Texts.chip))
        let ro = try ArticleStore(path: t.store.path, access: .readOnly)
        #expect(ro.pendingMigrations.isEmpty)
        #expect(try ro.articleCount() == 1)
        #expect(try ro.search("반도체").count == 1)
        #expect(throws: StoreError.self) { try ro.setExportCursor("x", to: 1) }
    }

    /// A store from before the latest migrations opens read-only without being migrated, says what it lacks, and
    /// Latin search still finds plural forms through prefix matching on the old index.
    @Test func anOlderStoreIsReadAsItIs() throws {
        let t = try TempStore()
        _ = try t.store.save(draft(url: "https://it.example.com/en", title: "Chipmakers", text: Texts.english))
        try LatinSearchTests.downgradeToV3(t.store.path)
        let ro = try ArticleStore(path: t.store.path, access: .readOnly)
        #expect(ro.pendingMigrations == ["v4-search-latin-stems", "v5-articles-section-change"])
        #expect(try ro.search("semiconductor").count == 1)
        let applied = try ro.pool.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(!applied.contains("v4-search-latin-stems"))
    }
}
