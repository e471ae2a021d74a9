# `x in s` with both operands locals or a constant is decided in place, together with the jump that
# follows; every other combination (lists, custom __contains__/__eq__, errors) takes the generic path.

class Box:
    def __init__(self, items):
        self.items = items

    def __contains__(self, x):
        print("  Box.__contains__", x)
        return x in self.items


class Eq:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        return getattr(other, "n", other) == self.n

    def __repr__(self):
        return "Eq(%d)" % self.n


def check(x):
    s = {1, 2, "a", (1, 2)}
    d = {1: "one", "k": 2}
    lst = [1, [2], "a"]
    word = "interleave"
    box = Box([1, 2])
    out = []
    if x in s:
        out.append("s")
    if x not in s:
        out.append("!s")
    if x in d and x not in lst:
        out.append("d-only")
    if x in lst or x in box:
        out.append("lst|box")
    flag = x in d
    out.append(flag)
    if isinstance(x, str):
        out.append(x in word)
        out.append(x not in "aeiou")
        out.append(x in "")
    return out


for x in (1, 2, "a", "k", "e", "", (1, 2), 1.0, True, Eq(2), None, "zz"):
    print(repr(x), check(x))

for bad_item, container in (([1], {1}), ({1: 2}, {1: 2}), (1, "abc"), (None, "abc")):
    try:
        bad_item in container
    except TypeError as e:
        print("TypeError", e)


def unbound():
    if 1 in s:
        pass
    s = set()


try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError", e)

count = 0
vowels = "aeiou"
for ch in "interleave" * 3:
    if ch in vowels:
        count += 1
print(count)
i = 0
seen = set()
while i not in seen:
    seen.add(i)
    i = (i * 3 + 1) % 7
print(sorted(seen), i)
