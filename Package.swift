// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "twinning",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "twinning", targets: ["twinning"]),
        .executable(name: "twinning-bench", targets: ["twinning-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(
            name: "TwinningCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own column functions, for the one hot list read (RawCityColumns.swift).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            resources: [
                .copy("Resources/cities.tsv"),
                .copy("Resources/countries.tsv"),
                .copy("Resources/twinnings_dev.tsv"),
                .copy("Resources/demo_events.csv"),
                .copy("Resources/city_names.tsv"),
                .copy("Resources/city_character.tsv"),
                .copy("Resources/country_demography.tsv"),
                .copy("Resources/Texts"),
            ]
        ),
        .systemLibrary(name: "CWidth"),
        .target(name: "CCrashGuard"),
        .target(name: "TwinningUI", dependencies: ["TwinningCore", "CWidth"]),
        .target(name: "TwinningTerminal", dependencies: ["TwinningUI", "CNcursesw", "CCrashGuard"]),
        .executableTarget(
            name: "twinning",
            dependencies: [
                "TwinningCore", "TwinningUI", "TwinningTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The release program carries its own Swift runtime and Foundation
            // (as `--static-swift-stdlib` does): with the shared libraries half
            // of a command's start-up went to the loader binding the symbols of
            // 16 Swift libraries; static, `twinning cities --help` takes 7 ms
            // CPU instead of 14 and the full-screen program holds 5–6 MB less
            // (README, Figures). Debug builds (tests, `swift run`) stay dynamic:
            // they link faster. The module is compiled with the flag too: that
            // is what links the static Foundation's own parts.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
                            // Such a runtime finds its crash-report helper only around the program (Backtraces.swift).
                            .define("TWINNING_STATIC_STDLIB", .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
        ),
        .executableTarget(
            name: "twinning-bench",
            dependencies: ["TwinningCore", "TwinningUI", "TwinningTerminal", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Sources/Bench"
        ),
        .executableTarget(name: "twinning-eval", dependencies: ["TwinningCore"], path: "Sources/Eval"),
        // The one test kit (tmux harness, prepared demo databases, UI fixtures):
        // a library only the test targets use, so they need no copies of it.
        .target(
            name: "TwinningTestSupport",
            dependencies: ["TwinningCore", "TwinningUI", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/TwinningTestSupport"
        ),
        .testTarget(name: "TwinningCoreTests", dependencies: ["TwinningCore"]),
        .testTarget(name: "TwinningUITests", dependencies: ["TwinningUI", "TwinningTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "TwinningTerminalTests", dependencies: ["TwinningTerminal", "TwinningTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TwinningCore", "TwinningTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ScreenEndToEndTests", dependencies: ["TwinningCore", "TwinningTestSupport"]),
        .testTarget(name: "ProofTests", dependencies: ["TwinningCore", "TwinningUI", "TwinningTestSupport"], exclude: ["Corpus"]),
    ],
    swiftLanguageModes: [.v6]
)
