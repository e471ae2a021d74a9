# f-string pieces that are already strs or plain ints are formatted in place; join and BUILD_STRING read
# their pieces in place. Every other value, conversion and spec takes the general path.
x = 5; s = "ab"; b = True; f = 1.5; n = None; big = 2**70
print(f"{x}|{s}|{b}|{f}|{n}|{big}|{-7}|{0}|{x!r}|{s!r}|{x:>4}|{s:^6}|{big:x}|{'é'}{s}")
print("-".join(["a", "b", "é"]), "".join([]), ",".join(["x"]), "ab".join("123"))
try:
    ",".join(["a", 1])
except TypeError as e:
    print(e)
try:
    ",".join([b"a"])
except TypeError as e:
    print(e)
