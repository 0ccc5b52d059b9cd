import Foundation

/// What saving an article that is already stored changes, decided once for both stores (`ArticleStore`,
/// `PostgresStore`), which only write it: the section (a hand pin wins, then a pinned section stays, then the new
/// classification), the list of changes, and the record after a revision.
struct RevisionPlan {
    /// The stored record with the classification (or the pin) applied and nothing else changed.
    let reclassified: ArticleRecord
    /// What differs from the stored revision; empty when only the classification may have moved.
    let changes: ArticleChanges
    /// Whether the pin was set by this save.
    let pinChanged: Bool
    private let section: String
    private let old: ArticleRecord
    private let draft: ArticleDraft
    private let hash: String

    init(old: ArticleRecord, draft: ArticleDraft, title: String, hash: String, pin: String?) {
        var new = old
        var section = old.section
        if let pin {
            section = pin
            new.sectionPinned = true
            new.confidence = 1
            new.classificationMethod = ClassificationMethod.pinned.rawValue
            new.reason = "pinned by hand (reimport --section \(pin))"
        } else if !old.sectionPinned {
            section = draft.classification.section
            new.confidence = min(1, max(0, draft.classification.confidence))
            new.classificationMethod = draft.classification.method.rawValue
            new.reason = draft.classification.reason
        }
        reclassified = new
        changes = ArticleChanges(oldTitle: old.title, newTitle: title.isEmpty ? old.title : title,
                                 oldBodyChars: old.text.count, newBodyChars: draft.text.count,
                                 oldImages: old.imageCount, newImages: draft.imageCount,
                                 oldSection: old.section, newSection: section, textChanged: old.contentHash != hash)
        pinChanged = new.sectionPinned != old.sectionPinned
        self.section = section
        self.old = old
        self.draft = draft
        self.hash = hash
    }

    /// Whether the classification (reason, confidence, pin) differs from the stored one: what an otherwise unchanged
    /// save writes.
    var classificationChanged: Bool {
        pinChanged || reclassified.reason != old.reason || reclassified.confidence != old.confidence
    }

    /// The record after the revision: the draft's content over `reclassified`, metadata the draft lacks kept, the
    /// revision number one up. The store sets `changeSeq`.
    func revised(signature: [UInt64], now: Date) -> ArticleRecord {
        let e = draft.extracted
        var new = reclassified
        new.section = section
        new.title = changes.newTitle
        new.html = draft.html
        new.text = draft.text
        new.contentHash = hash
        new.fingerprint = Fingerprint.encode(signature)
        new.imageCount = draft.imageCount
        new.bylineReporters = e.byline.reporters
        new.bylineAgency = e.byline.agency
        new.bylineEmails = e.byline.emails
        new.bylineRaw = e.byline.raw
        new.updated = e.updated ?? old.updated
        new.published = old.published ?? e.published
        new.attribution = e.attribution ?? old.attribution
        new.leadImage = e.leadImage ?? old.leadImage
        new.description = e.description ?? old.description
        new.keywords = e.keywords.isEmpty ? old.keywords : e.keywords
        new.extractor = e.extractor
        new.revision = old.revision + 1
        new.changedAt = now
        return new
    }
}
