internal import CLibXML2

/// One-time libxml2 initialisation and per-thread error silencing.
enum LibXML {
    private static let once: Void = { xmlInitParser() }()

    /// Call before every parse: initialises libxml2 once and silences its per-thread error handlers.
    static func prepare() {
        _ = once
        clibxml2_silence_errors()
    }

    /// Copies an `xmlChar*` that we own into a String and frees it.
    static func takeString(_ p: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        defer { clibxml2_free(p) }
        return String(cString: p)
    }

    /// Copies an `xmlChar*` owned by libxml2 (not freed).
    static func string(_ p: UnsafePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }
}
