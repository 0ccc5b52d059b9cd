import ArgumentParser
import Foundation
import Logging
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
        FILE: an HTML page (run through ingest's own stages: decode, extract with the config's site rules, sanitize, \
        classify; --url is the page's address, --source-section makes it a single-section source), a JSON object \
        ({"title", "lead" or "text", "url", "canonicalURL", "originalURL", "sectionHints", "tags", "publishers", "sourceSection"}) \
        or plain text (first line: title).
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
        // The same build every command runs; --model and --threshold override the file's classify block.
        var feeds = try config.map { try PolicyFile.load($0).config } ?? Policy.standard.config
        if let model { feeds.classify.model = URL(fileURLWithPath: model).standardizedFileURL.path }
        if let threshold { feeds.classify.threshold = threshold }
        let policy = try Policy(feeds)
        let classifier = try Classifier.shipped(policy.sections)
        var input: ClassificationInput
        let lower = article.lowercased()
        if FileManager.default.fileExists(atPath: article), lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
            // An HTML page: the stage functions ingest calls (`ArticleProcessor.process`), so the section is the one
            // ingest would store for this page from a mixed source (or a single-section one with --source-section).
            let pageURL = url ?? URL(fileURLWithPath: article).absoluteString
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: article)))
            let resource = FetchedResource(requestedURL: pageURL, finalURL: pageURL, status: 200, headers: [:], body: bytes, elapsed: 0)
            let processor = ArticleProcessor(policy: policy, classifier: classifier)
            let c: Classification
            do {
                c = try processor.process(resource, source: ArticleProcessor.adHocSource(url: pageURL, section: sourceSection)).draft.classification
            } catch {
                FileHandle.standardError.write(Data("classify: \(article): \(error)\n".utf8))
                throw ExitCode.failure
            }
            Self.show(c)
            return
        } else if FileManager.default.fileExists(atPath: article) {
            input = try ArticleFileReader.read(path: article)
        } else if let id = Int64(article) {
            let s = try store.open(config: feeds.store)
            guard let a = try s.article(id: id) else {
                // Like `show`: an unknown id is a failed lookup (exit 1), not a usage error.
                FileHandle.standardError.write(Data("classify: no article \(id) in \(try store.location(config: feeds.store)) (list stored articles with `newsdesk list`)\n".utf8))
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
        Self.show(classifier.classify(input))
    }

    static func show(_ c: Classification) {
        Swift.print("section:    \(c.section)")
        Swift.print("confidence: \(String(format: "%.2f", c.confidence))")
        Swift.print("method:     \(c.method.rawValue)")
        Swift.print("reason:     \(c.reason)")
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
                                       url: o["url"] as? String, canonicalURL: o["canonicalURL"] as? String, originalURL: o["originalURL"] as? String,
                                       sourceID: o["source"] as? String ?? "", sourceSection: o["sourceSection"] as? String,
                                       sectionHints: o["sectionHints"] as? [String] ?? [], tags: o["tags"] as? [String] ?? [],
                                       publishers: o["publishers"] as? [String] ?? [])
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", maxSplits: 1).map(String.init)
        return ClassificationInput(title: lines.first ?? "", lead: ClassificationInput.lead(of: lines.count > 1 ? lines[1] : ""))
    }
}

/// Options shared by train and eval: data files, columns and the held-out split.
struct LabelledDataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "A CSV (header row) or JSON Lines file; repeat to combine files.") var files: [String] = []
    @Option(help: "Text column (default: text, title or headline).") var textColumn: String?
    @Option(help: "Label column (default: label or section).") var labelColumn: String?
    @Option(help: """
        A column of finer labels nested in the label column (each value always under one label), learned as classes of \
        their own; "none" for none. Default: the first column that nests in the label column (YNAT's ynat_label under section).
        """)
    var subLabelColumn: String?
    @Option(help: "Cross-validation: K stratified folds (the n-th row of each class in a file goes to fold n % K); train skips fold --fold, eval uses only it. 0: off.")
    var holdout: Int = 0
    @Option(help: "With --holdout K: the fold held out (0…K-1).")
    var fold: Int = 0

    func validate() throws {
        if holdout < 0 || holdout == 1 { throw ValidationError("--holdout must be 0 (off) or a number of folds ≥ 2") }
        if fold != 0 && !(0..<max(holdout, 1)).contains(fold) {
            throw ValidationError("--fold \(fold) needs --holdout K with 0 ≤ fold < K")
        }
    }

    var subLabels: LabelledData.SubLabels {
        switch subLabelColumn {
        case nil: .detect
        case "none"?, ""?: LabelledData.SubLabels.none
        case let c?: .column(c)
        }
    }

    /// The rows of every file (in or out of the held-out fold), and the sub-label column found per file.
    func load(heldOut: Bool) throws -> (rows: [LabelledText], subLabelColumns: [String]) {
        var all: [LabelledText] = []
        var found: [String] = []
        for path in files {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw ClassifyError.badData(path: path, detail: error.localizedDescription)
            }
            let parsed = try LabelledData.parseDetailed(String(decoding: data, as: UTF8.self), path: path, textColumn: textColumn,
                                                        labelColumn: labelColumn, subLabels: subLabels)
            if let c = parsed.subLabelColumn { found.append("\(URL(fileURLWithPath: path).lastPathComponent): \(c)") }
            if holdout > 0 {
                let folds = LabelledData.stratifiedFolds(parsed.rows, folds: holdout)
                all += zip(parsed.rows, folds).filter { ($0.1 == fold) == heldOut }.map(\.0)
            } else {
                all += parsed.rows
            }
        }
        return (all, found)
    }
}

