import Foundation

/// Token-level precision, recall and F1 of extracted text against gold text, as article-extraction benchmarks score
/// them: text is lowercased and split into runs of letters and digits; tokens are compared as multisets.
/// `scripts/extract/trafilatura_eval.py` implements the same scorer for the peer comparison.
public struct TokenF1: Sendable, Equatable, CustomStringConvertible {
    public let precision: Double
    public let recall: Double
    public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }

    public init(precision: Double, recall: Double) {
        self.precision = precision
        self.recall = recall
    }

    /// Scores `extracted` against `gold`.
    public init(extracted: String, gold: String) {
        let e = Self.tokens(extracted), g = Self.tokens(gold)
        guard !e.isEmpty, !g.isEmpty else { self.init(precision: 0, recall: 0); return }
        var counts: [Substring: Int] = [:]
        for t in g { counts[t, default: 0] += 1 }
        var overlap = 0
        for t in e { if let c = counts[t], c > 0 { overlap += 1; counts[t] = c - 1 } }
        self.init(precision: Double(overlap) / Double(e.count), recall: Double(overlap) / Double(g.count))
    }

    public var description: String {
        String(format: "P %.3f R %.3f F1 %.3f", precision, recall, f1)
    }

    /// Lowercased runs of letters and digits.
    public static func tokens(_ text: String) -> [Substring] {
        let lower = text.lowercased()
        return lower.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    }
}
