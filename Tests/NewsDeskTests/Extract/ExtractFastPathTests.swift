import Testing
@testable import NewsDesk

/// The extractor's byte-level fast paths give the answers of the plain versions they replace.
@Suite struct ExtractFastPathTests {
    struct MatchCase: Sendable, CustomTestStringConvertible {
        let words: [String]
        let folding: Bool
        let text: String
        let expected: Bool
        var testDescription: String { "\(words) \(folding ? "folding" : "exact") in \(text.debugDescription)" }
    }

    static let matchCases: [MatchCase] = [
        .init(words: ["comment", "share"], folding: true, text: "post-comments", expected: true),
        .init(words: ["comment", "share"], folding: true, text: "Post-COMMENTS", expected: true),
        .init(words: ["comment", "share"], folding: false, text: "Post-COMMENTS", expected: false),
        .init(words: ["comment", "share"], folding: true, text: "commen", expected: false),
        .init(words: ["comment", "share"], folding: true, text: "xx share", expected: true),  // at the very end
        .init(words: ["comment", "share"], folding: true, text: "sh", expected: false),
        .init(words: ["ad_", "advert"], folding: true, text: "adv adver ad", expected: false),
        .init(words: ["ad_", "advert"], folding: true, text: "top-ad_slot", expected: true),
        .init(words: ["무단", "ⓒ", "©"], folding: false, text: "Copyright © 2026", expected: true),
        .init(words: ["무단", "ⓒ", "©"], folding: false, text: "무단전재 금지", expected: true),
        .init(words: ["무단", "ⓒ", "©"], folding: false, text: "무엇이 단서인가", expected: false),
        .init(words: ["입력", "수정"], folding: false, text: "", expected: false),
        .init(words: ["입력", "수정"], folding: false, text: "x", expected: false),
        .init(words: ["ab", "abc"], folding: false, text: "zzab", expected: true),
    ]

    @Test(arguments: matchCases)
    func substringMatcherFindsWhatIncludesFinds(_ c: MatchCase) {
        let m = SubstringMatcher(c.words, foldingCase: c.folding)
        #expect(Array(c.text.utf8).withUnsafeBufferPointer(m.matches) == c.expected)
        #expect(c.text.withCString(m.matches(cString:)) == c.expected)
        // The plain test it replaces.
        let hay = c.folding ? String(c.text.map { $0.isASCII ? Character($0.lowercased()) : $0 }) : c.text
        #expect(c.words.contains(where: hay.includes) == c.expected)
    }

    static let texts: [String] = [
        "", " ", "a", "abcdefgh", "abcdefghi", "    \t\n  ", "hello, world! 12345678 and more text here",
        "광화문 광장에서", "mixed 한글 and ASCII text, 똠햏 뷁 plus 漢字 and かな", "no\u{A0}break\u{A0}space here ok",
        "\u{1F600} emoji then ascii text", "x\u{0}y control bytes \u{1F}\u{7F}", String(repeating: "abcdefg ", count: 40),
        String(repeating: "한", count: 17) + "tail",
    ]

    @Test(arguments: texts)
    func weightOnBytesIsWeightOnStrings(_ text: String) {
        let onBytes = Array(text.utf8).withUnsafeBufferPointer(NodeText.weight(utf8:))
        #expect(onBytes == NodeText.weight(text))
        // At every offset, so the eight-byte steps start anywhere.
        let bytes = Array(text.utf8)
        for start in 0..<min(bytes.count, 9) {
            let tail = Array(bytes[start...])
            #expect(tail.withUnsafeBufferPointer(NodeText.weight(utf8:)) == NodeText.weight(String(decoding: tail, as: UTF8.self)))
        }
    }

    static let blankTexts: [String] = [
        "", " ", "\u{A0}\u{3000}\u{FEFF}", "  a  ", "\u{3000}제목\u{A0}", "\u{FEFF}x", "x\u{FEFF}", "\n\t x y \r\n", "abc",
        "\u{A0}", "a\u{3000}", "é ", " ü",
    ]

    @Test(arguments: blankTexts)
    func blankEndsAreWhatTrimmedCuts(_ text: String) {
        let b = Array(text.utf8)
        let ends = NodeText.blankEnds(b)
        let kept = ends.leading >= b.count ? "" : String(decoding: b[ends.leading..<(b.count - ends.trailing)], as: UTF8.self)
        #expect(kept == text.trimmed)
    }

    @Test func anOlderStatsTableStaysRightAfterANewerOne() throws {
        let doc = try HTMLDocument(html: """
            <div id=a><p>first paragraph text</p><div id=b><a href=x>link text</a><p>inner words</p><img src=i></div></div>
            """)
        let a = try #require(doc.select(xpath: "//div[@id='a']").first)
        let b = try #require(doc.select(xpath: "//div[@id='b']").first)
        let older = NodeStats(a)
        let before = (older[a].weight, older[a].links, older[b].weight, older[b].links, older[b].media)
        let newer = NodeStats(b)  // overwrites the slots of b's subtree
        #expect(newer[b].weight == before.2)
        #expect(older[a].weight == before.0 && older[a].links == before.1)
        #expect(older[b].weight == before.2 && older[b].links == before.3 && older[b].media == before.4)
        let link = try #require(doc.select(xpath: "//a").first)
        #expect(older[link].links == older[link].weight)  // weighed afresh, as inside a link
        #expect(before.3 == NodeText.weight("link text"))
        let outside = try #require(doc.body)
        #expect(older[outside].weight == 0)  // not below the table's root: no row, as in a keyed table
    }

