import Foundation

/// The fuzz targets: how one fuzz input (bytes) is read and which properties the stage's result must have.
///
/// Shared by the libFuzzer driver (`Fuzz/newsdesk-fuzz`, built only by `scripts/fuzz.sh`) and by the normal test
/// suite, which replays every saved finding in `fixtures/fuzz/<target>/` through the same checks
/// (`FuzzRegressionTests`). A check returns the violated properties, each a short sentence; empty means the input
/// passed. A crash or a hang is a finding too: libFuzzer reports those itself.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `Sanitizer`: idempotent output, no forbidden construct in the output (strict re-tokenizing and a libxml2 tree).
    case sanitize
    /// `FeedParser` over RSS, RDF, Atom, JSON Feed and HTML link pages: items hold absolute http(s) links, unique.
    case feeds
    /// `CharsetDecoder` with arbitrary labels: the decoded text accounts for every input byte and ends with the page.
    case decode
    /// `DateParser`: a date it returns lies in its documented range and reads back from RFC 3339, RFC 822 and Korean forms.
    case dates
    /// `Extractor` then `Sanitizer`, as the pipeline runs them: URLs http(s), the cleaned body passes the sanitizer checks.
    case extract
    /// `FeedsConfig.parse`: a config or an error whose every problem names file:line.
    case config

    /// The violated properties for one input (empty when it passed).
    public func check(_ input: [UInt8]) -> [String] {
        switch self {
        case .sanitize: SanitizeProperties.check(input)
        case .feeds: FeedProperties.check(input)
        case .decode: DecodeProperties.check(input)
        case .dates: DateProperties.check(input)
        case .extract: ExtractProperties.check(input)
        case .config: ConfigProperties.check(input)
        }
    }
}

/// Splits a fuzz input into option bytes and the payload. Options read past the end are 0, so every input is valid
/// and a seed file written as plain markup behaves as "all options 0".
struct FuzzInput {
    let bytes: [UInt8]
    private(set) var optionCount = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// A choice among `count` options, taken from the next leading byte.
    mutating func choose(_ count: Int) -> Int {
        defer { optionCount += 1 }
        return optionCount < bytes.count ? Int(bytes[optionCount]) % count : 0
    }

    /// Everything after the option bytes used so far.
    var payload: [UInt8] { optionCount < bytes.count ? Array(bytes[optionCount...]) : [] }
}
