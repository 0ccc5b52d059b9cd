import Foundation
import Testing
@testable import NewsDesk

@Suite struct ScriptProfileTests {
    @Test(arguments: [
        ("가", ScriptProfile.Script.hangul), ("ㄱ", .hangul), ("ᄀ", .hangul), ("a", .latin), ("Z", .latin), ("é", .latin),
        ("ｂ", .latin), ("漢", .han), ("カ", .kana), ("ひ", .kana), ("Ж", .cyrillic), ("Ω", .greek), ("ب", .arabic),
        ("ש", .hebrew), ("ก", .thai), ("क", .devanagari), ("ᚠ", .other),
    ] as [(String, ScriptProfile.Script)])
    func lettersGetTheirScript(_ letter: String, _ script: ScriptProfile.Script) throws {
        let v = try #require(letter.unicodeScalars.first).value
        #expect(ScriptProfile.script(of: v) == script)
    }

    @Test(arguments: ["1", " ", ".", "…", "①", "🎉", "\u{301}", "\n"])
    func nonLettersCountForNoScript(_ text: String) throws {
        #expect(ScriptProfile.script(of: try #require(text.unicodeScalars.first).value) == nil)
    }

    @Test func sharesOfAText() {
        let p = ScriptProfile("삼성 Galaxy 3개")  // 3 Hangul syllables, 6 Latin letters, digits not counted
        #expect(p.letters == 9)
        #expect(p.shares[.hangul] == 3.0 / 9 && p.shares[.latin] == 6.0 / 9)
        #expect(ScriptProfile("123 …").letters == 0 && ScriptProfile("123 …").shares.isEmpty)
    }

    /// A Korean training profile like the shipped model's: 96 % Hangul, 3 % Latin, 1 % Han.
    static let korean = ScriptProfile(shares: [.hangul: 0.96, .latin: 0.03, .han: 0.01], letters: 800_000)

    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let mismatch: String?
        var testDescription: String { text }
    }

    @Test(arguments: [
        Case(text: "Apple unveils a faster chip", mismatch: "the text's letters are 100 % Latin; the model was trained on Hangul text"),
        Case(text: "Путин заявил о переговорах", mismatch: "the text's letters are 100 % Cyrillic; the model was trained on Hangul text"),
        Case(text: "삼성전자, 3나노 반도체 양산", mismatch: nil),
        Case(text: "Galaxy S25 Ultra 출시", mismatch: nil),  // 2 of 14 letters Hangul: above the 10 % floor
        Case(text: "AI chip deal", mismatch: nil),  // 10 letters: too few to judge
        Case(text: "", mismatch: nil),
    ])
    func modelsAreNotAskedAboutScriptsTheyNeverSaw(_ c: Case) {
        #expect(Self.korean.mismatch(with: c.text) == c.mismatch)
    }

    @Test func mixedTrainingKnowsBothScripts() {
        let mixed = ScriptProfile(shares: [.hangul: 0.6, .latin: 0.4], letters: 1000)
        #expect(mixed.known == [.hangul, .latin])
        #expect(mixed.mismatch(with: "Apple unveils a faster chip") == nil)
        #expect(mixed.mismatch(with: "Путин заявил о переговорах")?.contains("Hangul and Latin") == true)
        #expect(ScriptProfile(shares: [:], letters: 0).mismatch(with: "Apple unveils a faster chip") == nil)
    }

    @Test func storedInTheModelFileAndOptional() throws {
        let model = try tinyModel()
        let profile = try #require(model.scripts)
        #expect(profile.known == [.hangul] && profile.shares[.hangul] == 1)
        let loaded = try TextModel(bytes: model.serialized())
        #expect(loaded.scripts == profile)
        #expect(loaded.outOfScope("The budget bill passed the Senate") != nil)
        // A model without a profile (files written before it existed) is asked about anything.
        let old = TextModel(labels: model.labels, features: model.features, notes: "", rows: model.rows, scales: model.scales,
                            biases: model.biases, idfScale: model.idfScale)
        #expect(old.outOfScope("The budget bill passed the Senate") == nil)
        // A script name a later version adds reads as `other`.
        let json = #"{"letters":10,"shares":{"hangul":0.5,"runic":0.5}}"#
        let decoded = try JSONDecoder().decode(ScriptProfile.self, from: Data(json.utf8))
        #expect(decoded.shares == [.hangul: 0.5, .other: 0.5])
    }
}
