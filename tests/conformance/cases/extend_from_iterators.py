# list.extend/+=, set.update and dict.update add an iterable's items as they come (the iterable sees the container grow; an error midway keeps what came before); bytearray.extend lets the iteration's own errors through
import collections
def run(name, f):
    try:
        r = f()
        print(name, "->", r)
    except BaseException as e:
        print(name, type(e).__name__, str(e)[:80])
def ext():
    l = [1, 2]
    def g():
        for x in l:
            if len(l) > 6: return
            yield x
    l.extend(g())
    return l
run("list.extend gen over self (bounded)", ext)
def iadd():
    l = [1, 2]
    def g():
        for x in l:
            if len(l) > 6: return
            yield x
    l += g()
    return l
run("list += gen", iadd)
def ext_side():
    l = [1]
    seen = []
    def g():
        for i in range(3):
            seen.append(len(l))
            yield i
    l.extend(g())
    return l, seen
run("extend sees appends", ext_side)
def dupd():
    d = {1: 1}
    d.update((k + 1, v) for k, v in d.items())
    return d
run("dict.update gen over self", dupd)
def supd():
    s = {1}
    s.update(x + 1 for x in s)
    return s
run("set.update gen over self", supd)
def dqe():
    d = collections.deque([1, 2])
    d.extend(x for x in d)
    return d
run("deque.extend gen over self", dqe)
def ins():
    l = [1, 2, 3]
    def g():
        for x in range(3):
            yield len(l)
    l[1:2] = g()
    return l
run("slice assign gen", ins)
def lst():
    l = [1, 2]
    def g():
        for x in l:
            if len(l) > 6: return
            l.append(0)
            yield x
    return list(g())
run("list(gen appending)", lst)
def bae():
    b = bytearray(b'ab')
    def g():
        for x in b:
            if len(b) > 6: return
            yield x
    b.extend(g())
    return b
run("bytearray.extend", bae)
def sortedgen():
    l = [3, 1]
    def g():
        for x in l:
            if len(l) > 6: return
            l.append(0)
            yield x
    return sorted(g())
run("sorted(gen)", sortedgen)
def joingen():
    l = ['a']
    def g():
        for x in l:
            if len(l) > 4: return
            l.append('b')
            yield x
    return ''.join(g())
run("join", joingen)
def dqe2():
    d = collections.deque([1, 2])
    def g():
        for i in range(3):
            yield len(d)
    d.extend(g())
    return d
run("deque.extend sees appends", dqe2)
def setgen():
    s = set()
    def g():
        for i in range(3):
            yield len(s)
    s.update(g())
    return s
run("set.update sees adds", setgen)
def dictgen():
    d = {}
    def g():
        for i in range(3):
            yield (i, len(d))
    d.update(g())
    return d
run("dict.update sees", dictgen)
def dictcons():
    d = {}
    def g():
        for i in range(3):
            yield (i, len(d))
    return dict(g())
run("dict(gen)", dictcons)
def ext_exc():
    l = [0]
    def g():
        yield 1
        yield 2
        raise ValueError("midway")
    try:
        l.extend(g())
    except ValueError:
        pass
    return l
run("extend partial on error", ext_exc)
def set_exc():
    s = {0}
    def g():
        yield 1
        raise ValueError
    try: s.update(g())
    except ValueError: pass
    return s
run("set.update partial", set_exc)
def dict_exc():
    d = {}
    def g():
        yield (1, 1)
        raise ValueError
    try: d.update(g())
    except ValueError: pass
    return d
run("dict.update partial", dict_exc)
def dq_exc():
    d = collections.deque()
    def g():
        yield 1
        raise ValueError
    try: d.extend(g())
    except ValueError: pass
    return d
run("deque.extend partial", dq_exc)
def ba_exc():
    b = bytearray()
    def g():
        yield 1
        raise ValueError
    try: b.extend(g())
    except ValueError: pass
    return b
run("bytearray.extend partial", ba_exc)
def selves():
    l = [1, 2]; l.extend(l); l += l
    s = {1, 2}; s.update(s, [3], {4: 0}, "ab")
    d = {1: 2}; d.update(d); d.update([(3, 4)], x=5)
    b = bytearray(b"ab"); b.extend(b); b.extend(x for x in b"cd")
    return l, sorted(map(str, s)), d, b
run("selves", selves)
run("bytearray.extend(5)", lambda: bytearray().extend(5))
run("bytearray.extend(['a'])", lambda: bytearray().extend(['a']))
run("bytearray.extend([300])", lambda: bytearray().extend([300]))
run("set.update(5)", lambda: set().update(5))
run("list.extend(5)", lambda: [].extend(5))
run("dict.update(5)", lambda: {}.update(5))
