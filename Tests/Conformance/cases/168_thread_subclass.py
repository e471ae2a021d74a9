# Checks subclassing Thread and overriding run(), with results stored on the instance.
import threading
class SumThread(threading.Thread):
    def __init__(self, numbers, name):
        super().__init__(name=name)
        self.numbers = numbers
        self.result = None
    def run(self):
        self.result = sum(self.numbers)
workers = [SumThread(range(i * 10, (i + 1) * 10), 'sum-' + str(i)) for i in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
for w in workers:
    print(w.name, w.result)
print(sum(w.result for w in workers) == sum(range(40)))
class Greeter(threading.Thread):
    def run(self):
        self.message = 'hello from ' + self.name
g = Greeter(name='greeter')
g.start()
g.join()
print(g.message)
class Direct(threading.Thread):
    def run(self):
        self.ran_in = threading.current_thread().name
d = Direct(name='direct')
d.run()
print(d.ran_in)
d.start()
d.join()
print(d.ran_in)
