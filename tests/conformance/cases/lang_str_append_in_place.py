# s += t and s = s + t build strings; an alias, a container, a constant, a default, a global and a cell keep what they held
import asyncio

GREETING = "hi"


def build_local(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    return s


def alias_mid_loop():
    s = "a"
    kept = []
    for i in range(6):
        if i == 3:
            t = s
        s += "y"
        kept.append(len(s))
    print("alias:", t, s, kept)
    u = s
    s = s + "z"
    print("plus:", u, s, u is s)
    v = s
    s = v + s
    print("doubled:", v, s)


def self_append():
    s = "ab"
    s += s
    s = s + s
    print("self:", s)


def container_holds():
    s = "k"
    box = [s]
    d = {s: 1}
    for _ in range(3):
        s += "!"
    print("containers:", box, d, s)


def default_arg(s="base"):
    s += "-more"
    return s


def build_in_cell():
    s = "c"

    def add(tail):
        nonlocal s
        s += tail
        return s

    first = add("1")
    for ch in "234":
        add(ch)
    print("cell:", first, s)


counter = ""


def bump_global(times):
    global counter
    for i in range(times):
        counter += chr(ord("a") + i)


def other_names():
    s = GREETING
    s += "!"
    print("constant kept:", GREETING, s)
    t = "x"
    t += "y"
    t += "z"
    print("equal and hashable:", t == "xyz", {t: 1}["xyz"], hash(t) == hash("xyz"))


async def task_builder(name, n):
    text = name
    for i in range(n):
        text += str(i)
        await asyncio.sleep(0)
    return text


async def main():
    results = await asyncio.gather(task_builder("p", 4), task_builder("q", 3))
    print("tasks:", results)


s = ""
for i in range(1000):
    s += "ab"
print(len(s), s[:6], s[-4:])
mark = s
s += "!"
print(len(mark), len(s), mark[-2:], s[-3:])
s = s + "?"
print(s[-3:], mark.endswith("ab"))

local = build_local(5000)
print(len(local), local[:12], local[-3:])
alias_mid_loop()
self_append()
container_holds()
print("default:", default_arg(), default_arg(), default_arg("x"))
build_in_cell()
bump_global(5)
snapshot = counter
bump_global(3)
print("global:", snapshot, counter)
other_names()
asyncio.run(main())
