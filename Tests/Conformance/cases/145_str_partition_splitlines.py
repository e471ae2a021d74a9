# Checks partition, rpartition and splitlines (with and without keepends).
print('key=value=more'.partition('='))
print('key=value=more'.rpartition('='))
print('no separator'.partition('='))
print('no separator'.rpartition('='))
print('a.b'.partition('.'), '.start'.partition('.'))
text = 'line one\nline two\r\nline three\n\nlast'
print(text.splitlines())
print(text.splitlines(True))
print(''.splitlines(), 'single'.splitlines(), 'trail\n'.splitlines())
print('a\n\nb\n'.split('\n'))
host, _, port = 'localhost:8080'.partition(':')
print(host, int(port) + 1)
for line in 'x=1\ny=2\nz'.splitlines():
    k, sep, v = line.partition('=')
    print(repr(k), repr(sep), repr(v))
