# Strings of up to 15 UTF-8 bytes are built in place by the engine; this pins their behaviour around
# the 15-byte boundary, ASCII and not, and str() of ints at the edges of a machine word.

for n in [0, -0, 1, -1, 9, 10, -10, 99, 100, 12345, -98765, 2**31, -2**31, 2**62, 2**63 - 1, -2**63,
          2**63, -2**63 - 1, 10**15 - 1, 10**15, 10**19, -10**19, 10**25]:
    s = str(n)
    print(s, len(s), repr(f"{n}"), f"[{n}]", s == f"{n}", int(s) == n, hash(s) == hash(f"{n}"))

base = "abcdefghijklmnopqrstuvwxyz"
for k in range(0, 21):
    a = base[:k]
    b = "".join(base[i] for i in range(k))
    c = base[:k].upper().lower()
    d = ("x" * k).replace("x", "y").replace("y", "a")[:0] + a
    print(k, a, len(a), a == b == c == d, hash(a) == hash(b) == hash(c), {a: k}.get(b), a + "|" + b)

for word in ["é", "ée", "中文", "a中b", "😀", "é" * 7, "é" * 8, "中" * 5, "中" * 6, "a" * 14 + "é", "a" * 13 + "é"]:
    up = word.upper()
    parts = (word + " " + word).split()
    joined = "-".join([word, word])
    print(repr(word), len(word), len(word.encode()), repr(up), parts, repr(joined), len(joined),
          [ord(ch) for ch in word][:3], word[1:] == word[1:len(word)], word + "" == word)

s = "a\x00b"
t = s + s
print(repr(t), len(t), t.split("\x00"), repr(t.upper()), t.count("\x00"))

ws = "".join(chr(c) for c in [9, 10, 11, 12, 13, 28, 29, 30, 31, 32])
not_ws = "".join(chr(c) for c in [8, 14, 27, 33, 64, 96, 127, 0])
print(repr((ws + "x" + ws + "y").split()), repr(not_ws.split()), len(not_ws.split()[0]))
print(repr((" " + not_ws + ws + "z").split()), repr(ws.strip()), repr(("  " + not_ws + "  ").strip()))
line = "  one two\tthree\nfour  five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen  "
print(line.split(), len(line.split()), line.split(None, 3), line.rsplit(None, 2))
print("a b".split(), "".split(), "   ".split(), " a ".split(), "abc".split())
print([str(i) + "." + str(-i) for i in range(-3, 4)], f"{-7:>5}|{7:<4}|{7:03}|")
