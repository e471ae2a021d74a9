# Checks an uncaught exception raised several frames deep after plenty of output.
class Machine:
    def __init__(self):
        self.steps = 0
    def step(self):
        self.steps += 1
        print('step', self.steps)
        if self.steps == 4:
            self.fail()
    def fail(self):
        raise RuntimeError(f'machine halted at step {self.steps}')
m = Machine()
def run(machine):
    while True:
        machine.step()
run(m)
