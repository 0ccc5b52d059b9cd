import Foundation
import Testing
@testable import NewsDesk

/// `allow_networks` ranges that open everything are valid but warned about; `defaults.timezone` is an IANA name.
/// Reduced from issue 13: `allow_networks: [0.0.0.0/0]` passed `feeds check` silently.
@Suite struct ConfigWarningTests {
    struct NetworkCase: Sendable, CustomTestStringConvertible {
        let name: String
        let range: String
        /// A piece of the warning, or nil for none.
        let warning: String?
        var testDescription: String { name }
    }

    static let networkCases: [NetworkCase] = [
        NetworkCase(name: "all IPv4", range: "0.0.0.0/0", warning: "allows every IPv4 address"),
        NetworkCase(name: "all IPv6", range: "::/0", warning: "allows every IPv6 address"),
        NetworkCase(name: "half of IPv4 (loopback and 10/8 inside)", range: "0.0.0.0/1", warning: "loopback 127.0.0.0/8"),
        NetworkCase(name: "a /8 spanning three special blocks", range: "192.0.0.0/8", warning: "private 192.168.0.0/16"),
        NetworkCase(name: "link-local named with the metadata address", range: "128.0.0.0/1", warning: "169.254.0.0/16 (cloud metadata)"),
        NetworkCase(name: "one loopback host", range: "127.0.0.1/32", warning: nil),
        NetworkCase(name: "the loopback block", range: "127.0.0.0/8", warning: nil),
        NetworkCase(name: "one private block", range: "10.0.0.0/8", warning: nil),
        NetworkCase(name: "a private /16", range: "192.168.0.0/16", warning: nil),
        NetworkCase(name: "IPv6 loopback", range: "::1/128", warning: nil),
        NetworkCase(name: "IPv6 unique-local", range: "fc00::/7", warning: nil),
    ]

    static func yaml(_ extra: String) -> String {
        """
        sources:
          - id: intranet
            url: https://intranet.example.com/rss
            section: it
        \(extra)
        """
    }

    @Test(arguments: networkCases)
    func allowNetworks(_ c: NetworkCase) throws {
        let config = try FeedsConfig.parse(yaml: Self.yaml("    allow_networks: [\"\(c.range)\"]"))
        #expect(config.sources[0].allowNetworks.map(\.description) == [c.range])
        if let w = c.warning {
            #expect(config.warnings.count == 1)
            let text = config.warnings.first?.description ?? ""
            #expect(text.hasPrefix("feeds.yaml:5: sources[0].allow_networks[0]: warning: "), "\(text)")
            #expect(text.contains(w), "\(text)")
        } else {
            #expect(config.warnings.isEmpty, "\(config.warnings)")
        }
    }

    @Test func timezoneDefaultsToSeoulAndTakesAnIANAName() throws {
        #expect(try FeedsConfig.parse(yaml: Self.yaml("")).defaults.timeZone.identifier == "Asia/Seoul")
        let utc = try FeedsConfig.parse(yaml: "defaults:\n  timezone: Europe/Berlin\n" + Self.yaml(""))
        #expect(utc.defaults.timeZone.identifier == "Europe/Berlin")
        do {
            _ = try FeedsConfig.parse(yaml: "defaults:\n  timezone: Mars/Olympus\n" + Self.yaml(""))
            Issue.record("an unknown zone was accepted")
        } catch {
            #expect(error.problems.map(\.description) == [
                "feeds.yaml:2: defaults.timezone: unknown time zone \"Mars/Olympus\" (use an IANA name such as Asia/Seoul, UTC or Europe/Berlin)",
            ])
        }
    }
}
