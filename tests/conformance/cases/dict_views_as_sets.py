# dict keys/items views as sets: &, |, -, ^ with sets, lists and other views on either side (answering sets), comparisons with sets and views, isdisjoint, mapping, and the errors naming dict_keys/dict_values
a = {1: "one", 2: "two", 3: "three"}
b = {2: "deux", 4: "quatre"}
print(a.keys() & b.keys(), a.keys() | b.keys(), a.keys() - b, a.keys() ^ b.keys())
print(a.keys() & [3, 9], [9, 1] | a.keys(), {1, 5} - a.keys(), (5, 3) ^ a.keys())
print(frozenset({7}) | a.keys(), type(frozenset({7}) | a.keys()).__name__, type(a.keys() & b.keys()).__name__)
print(a.items() & {(1, "one"), (2, "zwei")}, sorted(a.items() - {(1, "one")}), sorted(a.items() | b.items()))
view = a.keys()
view |= {8}
print(view, type(view).__name__)
for left, right in [(a.keys(), {1, 2, 3}), (a.keys(), {1, 2, 3, 4}), (a.keys(), {1}), (a.keys(), b.keys()), ({1, 2, 3}, a.keys()),
                    (a.keys(), a.keys()), (a.items(), {(1, "one"), (2, "two"), (3, "three")}), (frozenset({1}), a.keys())]:
    print(left == right, left != right, left < right, left <= right, left > right, left >= right)
print(a.keys() == [1, 2, 3], a.values() == a.values(), a.keys().isdisjoint(b), a.keys().isdisjoint([5, 6]), a.items().isdisjoint([(1, "one")]))
print(a.keys().mapping, a.items().mapping[2], type(a.values().mapping).__name__)
for expr in ["a.values() | {1}", "a.keys() | 1", "a.keys() < [1]", "a.values() & a.values()", "a.keys() + b.keys()", "a.keys().isdisjoint(3)"]:
    try:
        print(eval(expr))
    except TypeError as e:
        print("TypeError:", e)
words = {"alpha": 1, "beta": 2, "gamma": 3}
print(sorted(words.keys() - {"beta"}), sorted(words.keys() & {"gamma", "delta"}), len(words.keys() | {"delta"}))
