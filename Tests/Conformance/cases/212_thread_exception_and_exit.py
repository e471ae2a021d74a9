# An exception in a thread is reported on stderr and the others go on; at exit non-daemon threads are joined, daemon ones are not.
import threading, time
def bad():
    raise ValueError("boom")
t = threading.Thread(target=bad, name="badthread")
t.start(); t.join()
print("main goes on", t.is_alive())
def slow():
    time.sleep(0.2)
    print("non-daemon finished")
def forever():
    time.sleep(100)
threading.Thread(target=slow).start()
threading.Thread(target=forever, daemon=True).start()
print("main ends")