/// `newsdesk classify train`.
struct ClassifyTrain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Train a section model from labelled data.",
        discussion: """
        One-vs-rest linear SVMs over hashed character 1–3-grams (tf-idf), solved exactly. By default each class weighs \
        the same (--balance 1) and C is chosen by macro-F1 on a held-out fifth of the data; the probability temperature \
        is fitted there too. See docs/classify.md.
        """)

    @OptionGroup var data: LabelledDataOptions
    @Flag(help: "Learn from the article store (single-section sources and pinned articles).") var fromStore = false
    @Option(help: "The store for --from-store.") var db: String?
    @Option(help: "Where to write the model.") var out: String
    @Option(help: "log2 of the hash buckets.") var bucketBits = 18
    @Option(help: "Shortest character n-gram.") var charMin = 1
    @Option(help: "Longest character n-gram.") var charMax = 3
    @Option(help: "Word n-grams: 0, 1 or 2.") var wordNgrams = 0
    @Flag(inversion: .prefixedNo, help: "Keep character n-grams inside one word (scikit-learn's char_wb); default: across words.") var wordBounded = false
    @Option(help: "The SVM's C (default: chosen among 0.1, 0.2, 0.3, 0.5, 1 on a held-out fifth).") var c: Double?
    @Option(help: "Class balance, 0 (none) … 1 (each class weighs the same).") var balance = 1.0
    @Flag(inversion: .prefixedNo, help: "Weight features by inverse document frequency.") var idf = true

    func run() async throws {
        guard fromStore || !data.files.isEmpty else { throw ValidationError("classify train: pass --data FILE (CSV or JSON Lines) or --from-store") }
        var (examples, subColumns) = try data.load(heldOut: false)
        if fromStore {
            let path = try StoreLocation.resolve(flag: db, config: nil)
            let fromDB = try path.open().labelledExamples().map { LabelledText(text: $0.text, label: $0.section) }
            print("store \(path): \(fromDB.count) labelled examples (single-section sources and pinned articles)")
            examples += fromDB
        }
        if !subColumns.isEmpty { print("sub-labels: \(subColumns.joined(separator: "; ")) (learned as classes, filed under their label; --sub-label-column none to turn off)") }
        let options = TrainingOptions(features: FeatureSettings(bucketBits: bucketBits, charMin: charMin, charMax: charMax, wordNgrams: wordNgrams, wordBounded: wordBounded),
                                      c: c, classBalance: balance, idf: idf)
        var notes = "trained on \((data.files.map { URL(fileURLWithPath: $0).lastPathComponent } + (fromStore ? ["store"] : [])).joined(separator: " + "))"
            + (data.holdout > 0 ? " without fold \(data.fold) of \(data.holdout)" : "") + ", \(examples.count) examples"
        let start = Date()
        let (model0, report) = try TextModelTrainer.trainWithReport(examples, options: options, notes: notes)
        notes += ", C \(report.c), balance \(balance)"
        let model = model0.withNotes(notes)
        try model.save(to: out)
        let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
        print(report.summary)
        print("trained \(model.labels.joined(separator: ", ")) on \(examples.count) examples in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
        print("wrote \(out) (\(size) bytes)")
    }
}

