import Foundation
import Testing
@testable import NewsDesk

@Suite("SanitizePolicy")
struct PolicyTests {
    @Test func defaultTablesAreSafe() {
        let p = SanitizePolicy.default
        #expect(Set(p.allowedTags.keys).isDisjoint(with: SanitizePolicy.neverAllowedTags))
        #expect(Set(p.allowedTags.keys).isDisjoint(with: p.removeWithContent))
        for (tag, attrs) in p.allowedTags {
            #expect(attrs.isDisjoint(with: SanitizePolicy.neverAllowedAttributes), "\(tag)")
            #expect(!attrs.contains { $0.hasPrefix("on") }, "\(tag)")
        }
        #expect(p.imageProxyRules.map(\.name) == p.imageProxyRules.map(\.name).sorted())
    }

    @Test func overridesExtendAndTrim() throws {
        let o = SanitizeOverrides(extraTrackingAttributes: ["title", "x-track-*"], extraTrackingParameters: ["from"],
                                  beaconHosts: ["pixel.example.net"], allowTags: ["dfn", "center"], removeTags: ["table"])
        let s = Sanitizer(policy: try SanitizePolicy.default.applying(o, environment: [:]))
        let r = s.sanitize(html: "<center title=\"t\" x-track-id=\"1\">가운데</center><table><tr><td>표</td></tr></table>"
            + "<a href=\"https://example.org/?from=rss&id=1\">l</a><img src=\"https://pixel.example.net/p.png\">", baseURL: nil)
        #expect(r.html == "<center>가운데</center><a href=\"https://example.org/?id=1\" rel=\"noopener noreferrer nofollow\">l</a>")
        #expect(r.report.removedAttributes["title"] == 1)
        #expect(r.report.removedAttributes["x-track-id"] == 1)
        #expect(r.report.trackingPixelsRemoved == 1)
    }

    struct BadOverride: Sendable, CustomTestStringConvertible {
        let id: String
        let overrides: SanitizeOverrides
        var testDescription: String { id }
    }

    static let contradictions: [BadOverride] = [
        BadOverride(id: "allow and remove the same tag", overrides: SanitizeOverrides(allowTags: ["dfn"], removeTags: ["dfn"])),
        BadOverride(id: "allow script", overrides: SanitizeOverrides(allowTags: ["script"])),
        BadOverride(id: "allow svg", overrides: SanitizeOverrides(allowTags: ["svg"])),
        BadOverride(id: "allow iframe tag", overrides: SanitizeOverrides(allowTags: ["iframe"])),
        BadOverride(id: "allow a removed-with-content tag", overrides: SanitizeOverrides(allowTags: ["video"])),
        BadOverride(id: "tag name with markup", overrides: SanitizeOverrides(allowTags: ["p onclick"])),
        BadOverride(id: "proxy rule without host", overrides: SanitizeOverrides(imageProxyRules: [ImageProxyRule(name: "x", hosts: [], parameter: "u")])),
        BadOverride(id: "proxy rule with parameter and path", overrides: SanitizeOverrides(imageProxyRules: [ImageProxyRule(name: "x", hosts: ["a.example"], parameter: "u", pathEmbedded: true)])),
        BadOverride(id: "signed proxy key missing", overrides: SanitizeOverrides(signedProxy: SignedProxyConfig(template: "https://img.example.net/{sig}/{url_hex}", keyEnv: "NO_SUCH_KEY_VAR"))),
        BadOverride(id: "signed proxy without sig", overrides: SanitizeOverrides(signedProxy: SignedProxyConfig(template: "https://img.example.net/{url}", keyEnv: "K"))),
        BadOverride(id: "signed proxy bad encoding", overrides: SanitizeOverrides(signedProxy: SignedProxyConfig(template: "https://img.example.net/{sig}/{url}", keyEnv: "K", signatureEncoding: "base32"))),
        BadOverride(id: "signed proxy javascript template", overrides: SanitizeOverrides(signedProxy: SignedProxyConfig(template: "javascript:{sig}{url}", keyEnv: "K"))),
    ]

    @Test(arguments: contradictions)
    func contradictionsThrow(_ c: BadOverride) {
        #expect(throws: SanitizeError.self) { try SanitizePolicy.default.applying(c.overrides, environment: ["K": "secret"]) }
    }

    @Test func errorMessagesSayWhatToDo() {
        #expect(SanitizeError.missingProxyKey(variable: "IMG_KEY").description.contains("export it"))
        #expect(SanitizeError.unknownCharset("x").description.contains("CP949"))
    }

