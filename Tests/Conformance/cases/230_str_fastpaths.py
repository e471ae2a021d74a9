# str fast paths (ASCII byte paths) and their non-ASCII counterparts agree with CPython.

# Equality and ordering are by code point, not canonical equivalence.
a = "\u00e9"
b = "e\u0301"
print(a == b, a != b, a < b, a > b, len(a), len(b))
print(sorted(["b", "a\u0301", "\u00e1", "a", "ab", ""]))
d = {a: 1, b: 2}
print(len(d), d[a], d[b])
print("abc" < "abd", "abc" < "ab", "" < "a", "\u00ff" > "z", "\U0001F600" > "\uffff")
print(["x", "y"] == ["x", "y"], ("caf\u00e9",) == ("cafe\u0301",))

# upper / lower
for s in ["", "a", "Z", "hello World 123!", "\u00df", "stra\u00dfe", "\u03a3\u03b9\u03c3\u03c5\u03c6\u03bf\u03c2",
          "\u0130stanbul", "\ufb01x", "mIxEd-\u00c9T\u00c9", "caf\u00e9", "\U0001F600smile"]:
    print(repr(s.upper()), repr(s.lower()), len(s.upper()), len(s.lower()), s.upper().isascii())

# split / rsplit
for s in ["a:b:c", ":a::b:", "", ":", "abc", "x::y", "caf\u00e9:th\u00e9", "a\u00e9b\u00e9c"]:
    for sep in [":", "::", "\u00e9", "b"]:
        print(repr(s), repr(sep), s.split(sep), s.split(sep, 1), s.rsplit(sep, 1))
for s in ["", "   ", " a b  c ", "one", "\tx\ny\x0bz\x0c\rw\x1c\x1f", "caf\u00e9 \u00e9t\u00e9\u2003x\u00a0y", "  lead", "trail  "]:
    print(repr(s), s.split(), s.split(None, 1), s.split(maxsplit=0), s.rsplit(None, 1))
print("a b".split()[0] is not None, "solo".split() == ["solo"])

# strip
for s in ["", "  ", " x ", "\t\nx y\r\x0b", "x", "\u00a0x\u00a0", "\u2003caf\u00e9 ", "\x1cx\x1f"]:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(None)), repr(s.strip(" x")))

# replace
for s in ["banana", "", "aaa", "abcabc", "caf\u00e9 caf\u00e9", "xyz"]:
    for old, new in [("a", "4"), ("an", ""), ("a", "\u00e9\u00e9"), ("", "-"), ("\u00e9", "e"), ("zz", "y"), ("abc", "abcabc")]:
        print(repr(s), repr(old), repr(new), repr(s.replace(old, new)), repr(s.replace(old, new, 1)),
              repr(s.replace(old, new, 0)), len(s.replace(old, new)))

# find / rfind / count / in
for s in ["hello world", "", "aaaa", "caf\u00e9 \u00e9t\u00e9", "abc"]:
    for sub in ["o", "l", "", "aa", "wor", "\u00e9", "\u00e9t", "xyz", "abcd"]:
        print(repr(s), repr(sub), s.find(sub), s.rfind(sub), s.count(sub), sub in s,
              s.find(sub, 2), s.find(sub, -3), s.count(sub, 1, -1), s.rfind(sub, 0, 5), s.find(sub, 10, 2))

# startswith / endswith
for s in ["hello", "", "caf\u00e9", "h"]:
    for p in ["h", "he", "", "lo", "hello!", "\u00e9", "caf"]:
        print(repr(s), repr(p), s.startswith(p), s.endswith(p), s.startswith(p, 1), s.endswith(p, 0, 3),
              s.startswith(p, 10), s.endswith(p, -2), s.startswith((p, "x")))

# join
print("-".join([]), "-".join(["a"]), "-".join(["a", "b", ""]), ", ".join(["caf\u00e9", "th\u00e9"]),
      "\u00e9".join(["x", "y", "z"]), "".join(["", ""]) == "", len("\u00e9".join(["ab", "cd"])))
try:
    "-".join(["a", 1])
except TypeError as e:
    print("TypeError", e)

# concatenation, repetition, slicing
x = "caf\u00e9" + "-" + "abc"
print(x, len(x), x[2:5], x[::-1], x[3], x[-1], len(x[1:]), (x * 3)[5:9], len(x * 2))
y = "abcdef"
print(y[1:4], y[::2], y[4:1:-1], y[10:], y[:0] == "", y[0:6] is y, len(y[2:]), (y + "\u00e9")[5:].isascii())
print(("ab" * 3).upper(), ("\u00e9" * 3).upper(), len("\u00e9" * 3))
z = "h\u00e9llo w\u00f6rld"
print(z[1:3].isascii(), z[2:5].isascii(), z[2:5], z[2:5] == "llo", z[2:5].upper())

# int() / str() round trips
for t in ["0", "-0", "+7", "123456789012345678", "1234567890123456789", "-999999999999999999", " 42 ",
          "1_000", "007", "\u0661\u0662", "12a", "", "-", "+", "9" * 25]:
    try:
        print(repr(t), int(t))
    except ValueError as e:
        print(repr(t), "ValueError", e)
for t in ["0", "00", "007", "0x1f", "10", "-0", "1_0"]:
    try:
        print(repr(t), int(t, 0))
    except ValueError as e:
        print(repr(t), "ValueError", e)
print(int("ff", 16), int("777", 8), str(-5), str(10**20), str(0))

# f-strings
w = "\u00c9t\u00e9"
for i in [0, 7, -3]:
    line = f"{i}:{w.upper()}:{w.lower()}:{len(w)}"
    print(line, len(line), line.split(":"), line.count("\u00c9"), line.find(":"))
