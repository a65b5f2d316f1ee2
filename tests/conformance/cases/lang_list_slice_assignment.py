# del, assignment and reads of list slices with positive, negative and extended steps
items = list(range(10))
del items[::3]
print(items)
items = list(range(10))
del items[::-3]
print(items)
items = list(range(10))
del items[8:1:-2]
print(items)
items = list(range(10))
del items[2:5]
print(items)
items = list(range(10))
del items[5:2]
print(items)
items = list(range(10))
items[1:3] = ["a", "b", "c"]
print(items)
items = list(range(10))
items[::-4] = ["x", "y", "z"]
print(items)
print(list(range(10))[::-3], list(range(10))[7:2:-2], list(range(10))[-3:])
try:
    items[::2] = [1]
except ValueError as error:
    print("ValueError:", error)
