# Checks sys.exit(n) with an int: exit status n, output before it is kept, finally blocks run.
import sys
def shutdown(code):
    print('shutting down with', code)
    sys.exit(code)
print('before exit')
try:
    shutdown(2)
finally:
    print('finally runs during exit')
print('never printed')
