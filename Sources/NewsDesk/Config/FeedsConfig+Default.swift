// Every default of the configuration, in one place (swift-format's Configuration+Default pattern):
// values not given in feeds.yaml are taken from here.

import Foundation

extension SectionConfig {
    /// The section an article goes to when nothing decides (`classify.default_section` unless set): the one
    /// place this id is written.
    public static let fallbackID = "general"

    /// The four sections NewsDesk ships with.
    public static let standard: [SectionConfig] = [
        SectionConfig(id: "it", name: "IT뉴스"),
        SectionConfig(id: "sports", name: "스포츠뉴스"),
        SectionConfig(id: "entertainment", name: "연예뉴스"),
        SectionConfig(id: fallbackID, name: "실시간뉴스"),
    ]
}
