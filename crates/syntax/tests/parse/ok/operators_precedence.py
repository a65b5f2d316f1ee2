a = 1 + 2 * 3
b = (1 + 2) * 3
c = -2 ** 2
d = 2 ** -1
e = 2 ** 3 ** 2
f = a | b ^ c & d
g = a << 1 + 2 >> 3
h = a @ b / c // d % e
i = not a == b
j = a or b and c
k = a and not b or c
l = ~a + -b - +c
m = - - - x
n = a if b else c if d else e
o = lambda: a or b
p = x.y.z(1)[2].w
q = await_ ** 2
r = a < b <= c > d >= e == f != g
s = a in b not in c is d is not e
t = a + b - c + d - e
