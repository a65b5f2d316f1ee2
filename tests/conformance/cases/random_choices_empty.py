# random.choices from an empty population: k=0 gives [], any pick raises the population's own IndexError
import random

random.seed(3)
print(random.choices([], k=0))
for population in ([], (), range(-1), ""):
    try:
        random.choices(population, k=2)
    except IndexError as e:
        print(type(population).__name__, "IndexError:", e)
for kw in ({"weights": []}, {"cum_weights": []}):
    try:
        random.choices([], k=1, **kw)
    except (IndexError, ValueError) as e:
        print(kw, type(e).__name__ + ":", e)
print(random.choices("ab", k=4))
