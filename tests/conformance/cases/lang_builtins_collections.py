# sorted/min/max/sum/zip/enumerate and dict/set/list operations
scores = {"ann": 82, "bob": 95, "cat": 78}
print(sorted(scores), sorted(scores.values(), reverse=True))
print(max(scores, key=scores.get), min(scores.values()), sum(scores.values()))
print(sorted(scores.items(), key=lambda kv: kv[1]))
for i, (name, score) in enumerate(sorted(scores.items()), start=1):
    print(i, name, score)
print(list(zip("abc", [1, 2, 3], (True, False, None))))
print(dict(zip(["x", "y"], [10, 20])), {k: v * 2 for k, v in scores.items() if v > 80})
evens = {n for n in range(10) if n % 2 == 0}
print(sorted(evens | {1, 3}), sorted(evens & {2, 3, 4}), sorted(evens - {0, 2}), 4 in evens)
items = [5, 3, 8, 1]
items.append(7)
items.sort()
print(items, items[::-1], items[1:3], len(items), items.index(8))
merged = {**scores, "dan": 60}
merged.pop("ann")
print(merged, list(merged.keys()), merged.get("zed", "none"))
print(any(v > 90 for v in scores.values()), all(v > 90 for v in scores.values()))
print(list(map(str, range(3))), list(filter(None, [0, 1, "", "a"])), list(reversed("abc")))
print(divmod(17, 5), abs(-3), round(2.675, 2), round(0.5), round(1.5), 7 // 2, -7 // 2, 2 ** 10)
