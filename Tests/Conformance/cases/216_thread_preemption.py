# Threads that never block are still switched: a waiting thread gets the GIL within about the switch
# interval (5 ms), also when the running thread's loop is a `while` (its back-edge is a conditional
# jump) and after the GIL has changed hands once (the dropping thread must hear of the hand-over).
import threading
import time

stop = False
spins = 0

def spin():
    global spins
    while not stop:          # no call, no sleep: only the loop's back-edge is a safe point
        spins += 1

t = threading.Thread(target=spin)
t.start()
t0 = time.perf_counter()
while spins == 0:            # until the spinner has really run: with a GIL, it had to get it first,
    pass                     # and main had to get it back (without one, nothing else ensures it ran)
total = 0
for i in range(1000):        # the main thread needs the GIL back for this
    total += i
stop = True
t.join()
print("main got the GIL back while a while-loop spun:", total, spins > 0, time.perf_counter() - t0 < 5)

timeline = []

def work(letter):
    end = time.perf_counter() + 0.3
    while time.perf_counter() < end:
        for _ in range(1000):
            pass
        timeline.append(letter)

threads = [threading.Thread(target=work, args=(c,)) for c in "AB"]
for th in threads:
    th.start()
for th in threads:
    th.join()
switches = sum(1 for i in range(1, len(timeline)) if timeline[i] != timeline[i - 1])
print("both threads ran:", timeline.count("A") > 0 and timeline.count("B") > 0)
print("the GIL changed hands many times in 0.3 s:", switches >= 8)
