// swift-tools-version:6.0
import PackageDescription

/// Targets depend in one direction: Syntax → Compiler → Runtime → Engine → Trace → Lessons → Shell → interleave.
let package = Package(
    name: "Interleave",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "interleave", targets: ["interleave"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "Syntax"),
        .target(name: "Compiler", dependencies: ["Syntax", .product(name: "BigInt", package: "BigInt")]),
        .target(
            name: "Runtime",
            dependencies: [
                "Syntax", "Compiler",
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "Collections", package: "swift-collections"),
            ]
        ),
        .target(name: "Engine", dependencies: ["Runtime", .product(name: "BigInt", package: "BigInt")]),
        .target(name: "Trace", dependencies: ["Runtime", "Engine"]),
        .target(name: "Lessons", dependencies: ["Runtime", "Engine", "Trace"]),
        .target(name: "Shell", dependencies: ["CEditLine", "Runtime", "Engine", "Trace", "Lessons"]),
        .executableTarget(
            name: "interleave",
            dependencies: [
                "Shell", "Lessons", "Engine", "Runtime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SyntaxTests", dependencies: ["Syntax"]),
        .testTarget(name: "ConformanceTests", dependencies: ["Engine", "Runtime"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "Engine", "Runtime"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell"]),
    ]
)
