import ArgumentParser
import Foundation
import NewsDesk

/// `newsdesk classify`: classify one article, train a section model, or evaluate one.
struct ClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify an article into a section; train or evaluate the section model.",
        subcommands: [ClassifyArticle.self, ClassifyTrain.self, ClassifyEval.self],
        defaultSubcommand: ClassifyArticle.self
    )
}

/// `newsdesk classify ARTICLE-ID|FILE`: prints section, confidence, method and reason.
struct ClassifyArticle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "Print the section, confidence and reason for one article.",
        discussion: """
        ARTICLE-ID: a stored article (title, text, URL, its source's section, a pinned section) from --db. \
        FILE: an HTML page (run through the Extractor: title, section hints, body), a JSON object \
        ({"title", "lead" or "text", "url", "sectionHints", "sourceSection"}) or plain text (first line: title).
        """
    )

    @Argument(help: "A stored article's id, or a file.") var article: String
    @OptionGroup var store: StoreOption
    @Option(help: "A model file instead of the shipped model (or of feeds.yaml classify.model).") var model: String?
    @Option(help: "feeds.yaml: its sections, classify.rules, threshold, default section and model.") var config: String?
    @Option(help: "The article's URL (for URL rules) when the file does not say.") var url: String?
    @Option(help: "The source's section, as for a single-section source.") var sourceSection: String?
    @Option(help: "Confidence threshold (default: feeds.yaml classify.threshold, else 0.55).") var threshold: Double?

    func run() async throws {
        let classifier: Classifier
        if let config {
            var feeds = try FeedsConfig.load(path: config)
            if let model { feeds.classify.model = URL(fileURLWithPath: model).standardizedFileURL.path }
            if let threshold { feeds.classify.threshold = threshold }
            classifier = try Classifier.shipped(config: feeds)
        } else {
            let textModel = try model.map { path throws(ClassifyError) in try TextModel.load(path: path) } ?? TextModel.shipped()
            classifier = Classifier(model: textModel, threshold: threshold ?? Classifier.defaultThreshold)
        }
        var input: ClassificationInput
        if FileManager.default.fileExists(atPath: article) {
            input = try ArticleFileReader.read(path: article)
        } else if let id = Int64(article) {
            let s = try store.open()
            guard let a = try s.article(id: id) else {
                // Like `show`: an unknown id is a failed lookup (exit 1), not a usage error.
                FileHandle.standardError.write(Data("classify: no article \(id) in \(store.db) (list stored articles with `newsdesk list`)\n".utf8))
                throw ExitCode.failure
            }
            input = ClassificationInput(title: a.title, lead: ClassificationInput.lead(of: a.text), url: a.canonicalURL, sourceID: a.sourceID,
                                        sourceSection: try s.source(id: a.sourceID)?.section, pinnedSection: a.sectionPinned ? a.section : nil)
            print("article:    \(id) \(a.title)")
            print("stored:     \(a.section) (\(a.classificationReason))")
        } else {
            throw ValidationError("classify: no file \(article); pass an article id or an existing HTML, JSON or text file")
        }
        if let url { input.url = url }
        if let sourceSection { input.sourceSection = sourceSection }
        let c = classifier.classify(input)
        print("section:    \(c.section)")
        print("confidence: \(String(format: "%.2f", c.confidence))")
        print("method:     \(c.method.rawValue)")
        print("reason:     \(c.reason)")
    }
}

/// Turns a file into a `ClassificationInput`.
enum ArticleFileReader {
    static func read(path: String) throws -> ClassificationInput {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let lower = path.lowercased()
        if lower.hasSuffix(".json") {
            guard let o = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                throw ValidationError("classify: \(path) is not a JSON object; expected {\"title\": …, \"lead\": …}")
            }
            let text = (o["lead"] as? String) ?? (o["text"] as? String) ?? (o["body"] as? String) ?? ""
            return ClassificationInput(title: o["title"] as? String ?? "", lead: ClassificationInput.lead(of: text),
                                       url: o["url"] as? String, sourceID: o["source"] as? String ?? "",
                                       sourceSection: o["sourceSection"] as? String, sectionHints: o["sectionHints"] as? [String] ?? [])
        }
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
            let page = CharsetDecoder.decode(bytes: [UInt8](data), url: URL(fileURLWithPath: path).absoluteString, contentType: nil, override: nil)
            let extracted = try Extractor().extract(page)
            let body = try HTMLDocument(html: "<html><body>" + extracted.bodyHTML + "</body></html>").body?.textContent ?? ""
            return ClassificationInput(title: extracted.title, lead: ClassificationInput.lead(of: collapse(body)),
                                       url: extracted.canonicalURL, sectionHints: extracted.sectionHints)
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", maxSplits: 1).map(String.init)
        return ClassificationInput(title: lines.first ?? "", lead: ClassificationInput.lead(of: lines.count > 1 ? lines[1] : ""))
    }

    private static func collapse(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Options shared by train and eval: data files, columns and the held-out split.
struct LabelledDataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "A CSV (header row) or JSON Lines file; repeat to combine files.") var files: [String] = []
    @Option(help: "Text column (default: text, title or headline).") var textColumn: String?
    @Option(help: "Label column (default: label or section).") var labelColumn: String?
    @Option(help: "Hold out every K-th data row (0-based position divisible by K): train skips them, eval uses only them. 0: off.")
    var holdout: Int = 0
    @Option(help: "With --holdout K: hold out the rows whose position % K equals this (0…K-1), for K-fold cross-validation.")
    var fold: Int = 0

    func validate() throws {
        if holdout < 0 { throw ValidationError("--holdout must be 0 (off) or a number of folds ≥ 2") }
        if fold != 0 && !(0..<max(holdout, 1)).contains(fold) {
            throw ValidationError("--fold \(fold) needs --holdout K with 0 ≤ fold < K")
        }
    }

    func load(heldOut: Bool) throws -> [LabelledText] {
        var all: [LabelledText] = []
        for path in files {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw ClassifyError.badData(path: path, detail: error.localizedDescription)
            }
            let rows = try LabelledData.parse(String(decoding: data, as: UTF8.self), path: path, textColumn: textColumn, labelColumn: labelColumn)
            all += holdout > 0 ? rows.enumerated().filter { ($0.offset % holdout == fold) == heldOut }.map(\.element) : rows
        }
        return all
    }
}

