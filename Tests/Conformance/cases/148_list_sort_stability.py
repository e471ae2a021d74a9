# Checks list.sort with key, reverse, and sort stability for equal keys.
data = [('b', 2), ('a', 2), ('c', 1), ('d', 3), ('e', 1)]
data.sort(key=lambda p: p[1])
print(data)
data.sort(key=lambda p: p[1], reverse=True)
print(data)
nums = [5, -3, 2, -8, 0, 7]
nums.sort()
print(nums)
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
words = ['Banana', 'apple', 'cherry', 'Apple', 'banana']
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
records = [{'name': 'x', 'age': 3}, {'name': 'y', 'age': 1}, {'name': 'z', 'age': 3}]
records.sort(key=lambda r: r['age'])
print([r['name'] for r in records])
multi = [(2, 'b'), (1, 'b'), (2, 'a'), (1, 'a')]
multi.sort(key=lambda t: t[1])
multi.sort(key=lambda t: t[0])
print(multi)
print([3, 1, 2].sort())
big = list(range(20, 0, -1))
big.sort(key=lambda v: v % 3)
print(big)
