# gc.callbacks: gc.collect() calls each callback with 'start' then 'stop' and an info dict (generation, collected, uncollectable), in list order, reading the list as it is
import gc
gc.collect()
events = []
def first(phase, info):
    events.append(("first", phase, dict(info)))
def second(phase, info):
    events.append(("second", phase, info["generation"], info["collected"]))
gc.callbacks.append(first)
gc.callbacks.append(second)
class Node:
    pass
n = Node(); n.me = n
del n
print(gc.collect(1))
for event in events:
    print(event)
events.clear()
gc.callbacks.remove(first)
print(gc.collect())
print(events)
gc.callbacks.clear()
gc.disable()
print(gc.isenabled())
for i in range(100000):
    l = [i]; l.append(l)
print(gc.collect() >= 100000 - 1)
gc.enable()
print(gc.get_threshold(), events)
