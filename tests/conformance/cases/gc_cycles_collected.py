# gc.collect() finds and frees reference cycles through lists, dicts, instances, closures and generators
import gc

gc.disable()
print(gc.isenabled(), gc.get_threshold())
gc.collect()


class Node:
    pass


def self_list():
    l = [1, 2]
    l.append(l)


def list_dict_instance():
    n = Node()
    n.items = [{"owner": n}]


def closure():
    def inner():
        return inner
    return inner


def pair():
    a = Node()
    b = Node()
    a.other = b
    b.other = a


def generator():
    def gen():
        me = yield 1
        yield me
    g = gen()
    next(g)
    g.send(g)


def generator_with_finally():
    def gen():
        try:
            me = yield 1
            yield me
        finally:
            print("  finally ran")
    g = gen()
    next(g)
    g.send([g])


def function_attribute():
    def f():
        pass
    f.me = f
    f.__defaults__ = ([f],)


for make in [self_list, list_dict_instance, closure, pair, generator, generator_with_finally,
             function_attribute]:
    make()
    print(make.__name__, gc.collect())

kept = [1]
kept.append(kept)
print("referenced", gc.collect(), len(kept))
del kept
print("released", gc.collect())

for i in range(5):
    d = {}
    d["me"] = d
del d
print("five dicts", gc.collect())
print("nothing left", gc.collect())
gc.enable()
print(gc.isenabled())
