# A function's global names follow every change of the module's namespace between calls: shadowing a builtin and unshadowing it, deleting names defined before it, rebinding with `global`, and a name defined late.
import asyncio

first = 1
second = 2
third = 3


def read_third():
    return third


def use_len():
    return len("abcd")


def read_later():
    return later


def set_third(value):
    global third
    third = value


def drop_third():
    global third
    del third


for _ in range(3):
    print(read_third(), use_len())

len = lambda text: "shadowed " + text
print(read_third(), use_len())
del first
print(read_third(), use_len())
del len
print(read_third(), use_len())
set_third(30)
print(read_third())
del second
set_third(300)
print(read_third())

try:
    read_later()
except NameError as e:
    print("NameError:", e)
later = "now defined"
print(read_later())


async def main():
    total = 0
    for i in range(5):
        total += third + i
        await asyncio.sleep(0)
    print(total)


asyncio.run(main())
drop_third()
try:
    read_third()
except NameError as e:
    print("NameError:", e)
third = "back"
print(read_third())
