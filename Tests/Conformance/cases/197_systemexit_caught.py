# Checks catching SystemExit, reading .code, and sys.exit(0)/sys.exit() ending normally.
import sys
for arg in [5, 'message', None]:
    try:
        if arg is None:
            sys.exit()
        sys.exit(arg)
    except SystemExit as e:
        print('caught SystemExit, code =', repr(e.code))
print(issubclass(SystemExit, BaseException), issubclass(SystemExit, Exception))
try:
    raise SystemExit(7)
except BaseException as e:
    print(type(e).__name__, e.code)
print('exiting with 0')
sys.exit(0)
print('never printed')
