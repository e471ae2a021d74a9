# Thousands of threads at once (each blocked on an Event), then all joined.
import threading
stop = threading.Event()
threads = []
for i in range(3000):
    t = threading.Thread(target=stop.wait, daemon=True)
    t.start()
    threads.append(t)
print("started", len(threads), threading.active_count())
stop.set()
for t in threads:
    t.join()
print("joined", threading.active_count(), any(t.is_alive() for t in threads))
