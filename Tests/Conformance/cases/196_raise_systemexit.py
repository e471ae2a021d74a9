# Checks raise SystemExit(3) ends the program with exit status 3.
def stop():
    raise SystemExit(3)
try:
    stop()
except Exception:
    print('not printed: SystemExit is not an Exception')
finally:
    print('finally before exit')
print('never printed')
