import XCTest
@testable import Compiler
import Syntax

/// Programs covering every statement and expression form; each must compile to code whose stack is
/// consistent on every path (see `verifyStack`).
let stackSamples: [(String, String)] = [
    ("assignments", """
    a = b = c = 1
    x, y = y, x
    [p, (q, r)] = 1, (2, 3)
    first, *middle, last = range(10)
    *init, = [1, 2]
    obj.attr = obj.other.attr = 3
    d[k] = d[k1:k2] = d[1:2, ::3] = v
    """),
    ("augmented", """
    n += 1
    n -= 1; n *= 2; n @= m; n /= 3; n //= 4; n %= 5; n **= 2; n <<= 1; n >>= 1; n &= 7; n |= 8; n ^= 9
    obj.count += 1
    items[i + 1] *= 2
    def f(x):
        global g
        g += x
        x.y.z -= 1
        x[0][1] //= 2
    """),
    ("annotations", """
    x: int = 5
    y: list[int]
    obj.attr: str = "s"
    def f():
        z: int
        w: float = 1.0
        return w
    """),
    ("delete", """
    del a
    del a.b, c[1], c[1:2], (d, [e, f])
    def g(x):
        del x
    """),
    ("if_chain", """
    if a:
        x = 1
    elif b and c or not d:
        x = 2
    elif a < b < c:
        x = 3
    elif (p if q else r):
        x = 4
    else:
        x = 5
    if True:
        pass
    if 0:
        y = 1
    """),
    ("while_else", """
    i = 0
    while i < 10:
        i += 1
        if i == 3:
            continue
        if i == 8:
            break
    else:
        done = True
    while True:
        break
    while not (a and b):
        a = b
    """),
    ("for_else", """
    for i in range(3):
        if i:
            continue
        for j in [1, 2, 3]:
            if j > i:
                break
        else:
            pass
    else:
        print("done")
    for k, v in d.items():
        print(k, v)
    for x in [a, b]:
        pass
    """),
    ("functions", """
    def f(a, b=2, *args, c, d=4, **kw):
        "docstring"
        return a + b + c + d + len(args) + len(kw)
    def g():
        pass
    def h(x=[], y={}, z=None):
        return
    async_ok = f(1, c=3)
    """),
    ("decorators", """
    @dec
    @dec2(arg, k=1)
    def f():
        pass
    @functools.wraps(g)
    class C:
        pass
    """),
    ("closures", """
    def counter():
        count = 0
        def inc(step=1):
            nonlocal count
            count += step
            return count
        def get():
            return count
        return inc, get
    def outer(a):
        def middle():
            def inner():
                return a
            return inner
        return middle
    """),
    ("lambdas", """
    f = lambda: 0
    g = lambda x, *a, k=1, **kw: (x, a, k, kw)
    h = lambda x=lambda: 1: x()
    sorted(items, key=lambda p: p[1])
    def m(n):
        return lambda y: n + y
    """),
    ("classes", """
    class A:
        pass
    class B(A, metaclass=Meta, flag=True):
        "doc"
        x = 1
        def __init__(self, v):
            super().__init__()
            self.__v = v
        @property
        def v(self):
            return self.__v
        @staticmethod
        def s():
            return __class__
    class C(*bases, **kws):
        pass
    """),
    ("calls", """
    f()
    f(1, 2)
    f(a, k=1, j=2)
    f(*args)
    f(1, *args, 2, *more)
    f(**kw)
    f(a, *b, k=1, **c)
    f(k=1, **c, j=2, **e)
    obj.m()
    obj.m(1, k=2)
    obj.m(*a)
    obj.m(**k)
    f()()(1)
    f(x for x in y)
    """),
    ("long_calls", "f(" + (0..<40).map { "a\($0)" }.joined(separator: ", ") + ")\n"
        + "obj.m(" + (0..<40).map { "k\($0)=\($0)" }.joined(separator: ", ") + ")\n"
        + "x = [" + (0..<50).map { "v\($0)" }.joined(separator: ", ") + "]\n"
        + "d = {" + (0..<40).map { "'k\($0)': v\($0)" }.joined(separator: ", ") + "}\n"
        + "s = f'" + (0..<40).map { "{v\($0)}" }.joined(separator: "-") + "'\n"),
    ("displays", """
    t = ()
    t1 = (1,)
    t2 = (1, 2, (3, 4))
    t3 = (a, b)
    l = [1, 2, 3]
    l2 = [a, *b, c, *d]
    s = {1, 2, 3}
    s2 = {a, *b}
    d = {}
    d2 = {'a': 1, b: c}
    d3 = {**x, 'k': 1, **y}
    e = [*a]
    u = (*a, *b)
    """),
    ("operators", """
    r = a + b - c * d / e // f % g ** h @ i
    r = a << b >> c & d | e ^ f
    r = -a, +a, ~a, not a, -1, -1.5, - - 2
    r = a and b and c
    r = a or b or c
    r = a and (b or c)
    r = a is b, a is not b, a in b, a not in b
    r = a == b != c < d <= e > f >= g
    r = x in [1, 2, 3]
    r = 1 if a else 2 if b else 3
    """),
    ("subscripts", """
    x = a[0]
    x = a[1:2]
    x = a[::2]
    x = a[1:2:3]
    x = a[:, 1]
    x = a[..., None]
    x = a[b][c]
    """),
    ("fstrings", """
    s = f"plain"
    s = f"{x}"
    s = f"{x!r}"
    s = f"{x!s:>10}"
    s = f"{x!a} and {y:{width}.{prec}} end"
    s = f"{x=}"
    s = f""
    """),
    ("comprehensions", """
    a = [x for x in range(10)]
    b = [x * y for x in range(3) if x for y in range(x) if y if x > y]
    c = {x for x in s}
    d = {k: v for k, v in pairs}
    e = (x for x in y)
    f = [[i for i in row] for row in matrix]
    g = [y for x in xs for y in [x * 2]]
    h = [lambda: x for x in range(3)]
    def m(n):
        return [n * i for i in range(n)], sum(i for i in range(n))
    class C:
        v = 1
        w = [i for i in range(v)]
    """),
    ("generators", """
    def gen(n):
        for i in range(n):
            x = yield i
            if x:
                return x
        yield
        yield from other()
        v = yield from other()
        return v
    def lam():
        return lambda: (yield 1)
    def gexp():
        return (yield)
    """),
    ("try_except", """
    try:
        risky()
    except ValueError:
        handle()
    except (TypeError, KeyError) as e:
        print(e)
    except:
        raise
    else:
        fine()
    """),
    ("try_finally", """
    try:
        work()
    finally:
        cleanup()
    try:
        work()
    except E as e:
        log(e)
    finally:
        cleanup()
    try:
        a()
    except A:
        pass
    else:
        b()
    finally:
        c()
    """),
    ("nested_try", """
    try:
        try:
            x()
        except E as e:
            try:
                y(e)
            finally:
                z()
        finally:
            w()
    except:
        pass
    """),
    ("try_in_loops", """
    def f(items):
        for item in items:
            try:
                if item is None:
                    continue
                if item == 0:
                    break
                if item < 0:
                    return item
            except ValueError as e:
                if e:
                    continue
                return e
            except Exception:
                break
            finally:
                print(item)
                if item == 5:
                    continue
        while True:
            try:
                return 1
            finally:
                break
        return 2
    """),
    ("return_in_finally", """
    def f():
        try:
            return g()
        finally:
            return 3
    def h():
        try:
            raise E
        finally:
            for i in x:
                try:
                    return i
                finally:
                    print(i)
    """),
    ("with", """
    with open(p) as f:
        data = f.read()
    with a as (b, c), d as e.f, g:
        pass
    with lock:
        pass
    def f():
        for x in y:
            with m(x) as v:
                if v:
                    continue
                if not v:
                    break
                return v
        with a:
            with b:
                return 1
    """),
    ("with_try", """
    with a:
        try:
            x()
        except E:
            with b:
                raise
        finally:
            with c:
                pass
    """),
    ("raise_assert", """
    def f(x):
        assert x
        assert x > 0, "positive"
        if x:
            raise
        raise ValueError("bad")
        raise ValueError from None
    """),
    ("imports", """
    import os
    import os.path
    import a.b.c as d
    import x as y, z
    from m import a, b as c
    from . import sibling
    from ..pkg.mod import thing as other
    from m import *
    def f():
        import json
        from json import loads
        return json, loads
    """),
    ("global_nonlocal", """
    counter = 0
    def bump():
        global counter
        counter += 1
    def outer():
        x = 0
        def inner():
            nonlocal x
            x = x + 1
            del x
        return inner
    """),
    ("expression_statements", """
    1
    "docstring-like"
    x
    f(x)
    a.b
    ...
    None
    (1, 2)
    -5
    """),
    ("class_scopes", """
    x = 1
    def f():
        y = 2
        class C:
            z = y
            def m(self):
                return x, y, z
            class D:
                def n(self):
                    return y, __class__
        return C
    """),
    ("super_forms", """
    class A(B):
        def m(self, *a):
            return super().m(*a)
        def n(*args):
            return super()
        @classmethod
        def c(cls):
            return super().c(), [super() for _ in range(1)]
        def o(self):
            def inner(x):
                return super()
            return inner
    """),
    ("module_docstring", """
    "Module docstring."
    import sys
    """),
    ("mangling", """
    class K:
        __slots__ = ('__a',)
        def __init__(self):
            self.__a = 1
            __local = 2
            return __local
        def __private(self):
            import __future__
            from m import __x
    """),
    ("deep_nesting", """
    def a():
        def b():
            def c():
                def d():
                    return [[[x for x in y] for y in z] for z in w]
                return d
            return c
        return b
    """),
    ("empty_bodies", """
    def f(): pass
    class C: pass
    for x in y: pass
    while x: pass
    with x: pass
    try:
        pass
    except:
        pass
    try:
        pass
    finally:
        pass
    """),
    ("interactive_like", """
    x = 1
    x
    for i in range(2):
        i
    if x:
        x + 1
    """),
    ("constants", """
    a = 12345678901234567890123456789
    b = 1.5e300
    c = b'bytes'
    d = True, False, None, ...
    e = -0.0, 0.0, -0, 0
    f = 'unicode \\u00e9'
    g = ((1, 2), (3, (4, 5)))
    """),
    ("del_in_except", """
    def f():
        try:
            g()
        except E as e:
            del e
        try:
            g()
        except E as e:
            e = 1
    """),
    ("loops_with_else_and_break_in_handlers", """
    for a in b:
        try:
            pass
        except:
            break
        else:
            continue
        finally:
            pass
    else:
        z = 1
    """),
    ("walrus_free_kitchen_sink", """
    def k(*, a, b=2):
        x = [i for i in a if i not in b]
        y = {**{'a': 1}, **{}}
        z = (lambda *args, **kwargs: (args, kwargs))(*x, **y)
        w = x[1:-1], x[::-1], x[a:b:c]
        return f"{x!r}{y:>{b}}" if z else (yield from w)
    """),
]

