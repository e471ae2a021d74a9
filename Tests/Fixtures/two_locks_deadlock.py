import threading
lock_a = threading.Lock()
lock_b = threading.Lock()
both = threading.Barrier(2)

def first():
    with lock_a:
        both.wait()
        with lock_b:
            print("first got both")

def second():
    with lock_b:
        both.wait()
        with lock_a:
            print("second got both")

t1 = threading.Thread(target=first)
t2 = threading.Thread(target=second)
t1.start(); t2.start()
t1.join(); t2.join()
