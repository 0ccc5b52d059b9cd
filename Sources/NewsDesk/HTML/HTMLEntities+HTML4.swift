internal import CLibXML2

extension HTMLEntities {
    /// The code point of the HTML 4 named reference `&name;` (libxml2's table), or nil when HTML 4 has no such
    /// entity. Used to repair feeds that use HTML entities in XML.
    static func html4CodePoint(_ name: String) -> UInt32? {
        guard let desc = htmlEntityLookup(name) else { return nil }
        return desc.pointee.value
    }
}