final class StackTests: XCTestCase {
    func testEverySampleHasAConsistentStack() throws {
        XCTAssertGreaterThanOrEqual(stackSamples.count, 40)
        for (name, source) in stackSamples {
            for mode in [CompileMode.exec, .interactive] {
                let code: CodeObject
                do {
                    code = try Compiler.compile(source: source, filename: name, mode: mode)
                } catch {
                    XCTFail("\(name) (\(mode)): \(error)")
                    continue
                }
                XCTAssertEqual(verifyStack(code), [], "\(name) (\(mode))")
                checkInvariants(code, name)
            }
        }
    }

    /// Structural invariants beyond the stack: positions, argument ranges, the shape of the code.
    func checkInvariants(_ code: CodeObject, _ sample: String) {
        let where_ = "\(sample): \(code.qualname)"
        XCTAssertEqual(code.positions.count, code.instructions.count, where_)
        XCTAssertFalse(code.instructions.isEmpty, where_)
        for (i, ins) in code.instructions.enumerated() {
            let a = Int(ins.arg)
            XCTAssertGreaterThanOrEqual(code.positions[i].line, 1, "\(where_) instruction \(i) has no line")
            switch ins.op {
            case .loadConst, .kwNames:
                XCTAssertLessThan(a, code.consts.count, where_)
            case .loadFast, .storeFast, .deleteFast:
                XCTAssertLessThan(a, code.varnames.count, where_)
            case .loadDeref, .storeDeref, .deleteDeref, .loadClosure, .loadClassDeref:
                XCTAssertLessThan(a, code.cellvars.count + code.freevars.count, where_)
            case .loadName, .storeName, .deleteName, .loadGlobal, .storeGlobal, .deleteGlobal, .loadAttr,
                 .storeAttr, .deleteAttr, .loadMethod, .importName, .importFrom:
                XCTAssertLessThan(a, code.names.count, where_)
            default:
                break
            }
            if code.flags.contains(.usesLocalsDict) {
                XCTAssertFalse([.loadFast, .storeFast, .deleteFast].contains(ins.op), where_)
            } else {
                XCTAssertFalse([.loadName, .storeName, .deleteName].contains(ins.op), where_)
            }
            if ins.op == .kwNames {
                XCTAssertEqual(code.instructions[i + 1].op, .call, where_)
            }
        }
        XCTAssertTrue(code.instructions.last!.op.isTerminal, where_)
        XCTAssertEqual(code.cell2arg.count, code.cellvars.count, where_)
        XCTAssertEqual(code.flags.contains(.generator), code.instructions.first?.op == .returnGenerator, where_)
        XCTAssertFalse(code.instructions.dropFirst().contains { $0.op == .returnGenerator }, where_)
        for c in code.consts {
            if case let .code(inner) = c { checkInvariants(inner, sample) }
        }
    }

