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
        /// Tiny C helpers for what Swift cannot call directly (gettid, signals).
        .target(name: "CSupport"),
        .target(name: "Syntax"),
        .target(name: "Compiler", dependencies: ["Syntax", .product(name: "BigInt", package: "BigInt")]),
        .target(
            name: "Runtime",
            dependencies: [
                "Syntax", "Compiler", "CSupport",
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "Collections", package: "swift-collections"),
            ],
            // The VM enforces its own exclusivity (frames are thread-private; shared objects lock):
            // Swift's dynamic exclusivity checks cost ~10% of the eval loop. The VM is optimized even
            // in debug builds: unoptimized, it runs Python ~10x slower and lesson demos time out.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked", "-O"])]
        ),
        .target(
            name: "Engine",
            dependencies: ["Runtime", .product(name: "BigInt", package: "BigInt")],
            exclude: ["Threading/threading.py", "Threading/generate.sh"],
            // As for Runtime: the engine's objects guard themselves (locks' atomic words, mutexes), and
            // the dynamic exclusivity checks showed up as ~5% of an uncontended lock loop.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
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
        .testTarget(name: "CompilerTests", dependencies: ["Compiler", "Syntax"]),
        .testTarget(name: "ConformanceTests", dependencies: ["Engine", "Runtime"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "Trace", "Engine", "Runtime"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "Trace"]),
        .testTarget(name: "TraceTests", dependencies: ["Trace", "Engine", "Runtime"]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime"]),
    ],
    // Swift 5 mode: the VM shares mutable objects between OS threads under its own locks (per-object
    // mutexes, the GIL), which Swift 6's static data-race checking cannot express.
    swiftLanguageModes: [.v5]
)
