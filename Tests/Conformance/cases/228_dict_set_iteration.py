# Dict and set iterators read their table without its lock while the GIL is held; a size change during
# iteration must still raise, and value updates must be seen.
d = {i: i for i in range(5)}
try:
    for k in d:
        d[k + 10] = 1
except RuntimeError as e:
    print(e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(e)
d2 = {"a": 1, "b": 2}
for k in d2:
    d2[k] = 5
print(d2, sum(d2.values()), list(d2.items()), [k for k in d2.keys()])
