// Every default of the configuration, in one place (swift-format's Configuration+Default pattern):
// values not given in feeds.yaml are taken from here.

import Foundation

extension FetchDefaults {
    /// The defaults used when `feeds.yaml` has no `defaults:` block or leaves a field out.
    public static let standard = FetchDefaults(
        interval: 900,
        userAgent: "NewsDesk/1.0 (+https://github.com/newsdesk/newsdesk; news ingestion bot)",
        connectTimeout: 10,
        totalTimeout: 30,
        maxBodyBytes: 15 * 1024 * 1024,
        maxItemsPerRun: 50,
        politenessDelay: 1.0,
        perHostConcurrency: 2,
        concurrency: 8,
        obeyRobots: true,
        lowSpeedLimit: 100,
        lowSpeedTime: 15
    )
}

extension FetchDefaults {
    /// The zone of `defaults.timezone` when feeds.yaml does not set it: Korea Standard Time, as the shipped sources
    /// are Korean portals and the date parser reads zone-less Korean dates in it (`DateParser.koreaStandardTime`).
    public static let standardTimeZone: TimeZone = DateParser.koreaStandardTime
}

extension SectionConfig {
    /// The four sections NewsDesk ships with.
    public static let standard: [SectionConfig] = [
        SectionConfig(id: "it", name: "IT뉴스"),
        SectionConfig(id: "sports", name: "스포츠뉴스"),
        SectionConfig(id: "entertainment", name: "연예뉴스"),
        SectionConfig(id: "general", name: "실시간뉴스"),
    ]
}
