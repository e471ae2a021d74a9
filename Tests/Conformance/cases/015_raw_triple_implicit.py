# Checks raw strings, triple-quoted strings and implicit concatenation.
r = r'C:\new\table\x41'
print(r)
print(len(r))
print(repr(r))
print(r'\n' == '\\n')
t = """first line
second 'line'
  third "line\""""
print(t)
print(t.count('\n'))
u = '''a
b'''
print(repr(u))
c = 'abc' 'def' "ghi"
print(c)
msg = ("hello, "
       "world")
print(msg)
print(R'raw\t' + 'cooked\t|')
empty = """"""
print(repr(empty), len(empty))