    func testStackSizeIsExact() throws {
        // [NULL, f, a, b, c] is the deepest point.
        let code = try XCTUnwrap(compileOK("f(a, b, c)"))
        XCTAssertEqual(code.stacksize, 5)
        // The with statement's cleanup handler: [exit, self, lasti, prev_exc, lasti2, exc2] + copy 3.
        let w = try XCTUnwrap(compileOK("with a:\n    pass\n"))
        XCTAssertEqual(w.stacksize, 7)
        // Nested comprehension: [list, it0, it1, value].
        let lc = try XCTUnwrap(findCode(try XCTUnwrap(compileOK("[x for y in z for x in y]")), "<listcomp>"))
        XCTAssertEqual(lc.stacksize, 4)
    }

    func testVerifierFindsProblems() {
        func code(_ ins: [Instruction], stacksize: Int, table: [ExceptionTableEntry] = []) -> CodeObject {
            CodeObject(name: "t", qualname: "t", filename: "t", firstLine: 1, flags: [], argcount: 0,
                       posonlyargcount: 0, kwonlyargcount: 0, varnames: [], cellvars: [], cell2arg: [],
                       freevars: [], names: [], consts: [.none], instructions: ins,
                       positions: ins.map { _ in SourceSpan(line: 1, column: 0, endLine: 1, endColumn: 1) },
                       exceptionTable: table, stacksize: stacksize, docstring: nil)
        }
        XCTAssertEqual(verifyStack(code([Instruction(.loadConst), Instruction(.returnValue)], stacksize: 1)), [])
        XCTAssertFalse(verifyStack(code([Instruction(.popTop), Instruction(.loadConst), Instruction(.returnValue)], stacksize: 1)).isEmpty)
        XCTAssertFalse(verifyStack(code([Instruction(.loadConst), Instruction(.loadConst), Instruction(.returnValue)], stacksize: 1)).isEmpty)
        XCTAssertFalse(verifyStack(code([Instruction(.loadConst), Instruction(.popTop)], stacksize: 1)).isEmpty)
        XCTAssertFalse(verifyStack(code([Instruction(.jump, 7)], stacksize: 1)).isEmpty)
        // Inconsistent depths at a join point.
        XCTAssertFalse(verifyStack(code([
            Instruction(.loadConst), Instruction(.popJumpIfFalse, 3), Instruction(.loadConst),
            Instruction(.loadConst), Instruction(.returnValue),
        ], stacksize: 2)).isEmpty)
        XCTAssertFalse(verifyStack(code([Instruction(.loadConst), Instruction(.returnValue)], stacksize: 1,
                                        table: [ExceptionTableEntry(start: 0, end: 1, handler: 9, depth: 0, pushLasti: false)])).isEmpty)
    }
}
