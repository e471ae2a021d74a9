# Checks raising an exception class without arguments: the last stderr line is just its name.
try:
    raise ValueError
except ValueError as e:
    print('caught', repr(e), repr(str(e)), e.args)
try:
    raise KeyError
except KeyError as e:
    print('caught', repr(e))
print('raising ValueError with no message')
raise ValueError
