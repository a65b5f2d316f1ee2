# random.Random subclasses: overriding random() or getrandbits() changes the other methods as CPython's __init_subclass__ arranges, subclasses that only add helpers keep the generator, seeding through __init__, state round trips, and SystemRandom's stateless API
import random

class Scripted(random.Random):
    def __init__(self, values):
        super().__init__(0)
        self.values = list(values)
    def random(self):
        return self.values.pop(0) if self.values else 0.5

class Bits(random.Random):
    def getrandbits(self, k):
        return (2 ** k - 1) // 3

class Counting(random.Random):
    calls = 0
    def random(self):
        Counting.calls += 1
        return super().random()

class Helper(random.Random):
    def coin(self):
        return "heads" if self.random() < 0.5 else "tails"

class Seeded(random.Random):
    def seed(self, a=None, version=2):
        print("seeding with", a)
        super().seed(a)

s = Scripted([0.1, 0.9, 0.25, 0.75, 0.3, 0.6, 0.2])
print(s.random(), s.choice("abcd"), s.uniform(0, 10), s.randrange(10), s.randint(1, 6), s.random(), s.random())
b = Bits(3)
print(b.randrange(100), b.choice(range(50)), b.randint(1, 10), b.random() < 1, b.sample(range(20), 3))
c = Counting(5)
print([round(c.random(), 6) for _ in range(3)], Counting.calls, c.randint(1, 6), c.choice([1, 2, 3]), Counting.calls)
print(c.shuffle(lst := list(range(6))), lst, Counting.calls, round(c.gauss(0, 1), 6), Counting.calls)
h = Helper(7)
print([h.coin() for _ in range(5)], h.randint(1, 100), h.choice("xyz"), random.Random(7).randint(1, 100) == Helper(7).randint(1, 100))
state = h.getstate()
first = [h.random() for _ in range(3)]
h.setstate(state)
print(first == [h.random() for _ in range(3)], vars(Helper(1)))
Seeded(42)
print(isinstance(s, random.Random), [t.__name__ for t in type(s).__mro__], issubclass(random.SystemRandom, random.Random))
sr = random.SystemRandom()
print(0 <= sr.random() < 1, 1 <= sr.randint(1, 6) <= 6, sr.seed(3), type(sr).__name__)
for call in (sr.getstate, lambda: sr.setstate(None)):
    try:
        call()
    except NotImplementedError as e:
        print("NotImplementedError:", e)
print(random.Random(1).getrandbits(70), random.Random("seed").random(), Helper("seed").random())
