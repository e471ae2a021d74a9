# Checks Lock.acquire return values, non-blocking acquire when held, locked(), and release errors.
import threading
lock = threading.Lock()
print(lock.locked())
print(lock.acquire())
print(lock.locked())
print(lock.acquire(blocking=False))
print(lock.acquire(False))
result = []
def try_take():
    result.append(lock.acquire(blocking=False))
t = threading.Thread(target=try_take, name='taker')
t.start()
t.join()
print(result)
lock.release()
print(lock.locked())
print(lock.acquire(blocking=False))
lock.release()
with lock:
    print('inside with, locked =', lock.locked())
print('after with, locked =', lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print(type(e).__name__, e)
print(lock.acquire(), lock.acquire(blocking=False), lock.locked())
lock.release()
print(lock.locked())
