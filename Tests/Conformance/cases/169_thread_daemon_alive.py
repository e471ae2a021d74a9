# Checks daemon flag, is_alive before/after, and join with threads that wait on each other.
import threading
import time
gate = threading.Lock()
def short():
    time.sleep(0.01)
def blocked():
    with gate:
        pass
gate.acquire()
t = threading.Thread(target=blocked, name='blocked', daemon=True)
print(t.daemon, t.is_alive())
t.start()
print(t.is_alive())
gate.release()
t.join()
print(t.is_alive())
t2 = threading.Thread(target=short, name='nodaemon')
print(t2.daemon)
t2.daemon = True
print(t2.daemon)
t2.start()
t2.join()
print(threading.current_thread().daemon)
order = []
def first():
    order.append('first')
def second(prev):
    prev.join()
    order.append('second')
a = threading.Thread(target=first, name='a')
b = threading.Thread(target=second, args=(a,), name='b')
a.start()
b.start()
b.join()
print(order)
try:
    a.start()
except RuntimeError as e:
    print(type(e).__name__, e)
print(a.is_alive(), b.is_alive())
