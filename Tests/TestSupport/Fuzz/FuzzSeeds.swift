import Foundation

/// Seed inputs for each fuzz target, built at run time from `fixtures/` (and from `../shared/data` when present)
/// with the option bytes each target reads first. `newsdesk-fuzz seeds TARGET DIR` writes them for libFuzzer;
/// the test suite runs them through the checks, so every seed is also a regression case.
public enum FuzzSeeds {
    /// (name, input) pairs for `target`. `shared` adds the public sets (XSS vectors, Readability pages).
    public static func seeds(for target: FuzzTarget, fixtures: URL = Fixtures.directory, shared: URL? = Fixtures.shared) -> [(name: String, bytes: [UInt8])] {
        var out: [(String, [UInt8])] = []
        func add(_ name: String, _ options: [UInt8], _ bytes: [UInt8]) { out.append((name, options + bytes)) }
        func files(_ dir: String, _ exts: Set<String>) -> [URL] {
            let root = fixtures.appendingPathComponent(dir)
            guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
            return e.compactMap { $0 as? URL }.filter { exts.contains($0.pathExtension) && !$0.lastPathComponent.contains(".expected.") }
                .sorted { $0.path < $1.path }
        }
        func read(_ u: URL) -> [UInt8] { (try? [UInt8](Data(contentsOf: u))) ?? [] }
        func sharedFiles(_ dir: String, _ name: String? = nil, ext: String? = nil) -> [URL] {
            guard let shared else { return [] }
            let root = shared.appendingPathComponent("data").appendingPathComponent(dir)
            guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
            return e.compactMap { $0 as? URL }.filter { u in (name.map { u.lastPathComponent == $0 } ?? true) && (ext.map { u.pathExtension == $0 } ?? true) }
                .sorted { $0.path < $1.path }
        }
        switch target {
        case .sanitize:
            for u in files("sanitize", ["html"]) + files("demo", ["html"]) {
                // Variant 0 reads the page as a UTF-8 string; the CP949 page goes through the bytes path (variant 12).
                add("sanitize-" + u.lastPathComponent, [u.lastPathComponent.hasPrefix("cp949") ? 12 : 0], read(u))
            }
            for (i, u) in sharedFiles("xss/bleach", ext: "test").enumerated() {
                let text = String(decoding: read(u), as: UTF8.self)
                let payload = text.components(separatedBy: "\n--\n").first ?? text
                add("bleach-\(i)", [UInt8(i % 18)], Array(payload.utf8))
            }
            for (i, u) in sharedFiles("readability-pages", "source.html").enumerated() where i % 4 == 0 {
                add("readability-\(u.deletingLastPathComponent().lastPathComponent)", [UInt8(i % 6)], read(u))
            }
        case .feeds:
            for u in files("feeds", ["xml", "json", "txt", "html"]) + files("demo", ["xml", "json"]) + files("config", ["xml"]) {
                // HTML section pages: type html (4) with the selector list that holds Daum's (2): 4 + 5 * 2.
                add("feeds-" + u.lastPathComponent, [u.pathExtension == "html" ? 14 : 0], read(u))
            }
            for u in files("demo/daum", ["html"]) where u.lastPathComponent == "it.html" { add("feeds-daum-it.html", [14], read(u)) }
        case .decode:
            for u in files("decode", ["html", "xml"]) {
                add("decode-" + u.lastPathComponent, [3, 0], read(u))                       // no label: BOM, meta, sniffing
                add("decode-euckr-header-" + u.lastPathComponent, [1, 1], read(u))          // Content-Type: charset=euc-kr
            }
            for u in files("extract", ["html"]) where u.lastPathComponent.hasPrefix("euckr") { add("decode-" + u.lastPathComponent, [3, 0], read(u)) }
        case .dates:
            let text = String(decoding: read(fixtures.appendingPathComponent("fuzz/dates-seeds.txt")), as: UTF8.self)
            for (i, line) in text.split(separator: "\n").enumerated() { add("date-\(i)", [], Array(line.utf8)) }
        case .extract:
            for u in files("extract", ["html"]) + files("demo", ["html"]) {
                add("extract-" + u.lastPathComponent, [UInt8(urlIndex(for: u))], read(u))
            }
            for (i, u) in sharedFiles("readability-pages", "source.html").enumerated() where i % 2 == 0 {
                add("readability-\(u.deletingLastPathComponent().lastPathComponent)", [0], read(u))
            }
        case .config:
            for u in files("config", ["yaml"]) + files("demo", ["yaml"]) { add("config-" + u.lastPathComponent, [], read(u)) }
            add("config-feeds.yaml", [], read(fixtures.deletingLastPathComponent().appendingPathComponent("feeds.yaml")))
        }
        return out
    }

    /// The extract target's page-URL option for a fixture: the built-in rule of the site it mimics, else generic.
    static func urlIndex(for file: URL) -> Int {
        let path = file.path
        let hosts = ExtractProperties.pageURLs.map { URL(string: $0)?.host ?? "" }
        let meta = file.deletingPathExtension().appendingPathExtension("meta.json")
        if let data = try? Data(contentsOf: meta), let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           let url = obj["url"] as? String, let host = URL(string: url)?.host, let i = hosts.firstIndex(of: host) {
            return i
        }
        for (key, i) in [("/daum/", 1), ("/naver/", 2), ("/entertain/", 3), ("/sports/", 4), ("/yna/", 5), ("/zdnet/", 6)] where path.contains(key) {
            return i
        }
        return 0
    }
}
