import ArgumentParser
import Foundation
import NewsDesk

/// `newsdesk-bench classify`: classifications per second on headline + lead, one core, with the shipped model.
struct ClassifyBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classifications per second (headline + ~300-character lead, mixed source, one core)."
    )

    @Option(help: "A CSV or JSON Lines file with a title/text column; leads are built from the following rows. Default: built-in Korean samples.")
    var data: String?
    @Option(help: "A model file instead of the shipped one.") var model: String?
    @Option(help: "Seconds to run.") var seconds = 3.0

    func run() async throws {
        let loadStart = Date()
        let textModel = try model.map { path throws(ClassifyError) in try TextModel.load(path: path) } ?? TextModel.shipped()
        let loadMs = Date().timeIntervalSince(loadStart) * 1000
        let classifier = Classifier(model: textModel)
        var titles = Self.samples
        if let data {
            let contents = String(decoding: try Data(contentsOf: URL(fileURLWithPath: data)), as: UTF8.self)
            titles = try LabelledData.parse(contents, path: data).map(\.text)
        }
        guard !titles.isEmpty else { throw ValidationError("bench classify: no titles in \(data ?? "the samples")") }
        // Headline + lead: the lead is the next rows' titles joined until ~300 characters.
        let inputs: [ClassificationInput] = titles.indices.prefix(5000).map { i in
            var lead = ""
            var j = i + 1
            while lead.count < 300 { lead += titles[j % titles.count] + " "; j += 1 }
            return ClassificationInput(title: titles[i], lead: ClassificationInput.lead(of: lead), url: "https://news.example.com/article/\(i)", sourceID: "mixed")
        }
        var count = 0
        var sink = 0
        let cpuStart = Self.threadCPUSeconds()
        let start = Date()
        while Date().timeIntervalSince(start) < seconds {
            for input in inputs {
                sink &+= classifier.classify(input).section.utf8.count
            }
            count += inputs.count
        }
        let elapsed = Date().timeIntervalSince(start)
        let cpu = Self.threadCPUSeconds() - cpuStart
        let avgChars = inputs.reduce(0) { $0 + $1.title.count + $1.lead.count } / inputs.count
        print("model: \(model ?? "shipped") (\(textModel.labels.count) labels, loaded in \(String(format: "%.1f", loadMs)) ms)")
        print("classify: \(count) classifications in \(String(format: "%.2f", elapsed)) s = \(Int(Double(count) / elapsed)) per second (one core, ~\(avgChars) characters each) [\(sink % 10)]")
        print("          \(Int(Double(count) / cpu)) per CPU-second of this thread (\(String(format: "%.2f", cpu)) s CPU; differs from the wall figure when the machine is busy)")
    }

    /// CPU time of the calling thread.
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static let samples = [
        "손흥민 멀티골…토트넘 리그 3연승 질주", "삼성전자 차세대 반도체 3나노 양산 돌입", "국회 본회의 내년도 예산안 처리",
        "배우 김하늘 새 드라마 주연 확정", "카카오 인공지능 챗봇 서비스 출시", "류현진 7이닝 무실점 호투로 시즌 10승",
        "아이돌 그룹 신곡 음원 차트 1위", "정부 부동산 대책 발표…대출 규제 완화", "영화 개봉 첫 주말 관객 100만 돌파",
        "네이버 클라우드 데이터센터 증설", "프로농구 챔피언결정전 7차전 승부", "서울 아침 기온 영하 10도…한파 특보",
    ]
}
