# Methods of builtin types called through the type: receivers of the right type, of a wrong type,
# and none at all (CPython's wording for each).
calls = [
    lambda: str.upper("abc"), lambda: str.split("a b"), lambda: str.strip("  x "),
    lambda: list.append([], 1), lambda: dict.get({"k": 1}, "k"), lambda: set.add(set(), 2),
    lambda: str.upper(), lambda: str.split(), lambda: list.append(), lambda: dict.get(),
    lambda: set.add(), lambda: list.pop(), lambda: dict.setdefault(),
    lambda: str.upper(5), lambda: list.append((), 1), lambda: dict.get([], 1), lambda: set.add([], 1),
    lambda: list.__repr__(), lambda: str.replace("aXa", "X", "-"),
]
for c in calls:
    try:
        print(repr(c()))
    except TypeError as e:
        print("TypeError:", e)
