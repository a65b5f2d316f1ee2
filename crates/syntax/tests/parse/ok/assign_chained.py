a = b = c = 1
x, y = 1, 2
[p, q] = r = [3, 4]
first, *rest = items
obj.attr = value
obj.attr.deep = 1
table[key] = 2
table[1:2] = []
(a) = 5
((m, n), o) = ((1, 2), 3)
x = 1,
x = y = yield_value = None
