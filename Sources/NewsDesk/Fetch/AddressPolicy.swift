/// Decides whether the fetcher may connect to a resolved address.
///
/// Public unicast addresses are allowed. Addresses in `AddressPolicy.specialRanges` (loopback, private,
/// link-local, multicast, unique-local, unspecified, …; IPv4-mapped IPv6 is checked as its IPv4 address)
/// are refused unless they fall inside one of the source's `allow_networks`.
public struct AddressPolicy: Sendable, Equatable {
    /// The operator's allowance for one source.
    public let allowNetworks: [IPNetwork]

    public init(allowNetworks: [IPNetwork] = []) { self.allowNetworks = allowNetworks }

    /// Parses the CIDR strings of a source's `allow_networks`.
    public init(allowing cidrs: [String]) throws(CIDRError) {
        var nets: [IPNetwork] = []
        for c in cidrs { nets.append(try IPNetwork(c)) }
        allowNetworks = nets
    }

    /// What kind of special address `ip` is ("loopback", "private", …), or nil for public unicast.
    public static func classify(_ ip: IPAddress) -> String? {
        specialRanges.first { $0.network.contains(ip.unmapped) || $0.network.contains(ip) }?.kind
    }

    /// nil when `ip` may be connected to; otherwise the reason it is refused.
    public func refusal(for ip: IPAddress) -> String? {
        guard let kind = Self.classify(ip) else { return nil }
        if allowNetworks.contains(where: { $0.contains(ip) || $0.contains(ip.unmapped) }) { return nil }
        return kind
    }
}
