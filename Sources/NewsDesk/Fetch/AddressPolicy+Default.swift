// Address ranges the fetcher never connects to unless a source's allow_networks covers them.
// From the IANA special-purpose registries (RFC 6890, iana-ipv4-special-registry, iana-ipv6-special-registry),
// sorted by family then address. IPv4-mapped IPv6 (::ffff:0:0/96) is checked as the IPv4 address inside, and so are
// the NAT64, 6to4 and Teredo forms in `embeddedIPv4`.

extension AddressPolicy {
    /// Special-purpose ranges and what to call them in error messages.
    public static let specialRanges: [(network: IPNetwork, kind: String)] = [
        ("0.0.0.0", 8, "unspecified"),
        ("10.0.0.0", 8, "private"),
        ("100.64.0.0", 10, "shared (carrier-grade NAT)"),
        ("127.0.0.0", 8, "loopback"),
        ("169.254.0.0", 16, "link-local"),
        ("172.16.0.0", 12, "private"),
        ("192.0.0.0", 24, "IETF protocol assignment"),
        ("192.0.2.0", 24, "documentation"),
        ("192.168.0.0", 16, "private"),
        ("198.18.0.0", 15, "benchmarking"),
        ("198.51.100.0", 24, "documentation"),
        ("203.0.113.0", 24, "documentation"),
        ("224.0.0.0", 4, "multicast"),
        ("240.0.0.0", 4, "reserved"),
        ("::", 128, "unspecified"),
        ("::1", 128, "loopback"),
        ("64:ff9b:1::", 48, "local-use NAT64"),
        ("100::", 64, "discard-only"),
        ("2001:db8::", 32, "documentation"),
        ("fc00::", 7, "unique-local"),
        ("fe80::", 10, "link-local"),
        ("fec0::", 10, "site-local"),
        ("ff00::", 8, "multicast"),
    ].compactMap { text, len, kind in
        IPAddress(text).map { (IPNetwork(unchecked: $0, len), kind) }
    }

    /// IPv6 forms that carry an IPv4 address (at `offset`, XORed with `xor` for Teredo's obfuscated client): such an
    /// address is also checked as the IPv4 address inside, so a NAT64 or 6to4 gateway cannot be used to reach a
    /// private, loopback or link-local IPv4 host (`64:ff9b::` + the metadata address, for one).
    static let embeddedIPv4: [(prefix: IPNetwork, offset: Int, xor: UInt8, via: String)] = [
        ("64:ff9b::", 96, 12, 0x00, "NAT64"),
        ("2001::", 32, 12, 0xFF, "Teredo"),
        ("2002::", 16, 2, 0x00, "6to4"),
    ].compactMap { text, len, offset, xor, via in
        IPAddress(text).map { (IPNetwork(unchecked: $0, len), offset, xor, via) }
    }
}
