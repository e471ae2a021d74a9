# Checks any/all on lists, generators, empties and short-circuiting.
print(any([0, 0, 1]), any([0, '', None]), any([]))
print(all([1, 'a', [0]]), all([1, 0]), all([]))
print(all(x > 0 for x in [1, 2, 3]), any(x > 2 for x in [1, 2, 3]))
def check(x):
    print('check', x)
    return x > 1
print(any(check(x) for x in [1, 2, 3]))
print(all(check(x) for x in [2, 1, 3]))
print(any('abc'), all(''), all(['']))
print(any({0: 'a'}), any({1: 'a'}))
nums = [3, 6, 9]
print(all(n % 3 == 0 for n in nums) and not any(n % 2 == 1 and n > 9 for n in nums))
