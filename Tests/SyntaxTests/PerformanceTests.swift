import XCTest
@testable import Syntax

final class PerformanceTests: XCTestCase {
    func testParsesFiveThousandLinesQuickly() throws {
        let chunk = """
        import os, sys
        from collections import defaultdict as dd

        class Point(Base, metaclass=Meta):
            \"\"\"A point.\"\"\"
            def __init__(self, x: float = 0.0, y: float = 0.0, *args, **kwargs) -> None:
                self.x, self.y = x, y

            def dist(self, other):
                return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5

        def main(argv):
            data = {k: [i * 2 for i in range(k) if i % 3 != 0] for k in range(10)}
            total = sum(v for vs in data.values() for v in vs)
            try:
                with open(argv[0]) as f:
                    text = f.read()
            except (OSError, ValueError) as e:
                print(f"error: {e!r:>20}", file=sys.stderr)
            else:
                total += len(text)
            while total > 100:
                total //= 2
            return lambda a, b=1: a + b if a else -b

        """
        let lines = chunk.split(separator: "\n", omittingEmptySubsequences: false).count
        let source = String(repeating: chunk, count: 5000 / lines + 1)
        XCTAssertGreaterThanOrEqual(source.split(separator: "\n").count, 4000)
        let start = ContinuousClock.now
        let module = try Parser.parseModule(source, filename: "big.py")
        let elapsed = ContinuousClock.now - start
        XCTAssertEqual(module.body.count, (5000 / lines + 1) * 4)
        XCTAssertLessThan(elapsed, .seconds(1), "parsing took \(elapsed)")
    }
}
