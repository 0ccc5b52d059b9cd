// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

// The programs allocate through mimalloc (Debian's libmimalloc-dev, installed by scripts/setup.sh): linked ahead of
// libc, it serves every malloc of the process, libxml2's tree and the Swift runtime's alike. A page's parse and
// extraction is mostly small allocations; measured on the public set, mimalloc makes `newsdesk-bench extract` 1.2×
// faster than glibc's allocator (docs/extract.md). The library and the tests do not depend on it.
let allocator: [LinkerSetting] = [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]

let package = Package(
    name: "NewsDesk",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "NewsDesk", targets: ["NewsDesk"]),
        .executable(name: "newsdesk", targets: ["newsdesk"]),
        .executable(name: "newsdesk-bench", targets: ["newsdesk-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(
            name: "NewsDesk",
            dependencies: [
                "CLibXML2", "CCurl",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "newsdesk",
            dependencies: [
                "NewsDesk",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict,
            linkerSettings: allocator
        ),
        .executableTarget(
            name: "newsdesk-bench",
            dependencies: [
                "NewsDesk",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            linkerSettings: allocator
        ),
        .target(name: "TestSupport", dependencies: ["NewsDesk"], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(
            name: "NewsDeskTests",
            dependencies: ["NewsDesk", "TestSupport"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (libFuzzer), declared only for `scripts/fuzz.sh` (NEWSDESK_FUZZ=1, built with -sanitize=fuzzer,address
// into .build-fuzz); the normal build and `swift test` never see them. The properties live in TestSupport/Fuzz, so
// the test suite replays every saved finding. See docs/fuzzing.md.
if Context.environment["NEWSDESK_FUZZ"] != nil {
    package.targets += [
        .target(name: "CFuzzDriver", path: "Fuzz/CFuzzDriver"),
        .executableTarget(name: "newsdesk-fuzz", dependencies: ["CFuzzDriver", "TestSupport"], path: "Fuzz/newsdesk-fuzz",
                          swiftSettings: strict),
    ]
}
