# itertools' combinatoric and filtering iterators, groupby's shared source and tee's buffers
import itertools as it
import operator

print(list(it.accumulate([3, 1, 4, 1, 5])), list(it.accumulate([3, 1, 4], operator.mul)))
print(list(it.accumulate([1, 2], initial=100)), list(it.accumulate([], initial=7)), list(it.accumulate([])))
print(list(it.accumulate("abc")), list(it.accumulate([5, 2, 8, 1], max)))

words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for letter, group in it.groupby(words, key=lambda w: w[0]):
    print(letter, list(group))
groups = list(it.groupby("aaabbc"))
print([(k, list(g)) for k, g in groups])
g = it.groupby("xxyy")
k1, g1 = next(g)
print(k1, next(g1))
k2, g2 = next(g)
print(k2, list(g1), list(g2), list(g))
print([k for k, _ in it.groupby([1, 1.0, True, 2, 2.0])])
nan = float("nan")
print(len(list(it.groupby([nan, nan]))), nan in [nan], [nan, 1, nan].count(nan))

print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.starmap(operator.add, [[1, 2]])))
print(list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(it.filterfalse(None, [0, 1, "", "a"])), list(it.filterfalse(lambda x: x % 2, range(7))))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1])), list(it.pairwise("abcd")), list(it.pairwise("a")))
print(list(it.zip_longest("ab", [1, 2, 3], fillvalue="-")), list(it.zip_longest()), list(it.zip_longest([], [])))

print(list(it.product("ab", [0, 1])), list(it.product(range(2), repeat=3))[:3], list(it.product()))
print(list(it.product("ab", [])), len(list(it.product(range(3), range(4), repeat=2))))
print(list(it.permutations("abc")), list(it.permutations(range(4), 2))[:5], list(it.permutations("ab", 3)))
print(list(it.permutations([], 0)), list(it.combinations("abcd", 2)), list(it.combinations("ab", 0)), list(it.combinations("ab", 3)))
print(list(it.combinations_with_replacement("abc", 2)), list(it.combinations_with_replacement("", 0)), list(it.combinations_with_replacement("", 2)))

a, b, c = it.tee(iter(range(5)), 3)
print(next(a), next(a), list(b), next(c), list(a), list(c))
x, = it.tee("hi", 1)
print(list(x), it.tee([1], 0))
y1, y2 = it.tee("pq")
y3, y4 = it.tee(y1)
print(next(y1), list(y3), list(y4), list(y2))

for bad in (lambda: it.product("a", repeat=-1), lambda: it.permutations("a", -1), lambda: it.combinations("a", -2),
            lambda: it.tee("a", -1), lambda: it.combinations("a", 1.5), lambda: list(it.starmap(abs, [1]))):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(type(it.groupby("a")).__name__, type(it.accumulate("a")).__module__)
