# 20,000 loop iterations; the count is per iteration.
import threading
def main():
    lock = threading.Lock()
    n = 0
    for i in range(20000):
        lock.acquire()
        n += 1
        lock.release()
    print(n)
main()