    @Test func signedProxyRewritesEveryImageOnce() throws {
        let o = SanitizeOverrides(signedProxy: SignedProxyConfig(template: "https://img.example.net/{sig}/{url_hex}", keyEnv: "IMG_KEY"))
        let s = Sanitizer(policy: try SanitizePolicy.default.applying(o, environment: ["IMG_KEY": "secret"]))
        let original = "https://t1.daumcdn.net/news/a.jpg"
        let r = s.sanitize(html: "<img src=\"https://img4.daumcdn.net/thumb/R658x0/?fname=\(original)\">", baseURL: nil)
        let sig = ByteEncoding.hex(HMACSHA256.mac(key: Array("secret".utf8), message: Array(original.utf8)))
        #expect(r.html == "<img src=\"https://img.example.net/\(sig)/\(ByteEncoding.hex(original.utf8))\">")
        #expect(r.report.imagesProxied == 1)
        #expect(s.sanitize(html: r.html, baseURL: nil).html == r.html)
    }

    @Test func signedProxyTemplates() throws {
        let key = Array("k".utf8)
        let url = "https://example.com/a b.jpg"
        let p = try SignedImageProxy(template: "https://proxy.example.net/{sig}/plain/{url}", key: key, signatureEncoding: "base64url")
        let sig = ByteEncoding.base64url(HMACSHA256.mac(key: key, message: Array(url.utf8)))
        #expect(p.url(for: url) == "https://proxy.example.net/\(sig)/plain/https%3A%2F%2Fexample.com%2Fa%20b.jpg")
        let b = try SignedImageProxy(template: "https://proxy.example.net/{sig}/{url_b64}", key: key)
        #expect(b.url(for: "ab") == "https://proxy.example.net/\(ByteEncoding.hex(HMACSHA256.mac(key: key, message: Array("ab".utf8))))/YWI")
    }

    @Test func iframeHostsKeepSandboxedEmptyFrames() throws {
        let s = Sanitizer(policy: try SanitizePolicy.default.applying(SanitizeOverrides(iframeHosts: ["youtube-nocookie.com"]), environment: [:]))
        let r = s.sanitize(html: "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" width=\"560\" onload=\"a()\"><p>fallback</p></iframe><iframe src=\"https://evil.example/\"></iframe>", baseURL: nil)
        #expect(r.html == "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" width=\"560\" sandbox=\"allow-scripts allow-same-origin allow-popups\" allowfullscreen=\"\" referrerpolicy=\"no-referrer\"></iframe>")
        #expect(s.sanitize(html: r.html, baseURL: nil).html == r.html)
    }

    @Test func plainText() {
        let r = Sanitizer().sanitize(html: "<h1>제목</h1><p>첫   문단\n이어서</p><ul><li>하나</li><li>둘</li></ul><p>줄<br>바꿈</p><table><tr><td>a</td><td>b</td></tr></table><pre>x\n  y</pre>", baseURL: nil)
        #expect(r.text == "제목\n\n첫 문단 이어서\n\n하나\n둘\n\n줄\n바꿈\n\na b\n\nx\n  y")
    }

    @Test func reportCounts() {
        let r = Sanitizer().sanitize(html: "<div class=\"a\" dmcf-pid=\"1\"><script>x</script><p onclick=\"y\">t</p><a href=\"javascript:z\">l</a></div>", baseURL: nil)
        #expect(r.report.removedElements["script"] == 1)
        #expect(r.report.removedAttributes["dmcf-pid"] == 1)
        #expect(r.report.removedAttributes["onclick"] == 1)
        #expect(r.report.removedAttributes["class"] == 1)
        #expect(r.report.rejectedURLs == ["javascript:z"])
        #expect(r.report.summary.contains("removed elements: script×1"))
    }

    @Test func concurrentUseGivesIdenticalOutput() async throws {
        let s = Sanitizer()
        let page = "<div><p dmcf-pid=\"1\">본문 <a href=\"/x?utm_source=a\">링크</a></p><img data-src=\"/i.jpg\"></div>"
        let expected = s.sanitize(html: page, baseURL: "https://news.example.com/")
        try await withThrowingTaskGroup(of: SanitizedHTML.self) { g in
            for _ in 0..<8 { g.addTask { s.sanitize(html: page, baseURL: "https://news.example.com/") } }
            for try await r in g { #expect(r == expected) }
        }
    }
}