/// `newsdesk classify eval`.
struct ClassifyEval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Evaluate a section model on labelled data, or the whole pipeline on labelled pages.",
        discussion: """
        --data: the bare model on labelled texts. --pipeline MANIFEST: every page of a CSV (file, url, section; optional \
        source_section, lang) goes through decode → extract → sanitize → classify exactly as ingest runs it (the \
        page's URL, canonical and original URLs, section hints, tags and publisher weighed with the model), and the \
        report gives precision and recall per section, per language, and every miss with its reason.
        """)

    @OptionGroup var data: LabelledDataOptions
    @Option(help: "The model file (default: the shipped model, or feeds.yaml classify.model with --config).") var model: String?
    @Option(help: "Write one CSV row per example (truth, class, predicted, probability) to this file.") var predictions: String?
    @Option(help: "A manifest of labelled HTML pages (CSV: file, url, section[, source_section, lang]) to run through the pipeline.")
    var pipeline: String?
    @Option(help: "With --pipeline: feeds.yaml for its sections, classify rules, threshold and model (default: the standard four sections).")
    var config: String?

    func run() async throws {
        if let pipeline { return try await runPipeline(pipeline) }
        guard !data.files.isEmpty else { throw ValidationError("classify eval: pass --data FILE (CSV or JSON Lines) or --pipeline MANIFEST") }
        let loadStart = Date()
        let m = try model.map { path throws(ClassifyError) in try TextModel.load(path: path) } ?? TextModel.shipped()
        let loadTime = Date().timeIntervalSince(loadStart)
        let examples = try data.load(heldOut: data.holdout > 0).rows
        let predicted = examples.map { m.predict($0.text) }
        let pairs = zip(examples, predicted).map { (truth: $0.label, predicted: $1?.label ?? "") }
        print("model: \(model ?? "shipped") (\(m.labels.joined(separator: ", ")); loaded in \(String(format: "%.1f", loadTime * 1000)) ms)")
        print(Evaluation(pairs: pairs, classes: examples.map(\.className)).report, terminator: "")
        if let predictions {
            var csv = "truth,class,predicted,probability\n"
            for (e, p) in zip(examples, predicted) {
                csv += [e.label, e.className, p?.label ?? "", String(format: "%.4f", p?.probability ?? 0)].map(Self.quoted).joined(separator: ",") + "\n"
            }
            try Data(csv.utf8).write(to: URL(fileURLWithPath: predictions))
        }
    }

    /// Runs every page of the manifest through `Pipeline.preview` (ingest's own decode → extract → sanitize →
    /// classify) with a mixed source, or a single-section one where the manifest says `source_section`.
    func runPipeline(_ manifest: String) async throws {
        let contents: String
        do { contents = try String(contentsOfFile: manifest, encoding: .utf8) } catch {
            throw ClassifyError.badData(path: manifest, detail: error.localizedDescription)
        }
        let (columns, rows) = try LabelledData.records(contents, path: manifest)
        for needed in ["file", "url", "section"] where !columns.contains(needed) {
            throw ClassifyError.missingColumn(path: manifest, column: needed, available: columns)
        }
        var feeds = try config.map { try PolicyFile.load($0).config }
            ?? FeedsConfig(sections: SectionConfig.standard, defaults: .standard, sources: [])
        if let model { feeds.classify.model = URL(fileURLWithPath: model).standardizedFileURL.path }
        let classifier = try Classifier.shipped(config: feeds)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var logger = Logger(label: "newsdesk.eval")
        logger.logLevel = .critical
        let store = try ArticleStore(path: dir.appendingPathComponent("eval.sqlite").path, logger: logger)
        let runner = try Pipeline(config: feeds, store: store, fetcher: Fetcher(defaults: feeds.defaults, logger: logger),
                                  classifier: classifier, logger: logger)
        let base = URL(fileURLWithPath: manifest).deletingLastPathComponent()
        var pairs: [(truth: String, predicted: String)] = []
        var byLanguage: [String: [(truth: String, predicted: String)]] = [:]
        var misses: [String] = []
        var failures: [String] = []
        var methods: [String: Int] = [:]
        for row in rows {
            guard let file = row["file"], let url = row["url"], let truth = row["section"], !file.isEmpty else { continue }
            let path = file.hasPrefix("/") ? file : base.appendingPathComponent(file).path
            let bytes: [UInt8]
            do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
                failures.append("\(file): \(error.localizedDescription)"); continue
            }
            let single = row["source_section"].flatMap { $0.isEmpty ? nil : $0 }
            let source = SourceConfig(id: single.map { "\($0)-feed" } ?? "mixed-feed", name: "eval", url: url, section: single, mixed: single == nil)
            let resource = FetchedResource(requestedURL: url, finalURL: url, status: 200, headers: ["content-type": "text/html"], body: bytes, elapsed: 0)
            let predicted: String
            do {
                let draft = try runner.preview(resource, source: source)
                predicted = draft.classification.section
                methods[draft.classification.method.rawValue, default: 0] += 1
                if predicted != truth { misses.append("\(file) [\(truth) → \(predicted)] \(draft.extracted.title)\n    \(draft.classification.reason)") }
            } catch {
                predicted = "(failed)"
                failures.append("\(file): \(error)")
            }
            pairs.append((truth, predicted))
            byLanguage[row["lang"] ?? "", default: []].append((truth, predicted))
        }
        print("pipeline: \(manifest) (\(pairs.count) pages; model: \(model ?? feeds.classify.model ?? "shipped"))")
        print(Evaluation(pairs: pairs).report)
        for (lang, p) in byLanguage.sorted(by: { $0.key < $1.key }) where byLanguage.count > 1 {
            let e = Evaluation(pairs: p)
            let perSection = e.perClass.filter { $0.support > 0 }.map { "\($0.label) P \(String(format: "%.2f", $0.precision)) R \(String(format: "%.2f", $0.recall))" }
            print("\(lang.isEmpty ? "(no lang)" : lang): \(p.count) pages, accuracy \(String(format: "%.4f", e.accuracy)); " + perSection.joined(separator: ", "))
        }
        print("decided by: " + methods.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        if !misses.isEmpty { print("\nmisses (\(misses.count)):\n" + misses.joined(separator: "\n")) }
        if !failures.isEmpty { print("\nfailed (\(failures.count)):\n" + failures.joined(separator: "\n")) }
    }

    static func quoted(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
