// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "ngomatch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ngomatch", targets: ["ngomatch"]),
        .library(name: "NGOMatchCore", targets: ["NGOMatchCore"]),
        .library(name: "NGOMatchStore", targets: ["NGOMatchStore"]),
        // For programs built beside the project, such as the fuzz targets in scripts/fuzz/.
        .library(name: "NGOMatchService", targets: ["NGOMatchService"]),
        .library(name: "NGOMatchProtocol", targets: ["NGOMatchProtocol"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // COIN-OR CBC, the exact solver behind the meeting planner on small events.
        .systemLibrary(name: "CCbc", pkgConfig: "cbc", providers: [.apt(["coinor-libcbc-dev"])]),
        // Pure domain: values in, values out. No I/O, no database.
        .target(
            name: "NGOMatchCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        // Meeting events and their planner, with the CBC solver that only the planner needs.
        .target(name: "NGOMatchPlanner", dependencies: ["NGOMatchCore", "CCbc"], swiftSettings: strictSettings),
        // The files in seeds/ and rules/, compiled into the binary so an
        // installed ngomatch needs no source checkout.
        .target(
            name: "NGOMatchSeeds",
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "EmbedSeeds")]
        ),
        .executableTarget(name: "seed-embedder"),
        .plugin(
            name: "EmbedSeeds", capability: .buildTool(), dependencies: ["seed-embedder"], path: "Sources/EmbedSeeds"),
        // IATI activity files read and written: Foundation's XML parser, away from the pure core.
        .target(name: "NGOMatchIATI", dependencies: ["NGOMatchCore"], swiftSettings: strictSettings),
        .target(
            name: "NGOMatchStore",
            dependencies: [
                "NGOMatchIATI",
                "NGOMatchCore", "NGOMatchPlanner",
                "NGOMatchSeeds",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // The second store: the registry on PostgreSQL, for several servers on one database.
        .target(
            name: "NGOMatchPostgres",
            dependencies: [
                "NGOMatchCore", "NGOMatchStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // The operations both doors call: one table of methods over the registry.
        .target(
            name: "NGOMatchService",
            dependencies: ["NGOMatchCore", "NGOMatchPlanner", "NGOMatchStore", "NGOMatchIATI"],
            swiftSettings: strictSettings
        ),
        // JSON-RPC 2.0 over newline-delimited JSON: framing, messages, dispatch. No sockets.
        .target(
            name: "NGOMatchProtocol",
            dependencies: ["NGOMatchCore", "NGOMatchPlanner", "NGOMatchStore", "NGOMatchService"],
            swiftSettings: strictSettings
        ),
        // The transports: stdio and TCP on SwiftNIO.
        .target(
            name: "NGOMatchServer",
            dependencies: [
                "NGOMatchCore", "NGOMatchPlanner", "NGOMatchProtocol", "NGOMatchService",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // Mail out: an SMTP client on SwiftNIO, and the sender that empties the outbox through it.
        .target(
            name: "NGOMatchMail",
            dependencies: [
                "NGOMatchCore", "NGOMatchStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
        // The Model Context Protocol door: the operation table as tools for assistants.
        .target(
            name: "NGOMatchMCP",
            dependencies: [
                "NGOMatchCore", "NGOMatchPlanner", "NGOMatchService", "NGOMatchProtocol",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // The web app for people: pages over the same operations, on Hummingbird.
        .target(
            name: "NGOMatchWeb",
            dependencies: [
                // The service and the core's values only: no route reaches the registry or the index.
                "NGOMatchCore", "NGOMatchPlanner", "NGOMatchService",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Assets"],
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "EmbedSeeds")]
        ),
        .executableTarget(
            name: "ngomatch",
            dependencies: [
                "NGOMatchCore", "NGOMatchPlanner",
                "NGOMatchStore",
                "NGOMatchService",
                "NGOMatchProtocol",
                "NGOMatchServer",
                "NGOMatchMCP",
                "NGOMatchWeb",
                "NGOMatchMail",
                "NGOMatchPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // The tests' yardstick for schedules: Foundation only, so it shares no code with the planner.
        .target(name: "ScheduleOracle", path: "Tests/ScheduleOracle", swiftSettings: strictSettings),
        // How the tests start children: one at a time, in every suite that starts any.
        .target(name: "ChildProcessStart", path: "Tests/ChildProcessStart", swiftSettings: strictSettings),
        .testTarget(
            name: "NGOMatchCoreTests",
            dependencies: [
                "NGOMatchCore", "NGOMatchPlanner", "NGOMatchSeeds", "ScheduleOracle",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NGOMatchIATITests", dependencies: ["NGOMatchIATI", "NGOMatchCore", "NGOMatchSeeds"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "NGOMatchCLITests",
            dependencies: [
                "ngomatch", "NGOMatchService", "NGOMatchStore", "NGOMatchCore", "NGOMatchPlanner", "NGOMatchProtocol",
                "NGOMatchMail",
                "NGOMatchMCP",
                "NGOMatchServer", "ScheduleOracle", "ChildProcessStart", "NGOMatchIATI",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NGOMatchProtocolTests",
            dependencies: [
                "NGOMatchProtocol", "NGOMatchService", "NGOMatchStore", "NGOMatchCore", "NGOMatchPlanner",
                "NGOMatchIATI",
                "ScheduleOracle",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NGOMatchMCPTests",
            dependencies: [
                "NGOMatchMCP", "NGOMatchService", "NGOMatchStore", "NGOMatchCore", "NGOMatchPlanner",
                .product(name: "MCP", package: "swift-sdk"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NGOMatchWebTests",
            dependencies: [
                "NGOMatchWeb", "NGOMatchService", "NGOMatchStore", "NGOMatchCore", "NGOMatchPlanner",
                "ChildProcessStart",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NGOMatchPostgresTests",
            dependencies: [
                "NGOMatchPostgres", "NGOMatchStore", "NGOMatchCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NGOMatchStoreTests",
            dependencies: [
                "NGOMatchStore", "NGOMatchCore", "NGOMatchSeeds", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
