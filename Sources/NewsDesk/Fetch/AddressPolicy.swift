/// Decides whether the fetcher may connect to a resolved address.
///
/// Public unicast addresses are allowed. Addresses in `AddressPolicy.specialRanges` (loopback, private,
/// link-local, multicast, unique-local, unspecified, …; IPv4-mapped, NAT64, 6to4 and Teredo IPv6 addresses are
/// also checked as the IPv4 address they carry)
/// are refused unless they fall inside one of the source's `allow_networks`.
struct AddressPolicy: Sendable, Equatable {
    /// The operator's allowance for one source.
    public let allowNetworks: [IPNetwork]

    public init(allowNetworks: [IPNetwork] = []) { self.allowNetworks = allowNetworks }

    /// Parses CIDR strings (the CLI's `--allow`); a source's `allow_networks` are parsed once, by the config loader.
    public init(allowing cidrs: [String]) throws(CIDRError) {
        var nets: [IPNetwork] = []
        for c in cidrs { nets.append(try IPNetwork(c)) }
        allowNetworks = nets
    }

    /// What kind of special address `ip` is ("loopback", "private", …), or nil for public unicast.
    public static func classify(_ ip: IPAddress) -> String? {
        if let kind = specialRanges.first(where: { $0.network.contains(ip.unmapped) || $0.network.contains(ip) })?.kind { return kind }
        if let (v4, via) = embedded(ip), let kind = specialRanges.first(where: { $0.network.contains(v4) })?.kind {
            return "\(kind) via \(via)"
        }
        return nil
    }

    /// The IPv4 address a NAT64, 6to4 or Teredo address carries, and the form's name.
    static func embedded(_ ip: IPAddress) -> (IPAddress, String)? {
        guard ip.bytes.count == 16, let rule = embeddedIPv4.first(where: { $0.prefix.contains(ip) }),
              let v4 = IPAddress(bytes: ip.bytes[rule.offset..<(rule.offset + 4)].map { $0 ^ rule.xor }) else { return nil }
        return (v4, rule.via)
    }

    /// nil when `ip` may be connected to; otherwise the reason it is refused.
    public func refusal(for ip: IPAddress) -> String? {
        guard let kind = Self.classify(ip) else { return nil }
        let inner = Self.embedded(ip)?.0
        if allowNetworks.contains(where: { $0.contains(ip) || $0.contains(ip.unmapped) || inner.map($0.contains) == true }) { return nil }
        return kind
    }
}
