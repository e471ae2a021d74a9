# Checks sorted() with key/reverse, stability, and reversed() on sequences.
nums = [5, 2, 9, 1, 5, 6]
print(sorted(nums), nums)
print(sorted(nums, reverse=True))
words = ['banana', 'Apple', 'cherry', 'date', 'fig']
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted('hello'))
print(sorted({'b': 1, 'a': 2}))
print(sorted({'b': 1, 'a': 2}.items(), key=lambda kv: kv[1]))
people = [('ann', 30), ('bob', 25), ('cy', 30), ('di', 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: -p[1]))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed((1, 2))))
print(''.join(reversed('stressed')))
r = reversed([1, 2])
print(next(r), next(r), next(r, 'end'))
print(sorted([]), sorted([3.5, -1, 2]))
print(sorted([[2, 1], [1, 2], [1]]))
