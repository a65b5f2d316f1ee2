# the collector runs by itself: self-referencing lists made in a loop never pile up
import gc

print(gc.isenabled(), gc.get_threshold())
gc.collect()
for i in range(20000):
    l = [0] * 100
    l.append(l)
del l
print("left for gc.collect:", gc.collect() < 1000)
gc.disable()
for i in range(3000):
    l = [0] * 10
    l.append(l)
del l
print("disabled, all left:", gc.collect() >= 3000)
