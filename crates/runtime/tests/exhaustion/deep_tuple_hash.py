# hash() of a tuple nested a million deep, and using it as a dict key: computed
# without recursion (CPython's own recursion crashes with a segmentation fault)
x = y = ()
for i in range(10**6):
    x = (x,)
    y = (y, 1)
print(hash(x) != hash(y), hash(((1,),)) == hash(((1,),)))
d = {x: "found", y: "other"}
print(d[x], d[y], len({x, y, x}))
print(hash(((1, 2), (3, (4,)))))
