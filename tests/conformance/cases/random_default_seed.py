# the random module starts from the default seed 0: these values are fixed
import random

print(random.randint(1, 100), random.randint(10, 30), random.randint(40, 50))
print(random.random())
print(random.choice(["red", "green", "blue", "yellow"]))
cards = list(range(10))
random.shuffle(cards)
print(cards)
print(random.sample(range(100), 5))
print(random.uniform(1, 5))
print(random.gauss(0, 1))
print(random.randrange(0, 100, 7), random.getrandbits(16))
