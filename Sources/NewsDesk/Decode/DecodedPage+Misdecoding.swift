extension DecodedPage {
    /// A page is reported as mis-decoded (a warning; the run is partial) when at least this many sequences were
    /// invalid in its charset…
    public static let misdecodingMinimum = 8
    /// …and they are at least this percentage of its non-ASCII characters. A few stray bytes in a Korean page (2 of
    /// 5,000 syllables) are damage the decoder repairs with U+FFFD; 1 % and more means the charset is wrong (CP949
    /// read as UTF-8 turns nearly every syllable into U+FFFD, a Latin-1 page read as UTF-8 every accented letter).
    public static let misdecodingPercent = 1

    /// Whether so much of the page was invalid in `sourceCharset` that the charset is probably wrong.
    public var misdecoded: Bool {
        replacements >= Self.misdecodingMinimum && replacements * 100 >= nonASCII * Self.misdecodingPercent
    }

    /// The warning for a mis-decoded page (nil when it is not), naming the URL and what to do.
    public var misdecodingWarning: String? {
        guard misdecoded else { return nil }
        return "decode: \(url): mis-decoded: \(replacements) of \(nonASCII) non-ASCII characters were invalid \(sourceCharset) "
            + "(\(charsetSource.rawValue)) and became U+FFFD; the page is probably not \(sourceCharset) — set `charset:` for "
            + "this source in feeds.yaml (or --charset) and re-import it"
    }
}
