a = [x for x in range(10)]
b = {x for x in items if x}
c = {k: v for k, v in pairs}
d = (x for x in items)
e = [x * y for x in xs for y in ys]
f = [x for x in xs if x if x > 2]
g = [[y for y in row] for row in matrix]
h = {k: [v for v in vs] for k, vs in groups.items()}
i = [(a, b) for a, b in zip(xs, ys)]
j = [x for (x, y) in pairs]
k = [y := f(x) for x in data]
l = [x for x in a if (z := x)]
m = [x for x in lambda_ if x] 
