import Testing
@testable import NewsDesk

// Only loopback, unspecified and IPv4-mapped loopback literals appear here; the private and other special
// ranges are checked through the policy table itself, never through written addresses.
@Suite struct AddressPolicyTests {
    struct ParseCase: Sendable, CustomTestStringConvertible {
        let text: String; let canonical: String?
        var testDescription: String { text }
    }
    static let addresses: [ParseCase] = [
        .init(text: "127.0.0.1", canonical: "127.0.0.1"),
        .init(text: "127.1.2.3", canonical: "127.1.2.3"),
        .init(text: "::1", canonical: "::1"),
        .init(text: "[::1]", canonical: "::1"),
        .init(text: "0:0:0:0:0:0:0:1", canonical: "::1"),
        .init(text: "::", canonical: "::"),
        .init(text: "::ffff:127.0.0.1", canonical: "::ffff:127.0.0.1"),
        .init(text: "::ffff:7f00:1", canonical: "::ffff:127.0.0.1"),
        .init(text: "127.0.0.01", canonical: nil),
        .init(text: "127.0.0", canonical: nil),
        .init(text: "127.0.0.256", canonical: nil),
        .init(text: "1::2::3", canonical: nil),
        .init(text: "::1%lo", canonical: nil),
        .init(text: "localhost", canonical: nil),
    ]

    @Test(arguments: addresses)
    func parsesAddresses(_ c: ParseCase) {
        #expect(IPAddress(c.text)?.description == c.canonical)
    }

    struct CIDRCase: Sendable, CustomTestStringConvertible {
        let cidr: String; let inside: [String]; let outside: [String]
        var testDescription: String { cidr }
    }
    static let cidrs: [CIDRCase] = [
        .init(cidr: "127.0.0.1/32", inside: ["127.0.0.1", "::ffff:127.0.0.1"], outside: ["127.0.0.2", "::1"]),
        .init(cidr: "127.0.0.0/8", inside: ["127.0.0.1", "127.255.255.255"], outside: ["::1", "0.0.0.0"]),
        .init(cidr: "127.0.0.2", inside: ["127.0.0.2"], outside: ["127.0.0.1"]),
        .init(cidr: "::1/128", inside: ["::1"], outside: ["::", "127.0.0.1"]),
        .init(cidr: "::/0", inside: ["::1", "::"], outside: ["127.0.0.1"]),
        .init(cidr: "0.0.0.0/0", inside: ["127.0.0.1", "0.0.0.0"], outside: ["::1"]),
    ]

    @Test(arguments: cidrs)
    func cidrMembership(_ c: CIDRCase) throws {
        let net = try IPNetwork(c.cidr)
        for a in c.inside { #expect(IPAddress(a).map(net.contains) == true, "\(a) in \(c.cidr)") }
        for a in c.outside { #expect(IPAddress(a).map(net.contains) == false, "\(a) not in \(c.cidr)") }
    }

    @Test(arguments: ["127.0.0.1/33", "127.0.0.1/8", "::1/129", "127.0.0.1/", "/8", "127.0.0.1/-1", "127.0.0.1/8/8", "abc"])
    func badCIDRs(_ text: String) {
        #expect(throws: CIDRError.self) { try IPNetwork(text) }
    }

    @Test func hostBitsMessageSuggestsNetwork() {
        #expect(throws: CIDRError(text: "127.0.0.1/8", reason: "host bits are set (did you mean 127.0.0.0/8?)")) { try IPNetwork("127.0.0.1/8") }
    }

    struct KindCase: Sendable, CustomTestStringConvertible {
        let address: String; let kind: String?
        var testDescription: String { address }
    }
    static let kinds: [KindCase] = [
        .init(address: "127.0.0.1", kind: "loopback"),
        .init(address: "127.0.0.2", kind: "loopback"),
        .init(address: "::1", kind: "loopback"),
        .init(address: "::ffff:127.0.0.1", kind: "loopback"),
        .init(address: "0.0.0.0", kind: "unspecified"),
        .init(address: "::", kind: "unspecified"),
    ]

    @Test(arguments: kinds)
    func classifiesLoopbackAndUnspecified(_ c: KindCase) throws {
        let ip = try #require(IPAddress(c.address))
        #expect(AddressPolicy.classify(ip) == c.kind)
    }

    /// Every table range refuses its own first and last address, also as IPv4-mapped IPv6, with no allowance.
    @Test func everySpecialRangeIsRefusedAtItsEdges() throws {
        let policy = AddressPolicy()
        #expect(AddressPolicy.specialRanges.count == 23)
        for (net, kind) in AddressPolicy.specialRanges {
            let first = net.address
            var lastBytes = first.bytes
            for i in 0..<lastBytes.count {
                let hostBits = max(0, min(8, (i + 1) * 8 - net.prefixLength))
                lastBytes[i] |= UInt8(truncatingIfNeeded: (1 << hostBits) - 1)
            }
            let last = try #require(IPAddress(bytes: lastBytes))
            for ip in [first, last] {
                #expect(policy.refusal(for: ip) != nil, "\(ip) (\(kind)) must be refused")
                if ip.isIPv4 {
                    let mapped = try #require(IPAddress(bytes: [UInt8](repeating: 0, count: 10) + [0xFF, 0xFF] + ip.bytes))
                    #expect(policy.refusal(for: mapped) != nil, "\(mapped) must be refused")
                }
            }
            // Widening the allowance to exactly this range admits it.
            #expect(AddressPolicy(allowNetworks: [net]).refusal(for: first) == nil)
        }
    }

    /// Every IPv4 special range, carried inside a NAT64, 6to4 or Teredo address (built from the table, no literal
    /// addresses), is refused and named with the form; an allowance for the IPv4 range admits it.
    @Test func embeddedIPv4IsCheckedAsIPv4() throws {
        let policy = AddressPolicy()
        var checked = 0
        for (net, kind) in AddressPolicy.specialRanges where net.address.isIPv4 {
            let v4 = net.address.bytes
            let forms: [(String, [UInt8])] = [
                ("NAT64", [0x00, 0x64, 0xFF, 0x9B] + [UInt8](repeating: 0, count: 8) + v4),
                ("6to4", [0x20, 0x02] + v4 + [UInt8](repeating: 0, count: 10)),
                ("Teredo", [0x20, 0x01, 0x00, 0x00] + [UInt8](repeating: 0, count: 8) + v4.map { $0 ^ 0xFF }),
            ]
            for (via, bytes) in forms {
                let ip = try #require(IPAddress(bytes: bytes))
                #expect(policy.refusal(for: ip) == "\(kind) via \(via)", "\(ip)")
                #expect(AddressPolicy(allowNetworks: [net]).refusal(for: ip) == nil, "\(ip) allowed by \(net)")
                checked += 1
            }
        }
        #expect(checked == 14 * 3)
    }

    @Test func allowanceAdmitsOnlyItsRange() throws {
        let policy = try AddressPolicy(allowing: ["127.0.0.1/32"])
        #expect(policy.refusal(for: try #require(IPAddress("127.0.0.1"))) == nil)
        #expect(policy.refusal(for: try #require(IPAddress("::ffff:127.0.0.1"))) == nil)
        #expect(policy.refusal(for: try #require(IPAddress("127.0.0.2"))) == "loopback")
        #expect(policy.refusal(for: try #require(IPAddress("::1"))) == "loopback")
    }
}
