# Checks sys.exit("msg"): exit status 1 and the message printed to stderr.
import sys
def main():
    print('checking configuration')
    try:
        sys.exit('fatal: bad configuration')
    except Exception:
        print('SystemExit is not an Exception subclass, not printed')
main()
print('never printed')
