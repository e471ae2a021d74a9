# Checks find/rfind/index/count and startswith/endswith (with tuples).
s = 'hello world, hello python'
print(s.find('hello'), s.find('hello', 1), s.find('xyz'), s.rfind('hello'), s.rfind('xyz'))
print(s.find('o'), s.rfind('o'), s.find('o', 5, 8), s.find(''))
print(s.index('world'), s.index('o', 5))
try:
    s.index('java')
except ValueError as e:
    print(type(e).__name__, e)
print(s.count('hello'), s.count('o'), s.count('l'), s.count('zz'), 'aaaa'.count('aa'))
print(s.startswith('hello'), s.startswith('world'), s.startswith('world', 6))
print(s.endswith('python'), s.endswith(('java', 'python')), s.startswith(('x', 'y')))
print('file.py'.endswith(('.py', '.txt')), 'file.md'.endswith(('.py', '.txt')))
print('abc'.count(''), 'hello'.find('l', -2))
print('banana'.find('na', 3), 'banana'.rfind('na', 0, 4))
