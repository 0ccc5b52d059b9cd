/// Words that point to a section in English text: the text signal for articles the Korean model does not read
/// (their letters are mostly Latin; see `ScriptProfile`). Each distinct word found is weak evidence for its section
/// (`Classifier`: ×2 in the lead, ×4 in the title); real English pages usually also carry a section, a path or a
/// publisher, which weigh more.
///
/// Why a vocabulary and not an English model: the shipped model is trained on KLUE YNAT (Korean); the only English
/// text we could train on would be text we wrote ourselves, a few hundred headlines that would teach a model our
/// own phrasing, and our evaluation set is written by the same hands. A short list of unambiguous beat words
/// (compiled for NewsDesk from the vocabulary of news sections: technology, sport, screen and music, politics and
/// the economy) is transparent, names its evidence in the reason, and errs towards "unsure". Words with a common
/// second sense (match, season, pitch, drama, star, series, director) are left out. Lowercase; phrases are matched
/// on word boundaries of the normalized text. Sorted within each section.
enum SectionVocabulary {
    static let terms: [(section: String, words: [String])] = [
        ("entertainment", [
            "actor", "actress", "album", "anime", "billboard", "blockbuster", "box office", "celebrity", "cinema", "comedian",
            "concert", "emmy", "emmys", "episode", "film", "filmmaker", "grammy", "grammys", "hollywood", "k pop", "movie", "movies",
            "music video", "netflix", "oscar", "oscars", "premiere", "rapper", "reality show", "red carpet", "sequel", "showbiz",
            "singer", "sitcom", "songwriter", "soundtrack", "talk show", "television", "trailer", "tv",
        ]),
        ("general", [
            "budget", "cabinet", "candidate", "central bank", "congress", "court", "democrats", "diplomat", "earthquake",
            "economists", "economy", "election", "elections", "gdp", "government", "governor", "immigration", "inflation",
            "judge", "lawmakers", "legislation", "minister", "ministry", "parliament", "police", "prime minister",
            "prosecutors", "protesters", "republicans", "senate", "senator", "stocks", "supreme court", "tariff", "tariffs",
            "taxes", "unemployment", "voters", "wildfire",
        ]),
        ("it", [
            "ai", "algorithm", "android", "app", "apps", "artificial intelligence", "broadband", "browser", "chatbot", "chip",
            "chipmaker", "chips", "cloud computing", "compiler", "computer", "computing", "cyberattack", "cybersecurity",
            "data center", "developer", "developers", "encryption", "gadget", "github", "gpu", "hackers", "hardware", "internet",
            "iphone", "laptop", "linux", "malware", "nvidia", "openai", "open source", "processor", "programming", "quantum",
            "ransomware", "robotics", "semiconductor", "semiconductors", "smartphone", "smartphones", "software", "startup",
            "tech", "telecom", "wi fi",
        ]),
        ("sports", [
            "athlete", "athletes", "baseball", "basketball", "batter", "bullpen", "championship", "coach", "cricket", "defender",
            "fifa", "football", "goalkeeper", "golf", "golfer", "hockey", "inning", "innings", "marathon", "medal", "midfielder",
            "mlb", "nba", "nfl", "nhl", "olympic", "olympics", "pitcher", "playoff", "playoffs", "quarterback", "referee",
            "rookie", "rugby", "soccer", "stadium", "striker", "teammate", "teammates", "tennis", "tournament", "touchdown",
            "uefa", "umpire", "wicket", "wimbledon",
        ]),
    ]

    /// The vocabulary's words found in `text`, per section, each word once, in table order.
    /// Matching is on the classifier's normalization (lowercase, digits to 0, punctuation to spaces), on word
    /// boundaries: "chips" is found in "new chips," but "ai" not in "said".
    static func words(in text: String) -> [String: [String]] {
        var scalars: [UInt32] = []
        FeatureHasher.normalize(text, into: &scalars)
        let normalized = String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
        var found: [String: [String]] = [:]
        for (section, words) in terms {
            for w in words where normalized.includes(" " + w + " ") {
                found[section, default: []].append(w)
            }
        }
        return found
    }
}
