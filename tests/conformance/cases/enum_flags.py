# enum.Flag and IntFlag: auto powers of two, composite members and their
# reprs/str, membership, iteration over a value, ~, empty flags, a Flag's
# strict boundary error, and IntFlag mixing with ints.
import asyncio
from enum import Flag, IntFlag, auto


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXECUTE = auto()
    ALL = READ | WRITE | EXECUTE


class Mode(IntFlag):
    APPEND = 1
    CREATE = 2
    TRUNCATE = 4


async def check(user, wanted, grants):
    await asyncio.sleep(0.1 * len(user))
    have = grants.get(user, Perm(0))
    print(user, have, wanted in have, bool(have & wanted), have & wanted)


async def main():
    grants = {"ann": Perm.READ | Perm.WRITE, "bo": Perm.ALL, "cy": Perm.EXECUTE}
    await asyncio.gather(*(check(user, Perm.WRITE, grants) for user in ["ann", "bo", "cy", "dee"]))
    rw = Perm.READ | Perm.WRITE
    print(rw, repr(rw), list(rw), len(rw), list(Perm), Perm.ALL, repr(Perm.ALL))
    print(~Perm.READ, ~Perm.ALL, repr(~Perm.ALL), Perm(0), repr(Perm(0)), bool(Perm(0)), Perm(5))
    print(Perm.READ in rw, Perm.EXECUTE in rw, rw ^ Perm.ALL, Perm.READ.value, Perm(3) is rw, Perm)
    m = Mode.APPEND | Mode.CREATE
    print(m, repr(m), m == 3, m | 8, repr(m | 8), repr(Mode(0)), Mode.TRUNCATE + 1, ~Mode.APPEND)
    print(repr(~Mode.APPEND), Mode.CREATE in m, list(m), f"{m}", str(Mode.APPEND), repr(Mode(16)))
    try:
        Perm(8)
    except ValueError as exc:
        print("ValueError", exc)


asyncio.run(main())
