# random.seed(n) inside the program restarts the sequence; the same seed gives the same values
import random

random.seed(42)
first = [random.randint(0, 10) for _ in range(5)]
random.seed(42)
second = [random.randint(0, 10) for _ in range(5)]
print(first, first == second)
random.seed(100)
print(random.random(), random.choice("abcdef"))
random.seed(-7)
print(random.randint(1, 6))
