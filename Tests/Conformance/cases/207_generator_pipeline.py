# Checks chained generator pipelines (lazy stages) and generator-based iteration utilities.
def read_lines():
    data = ['# header', 'alpha 3', '', 'beta 10', '# comment', 'gamma 7', 'delta x']
    for line in data:
        print('read', repr(line))
        yield line
def non_comments(lines):
    for line in lines:
        if line and not line.startswith('#'):
            yield line
def parse(lines):
    for line in lines:
        name, _, value = line.partition(' ')
        try:
            yield name, int(value)
        except ValueError:
            print('skip bad value', repr(value))
pipeline = parse(non_comments(read_lines()))
print('pipeline built')
first = next(pipeline)
print('first', first)
rest = list(pipeline)
print('rest', rest)
def window(seq, n):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(window(range(6), 3)))
def running_total(seq):
    total = 0
    for x in seq:
        total += x
        yield total
print(list(running_total([3, 1, 4, 1, 5])))
def unique(seq):
    seen = set()
    for x in seq:
        if x not in seen:
            seen.add(x)
            yield x
print(list(unique('mississippi')))
