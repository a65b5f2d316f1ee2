# a case can pin its seed with a loopscope comment; here the program runs with seed 7
# loopscope: seed=7
import random

print([random.randint(1, 6) for _ in range(8)])
print(round(random.random(), 6))