/// `newsdesk classify train`.
struct ClassifyTrain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "train", abstract: "Train a section model from labelled data.")

    @OptionGroup var data: LabelledDataOptions
    @Flag(help: "Learn from the article store (single-section sources and pinned articles).") var fromStore = false
    @Option(help: "The store for --from-store.") var db: String?
    @Option(help: "Where to write the model.") var out: String
    @Option(help: "log2 of the hash buckets.") var bucketBits = 18
    @Option(help: "Longest character n-gram.") var charMax = 4
    @Option(help: "Word n-grams: 0, 1 or 2.") var wordNgrams = 2
    @Flag(inversion: .prefixedNo, help: "Keep character n-grams inside one word (scikit-learn's char_wb).") var wordBounded = true
    @Option(help: "Passes over the data.") var epochs = 6
    @Option(help: "SGD step.") var learningRate: Float = 1.0
    @Option(help: "L2 penalty per step on the weights an example touches (0: none).") var l2: Float = 0
    @Option(help: "Class balance, 0 (none) … 1 (inverse class size).") var balance = 0.0
    @Flag(inversion: .prefixedNo, help: "Weight features by inverse document frequency.") var idf = true

    func run() async throws {
        guard fromStore || !data.files.isEmpty else { throw ValidationError("classify train: pass --data FILE (CSV or JSON Lines) or --from-store") }
        var examples = try data.load(heldOut: false)
        if fromStore {
            let path = db ?? "newsdesk.sqlite"
            let fromDB = try ArticleStore(path: path).labelledExamples().map { LabelledText(text: $0.text, label: $0.section) }
            print("store \(path): \(fromDB.count) labelled examples (single-section sources and pinned articles)")
            examples += fromDB
        }
        let options = TrainingOptions(features: FeatureSettings(bucketBits: bucketBits, charMin: 1, charMax: charMax, wordNgrams: wordNgrams, wordBounded: wordBounded),
                                      epochs: epochs, learningRate: learningRate, l2: l2, classBalance: balance, idf: idf)
        let notes = "trained on \((data.files.map { URL(fileURLWithPath: $0).lastPathComponent } + (fromStore ? ["store"] : [])).joined(separator: " + "))"
            + (data.holdout > 0 ? " without the rows at position % \(data.holdout) == \(data.fold)" : "") + ", \(examples.count) examples, \(epochs) epochs"
        let start = Date()
        let model = try TextModelTrainer.train(examples, options: options, notes: notes)
        try model.save(to: out)
        let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
        print("trained \(model.labels.joined(separator: ", ")) on \(examples.count) examples in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
        print("wrote \(out) (\(size) bytes)")
    }
}

/// `newsdesk classify eval`.
struct ClassifyEval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Evaluate a section model on labelled data.")

    @OptionGroup var data: LabelledDataOptions
    @Option(help: "The model file (default: the shipped model).") var model: String?

    func run() async throws {
        guard !data.files.isEmpty else { throw ValidationError("classify eval: pass --data FILE (CSV or JSON Lines)") }
        let loadStart = Date()
        let m = try model.map { path throws(ClassifyError) in try TextModel.load(path: path) } ?? TextModel.shipped()
        let loadTime = Date().timeIntervalSince(loadStart)
        let examples = try data.load(heldOut: data.holdout > 0)
        let pairs = examples.map { (truth: $0.label, predicted: m.predict($0.text)?.label ?? "") }
        print("model: \(model ?? "shipped") (\(m.labels.joined(separator: ", ")); loaded in \(String(format: "%.1f", loadTime * 1000)) ms)")
        print(Evaluation(pairs: pairs).report, terminator: "")
    }
}
