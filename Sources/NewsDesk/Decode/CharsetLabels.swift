import Foundation

/// Charset labels as pages and servers write them, mapped to the name NewsDesk hands to libxml2/iconv.
///
/// Based on the WHATWG Encoding Standard's label table (https://encoding.spec.whatwg.org/#names-and-labels),
/// with one deliberate difference: every Korean label is read as CP949 (UHC), the superset Korean sites really
/// send, because iconv's strict EUC-KR stops at the first CP949-only syllable (똠, 햏, 뷁) and loses the rest.
/// Latin-1 and ASCII labels are read as windows-1252, as browsers do.
enum CharsetLabels {
    /// (name handed to iconv, labels). Sorted by name; labels lowercase and sorted.
    static let table: [(name: String, labels: [String])] = [
        ("BIG5-HKSCS", ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"]),
        ("CP932", ["cp932", "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"]),
        // Plus `euc_kr` and `ks_c_5601`, which Korean servers send and the sanitizer's own list once carried.
        ("CP949", ["cp949", "csksc56011987", "euc-kr", "euc_kr", "euckr", "iso-ir-149", "korean", "ks_c_5601", "ks_c_5601-1987",
                   "ks_c_5601-1989", "ksc5601", "ksc_5601", "ms949", "uhc", "windows-949", "x-uhc", "x-windows-949"]),
        ("EUC-JP", ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"]),
        ("GB18030", ["chinese", "cp936", "csgb2312", "csiso58gb231280", "gb18030", "gb2312", "gb_2312", "gb_2312-80", "gbk",
                     "iso-ir-58", "ms936", "windows-936", "x-gbk"]),
        ("ISO-2022-JP", ["csiso2022jp", "iso-2022-jp"]),
        ("ISO-8859-15", ["csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"]),
        ("ISO-8859-2", ["csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "l2", "latin2"]),
        ("KOI8-R", ["cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"]),
        ("KOI8-U", ["koi8-ru", "koi8-u"]),
        ("UTF-16BE", ["unicodefffe", "utf-16be"]),
        ("UTF-16LE", ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"]),
        ("UTF-8", ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"]),
        ("windows-1250", ["cp1250", "windows-1250", "x-cp1250"]),
        ("windows-1251", ["cp1251", "windows-1251", "x-cp1251"]),
        ("windows-1252", ["ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100",
                          "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252",
                          "x-cp1252", "x-user-defined"]),
    ]

    static let byLabel: [String: String] = {
        var d: [String: String] = [:]
        for (name, labels) in table { for l in labels { d[l] = name } }
        return d
    }()

    /// The iconv name for a label, or nil when the label is empty or unknown to both this table and iconv.
    static func normalize(_ label: String) -> String? {
        var l = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if l.count >= 2, let f = l.first, f == "\"" || f == "'" { l = String(l.dropFirst().dropLast()) }
        guard !l.isEmpty, l.count < 64 else { return nil }
        if let name = byLabel[l] { return name }
        // Only label characters go to iconv: glibc drops the others from a name, so `utf-16` followed by junk would
        // open as glibc's own "UTF-16" (big-endian without a BOM) under a name no table knows (found by fuzzing).
        guard l.utf8.allSatisfy(isLabelByte) else { return nil }
        return HTMLDocument.isKnownEncoding(l) ? l.uppercased() : nil
    }

    /// Bytes iconv names are made of (`iso_8859-1:1987`, `ibm037`, `x-mac-roman`, `iso-10646/ucs2`).
    private static func isLabelByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
            || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
            || b == UInt8(ascii: "/") || b == UInt8(ascii: "+")
    }

    /// Whether a name is one of the multibyte legacy encodings with a structure we can check.
    static func isUTF8(_ name: String) -> Bool { name == "UTF-8" }
    static func isUTF16(_ name: String) -> Bool { name.hasPrefix("UTF-16") }
}
