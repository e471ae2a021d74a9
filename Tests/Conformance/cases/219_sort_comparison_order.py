# sorted() and list.sort() share one implementation: the order in which keys are made and compared
# (visible through a key function that prints, and through which operands a failing `<` names),
# stability with reverse=True, and the native paths for int, str and tuple keys.
for data in ([3, "a", 1], ["b", 2], [1, 2, "x", 0.5], [5, 4, 3, 2, 1, None]):
    for rev in (False, True):
        try:
            print(sorted(data, reverse=rev))
        except TypeError as e:
            print("sorted TypeError:", e)
        try:
            copy = list(data)
            copy.sort(reverse=rev)
            print(copy)
        except TypeError as e:
            print("sort TypeError:", e)


def noisy(x):
    print("key", x)
    return x % 3


print(sorted([5, 1, 4, 2, 3], key=noisy, reverse=True))
xs = [5, 1, 4, 2, 3]
xs.sort(key=noisy)
print(xs)
print(sorted([(1, "b"), (1, "a"), (0, "z")], key=lambda t: t[0], reverse=True))
print(sorted(["b", "A", "a", "B"], key=str.lower, reverse=True))
print(sorted([3, 1, 2], key=lambda x: -x))
words = ["pear", "fig", "apple", "kiwi", "date", "plum"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)), sorted(words, key=lambda w: w[-1]))
print(sorted(range(40), key=lambda i: (i * 7) % 10)[:12])
