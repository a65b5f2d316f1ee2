# enum: Enum with aliases, lookup by name and value, iteration, len, in,
# __members__, auto, methods and properties on members, a tuple-valued
# member with __init__, IntEnum/StrEnum/str mixins (str, format, arithmetic),
# unique, the functional API, and the errors, as 3.11 prints them.
import asyncio
from enum import Enum, IntEnum, StrEnum, auto, unique


class State(Enum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FINISHED = "done"

    @property
    def active(self):
        return self is State.RUNNING

    @classmethod
    def parse(cls, text):
        return cls(text.lower())


class Priority(IntEnum):
    LOW = auto()
    NORMAL = auto()
    HIGH = 10
    URGENT = auto()


class Channel(StrEnum):
    EMAIL = auto()
    SMS = auto()


class Unit(str, Enum):
    SECONDS = "s"
    MINUTES = "min"


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


async def job(name, priority, states):
    states[name] = State.RUNNING
    await asyncio.sleep(1 / priority)
    states[name] = State.DONE
    return name, priority


async def main():
    states = {}
    finished = await asyncio.gather(job("a", Priority.NORMAL, states), job("b", Priority.URGENT, states))
    print(finished, states)
    print(State.DONE, repr(State.DONE), State["RUNNING"], State("pending"), State.FINISHED is State.DONE)
    print(list(State), len(State), State.__members__, State.DONE in State)
    print(State.DONE.name, State.DONE.value, State.RUNNING.active, State.parse("PENDING"), type(State.DONE))
    print(f"{State.DONE}", str(State.DONE), "%s" % State.DONE, State.DONE == "done", hash(State.DONE) == hash("DONE"))
    print(State, type(State), State.__name__, isinstance(State.DONE, State), {State.PENDING: 1}[State.PENDING])
    print(list(Priority), Priority.URGENT.value, Priority.LOW < Priority.HIGH, Priority.HIGH + 1, Priority(2))
    print(str(Priority.HIGH), f"{Priority.HIGH}", f"{Priority.HIGH:>5}", "%d" % Priority.URGENT, sorted(Priority, reverse=True))
    print(Priority.LOW == 1, int(Priority.NORMAL), max(Priority), [p.name for p in reversed(Priority)])
    print(Channel.SMS, repr(Channel.EMAIL), f"{Channel.EMAIL}", Channel.SMS == "sms", Channel("email"))
    print(Unit.MINUTES, repr(Unit.SECONDS), f"{Unit.SECONDS}", Unit.SECONDS == "s", Unit("min"))
    print(Planet.EARTH, Planet.EARTH.value, Planet.EARTH.mass, Planet.MERCURY.radius)
    Animal = Enum("Animal", "ANT BEE CAT")
    Grade = Enum("Grade", [("PASS", 1), ("FAIL", 0)])
    print(list(Animal), Animal.CAT.value, Grade(0), Grade.PASS)

    def declare_duplicate_unique():
        @unique
        class Dup(Enum):
            ONE = 1
            UNO = 1

    def declare_reused_key():
        class Twice(Enum):
            A = 1
            A = 2

    def extend_with_members():
        class More(State):
            EXTRA = "x"

    attempts = [
        lambda: State("lost"),
        lambda: State["LOST"],
        lambda: setattr(State, "DONE", 5),
        lambda: setattr(State.DONE, "value", "x"),
        lambda: State.DONE < State.PENDING,
        lambda: Priority(7),
        declare_duplicate_unique,
        declare_reused_key,
        extend_with_members,
    ]
    for attempt in attempts:
        try:
            print("no error:", attempt())
        except Exception as exc:
            print(type(exc).__name__, exc)


asyncio.run(main())