    @Test func commonAttributesAreWhatWithAttributeReads() throws {
        let doc = try HTMLDocument(html: """
            <div CLASS="Main Body" id=x1 style="display: none" aria-hidden=true itemprop=articleBody hidden>a</div>
            <p class="one" class="two" title="t">b</p><span id="a&amp;b" style=''>c</span><em>d</em>
            """)
        let names: [StaticString] = ["class", "id", "style", "aria-hidden", "itemprop"]
        for el in doc.root?.descendants() ?? [] {
            el.withCommonAttributes { a in
                let got = [a.class, a.id, a.style, a.ariaHidden, a.itemprop].map { $0.map { String(cString: $0) } }
                for (i, name) in names.enumerated() {
                    #expect(got[i] == el.withAttribute(name) { $0.map { String(cString: $0) } }, "\(el.name) \(name)")
                }
                #expect(a.hidden == el.has("hidden"))
            }
        }
    }

    struct ImageCase: Sendable, CustomTestStringConvertible {
        let html: String
        let expected: Bool
        var testDescription: String { html }
    }

    static let imageCases: [ImageCase] = [
        .init(html: "<div id=t><img src=a></div>", expected: true),
        .init(html: "<div id=t> <span><img src=a></span> \n</div>", expected: true),
        .init(html: "<div id=t><img src=a>caption</div>", expected: false),
        .init(html: "<div id=t>caption<img src=a></div>", expected: false),
        .init(html: "<div id=t>only text</div>", expected: false),
        .init(html: "<div id=t>\u{A0}<picture><img src=a></picture></div>", expected: true),
        .init(html: "<img id=t src=a>", expected: true),
    ]

    @Test(arguments: imageCases)
    func imageBlocks(_ c: ImageCase) throws {
        let doc = try HTMLDocument(html: c.html)
        let n = try #require(doc.select(xpath: "//*[@id='t']").first)
        #expect(Captions.isImageBlock(n) == c.expected)
        // The plain test it replaces.
        let plain = n.hasName("img") || n.hasName("picture")
            || (NodeText.weight(n.textContent) == 0 && !n.descendants(where: { $0.hasName("img") }).isEmpty)
        #expect(plain == c.expected)
    }

    @Test func leadingTextStartsAsTextContent() throws {
        let doc = try HTMLDocument(html: "<div id=a><p>one <b>two</b></p>three</div><div id=b>four 넷</div>")
        let nodes = try ["a", "b"].map { id in try #require(doc.select(xpath: "//div[@id='\(id)']").first) }
        let whole = nodes.map(\.textContent).joined()
        #expect(NodeText.leadingText(of: nodes, bytes: 1_000) == whole)
        let short = NodeText.leadingText(of: nodes, bytes: 5)
        #expect(whole.hasPrefix(short) && short.utf8.count >= 5)
    }

    static let runPages: [String] = [
        "<div id=t>one, two<br>three <b>four,</b> five<p>block</p>six、七。</div>",
        "<div id=t><span></span><br><i>  </i><br>tail</div>",
        "<div id=t><p>only a block</p></div>",
        "<div id=t>text <!-- note --> more <span>in<div>block inside inline</div>line</span> end</div>",
        "<td id=t>한국어 문장，쉼표 <a href=x>링크</a><br><img src=a>after image</td>",
    ]

    @Test(arguments: runPages)
    func inlineRunsWeighWhatTheirTextWeighs(_ html: String) throws {
        let doc = try HTMLDocument(html: html)
        let el = try #require(doc.select(xpath: "//*[@id='t']").first)
        // The plain runs: text and inline elements' textContent joined, split at other elements.
        var plain: [String] = [], cur = ""
        for n in el.children {
            if n.isText { cur += n.textContent } else if n.isElement {
                if NodeText.isInline(n) { cur += n.textContent } else if !cur.isEmpty { plain.append(cur); cur = "" }
            }
        }
        if !cur.isEmpty { plain.append(cur) }
        let runs = ContentScorer.inlineRuns(of: el)
        #expect(runs.map(\.weight) == plain.map(NodeText.weight))
        #expect(runs.map(\.commas) == plain.map(Self.commas))
    }

    /// Commas and sentence ends counted on a String's scalars, as the scorer counted them before it read bytes.
    static func commas(_ s: String) -> Int {
        s.unicodeScalars.filter { $0 == "," || $0 == "，" || $0 == "、" || $0 == "。" }.count
    }
}
