a = 1if x else 2
b = [0for _ in y]
d = 1or 2
e = 1and 3
f = 1in y
h = x if 1else 2
