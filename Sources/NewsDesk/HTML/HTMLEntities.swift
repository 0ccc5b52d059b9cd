internal import CLibXML2

/// The HTML 4 named character references (libxml2's table), for repairing feeds that use them in XML.
enum HTMLEntities {
    /// The code point of `&name;`, or nil when HTML 4 has no such entity.
    static func codePoint(_ name: String) -> UInt32? {
        guard let desc = htmlEntityLookup(name) else { return nil }
        return desc.pointee.value
    }
}
