# Thread API: constructor arguments, names, start twice, join errors, subclassing, current/main thread, join timeout, daemon.
import threading, time
# Thread constructor args, names, daemon
def f(a, b=0, *, c=1):
    print("f", a, b, c, threading.current_thread().name)
t = threading.Thread(None, f, "named", (1,), {"b": 2, "c": 3}, daemon=True)
print(t.name, t.daemon, t.ident, t.native_id, t.is_alive())
print(repr(t).split(" ")[0])
t.start()
t.join()
print(t.is_alive(), t.ident is not None, t.native_id is not None, isinstance(t.ident, int))
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
t2 = threading.Thread(target=f, args=(5,))
print(t2.name.startswith("Thread-"), t2.name.endswith("(f)"), t2.daemon)
t2.run()
try:
    t2.join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
class T(threading.Thread):
    def __init__(self, n):
        super().__init__(name="sub-%d" % n)
        self.n = n
        self.result = None
    def run(self):
        self.result = self.n * 2
ts = [T(i) for i in range(3)]
for x in ts: x.start()
for x in ts: x.join()
print([x.result for x in ts], [x.name for x in ts])
print(threading.current_thread() is threading.main_thread(), threading.main_thread().name)
print(threading.active_count(), len(threading.enumerate()))
print(threading.get_ident() == threading.current_thread().ident)
print(threading.get_native_id() == threading.main_thread().native_id)
# join timeout
ev = threading.Event()
t3 = threading.Thread(target=ev.wait)
t3.start()
t3.join(timeout=0.05)
print("alive after timeout", t3.is_alive(), threading.active_count())
ev.set(); t3.join()
print("alive after set", t3.is_alive())
t4 = threading.Thread(target=lambda: None)
try:
    t4.join()
except RuntimeError as e:
    print("RuntimeError:", e)
t4.daemon = True
print(t4.daemon, t4.isDaemon(), t4.getName() == t4.name)
t4.start(); t4.join()
try:
    t4.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)
