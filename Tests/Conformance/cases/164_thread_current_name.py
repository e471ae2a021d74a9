# Checks threading.current_thread().name in the main thread and in explicitly named threads.
import threading
print(threading.current_thread().name)
main = threading.current_thread()
print(main.name == 'MainThread')
seen = []
def report():
    seen.append(threading.current_thread().name)
t = threading.Thread(target=report, name='Reporter')
t.start()
t.join()
print(seen)
for name in ['alpha', 'beta']:
    t = threading.Thread(target=report, name=name)
    t.start()
    t.join()
print(seen)
def check_not_main():
    seen.append(threading.current_thread() is main)
t = threading.Thread(target=check_not_main, name='checker')
t.start()
t.join()
print(seen[-1])
t = threading.Thread(target=report, name='renamed')
t.start()
t.join()
print(seen[-1], t.name)
