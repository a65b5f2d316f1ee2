# sched: a scheduler on the virtual clock (time.monotonic and time.sleep), events ordered by time then priority, enterabs, cancel, run(blocking=False), the queue and its errors
import sched
import time

log = []


def show(name):
    print(name, "at", time.monotonic())


s = sched.scheduler(time.monotonic, time.sleep)
first = s.enter(2, 1, show, ("a",))
s.enter(1, 1, show, argument=("b",))
s.enterabs(5, 2, show, kwargs={"name": "c"})
s.enter(1, 0, show, ("d",))
print([(e.time, e.priority, e.argument, e.kwargs) for e in s.queue])
print(s.empty())
s.cancel(first)
s.run()
print(s.empty(), time.monotonic())
s2 = sched.scheduler()
s2.enter(0.5, 1, show, ("x",))
s2.enter(1.5, 1, show, ("y",))
print(s2.run(blocking=False))
time.sleep(0.75)
print(s2.run(blocking=False))
s2.run()
try:
    s2.cancel(first)
except ValueError as e:
    print("ValueError", e)
e = sched.Event(1, 2, 3, show, (), {})
print(e < sched.Event(1, 3, 0, show, (), {}), e.time, e.sequence)
