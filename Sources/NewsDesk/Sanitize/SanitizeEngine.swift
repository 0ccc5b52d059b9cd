/// The streaming sanitizer: receives libxml2 SAX events and writes clean HTML and plain text as bytes.
///
/// One engine per document; not shared. Hot paths (text, tag and attribute names, common URLs) stay on bytes;
/// only URLs that need rewriting beyond tracking parameters become Strings. The receiver class only forwards to
/// ``SanitizeState``, a struct, so the state is one exclusive access per event rather than one per property use.
final class SanitizeEngine: HTMLSAXReceiver {
    private var state: SanitizeState

    init(policy: CompiledPolicy, rules: URLRules, baseURL: String?, capacity: Int) {
        state = SanitizeState(policy: policy, rules: rules, baseURL: baseURL, capacity: capacity)
        super.init()
    }

    override func startElement(name: UnsafePointer<UInt8>, attributes: HTMLSAXAttributes) {
        state.startElement(name: name, attributes: attributes)
    }

    override func endElement(name: UnsafePointer<UInt8>) { state.endElement(name: name) }

    override func characters(_ buf: UnsafeBufferPointer<UInt8>) { state.characters(buf) }

    override func endTagMismatch(name: UnsafePointer<UInt8>) { state.endTagMismatch(name: name) }

    /// Closes what libxml2 left open (it should not) and returns the result.
    func finish() -> SanitizedHTML { state.finish() }
}
