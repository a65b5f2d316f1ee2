x
x.y
f()
1 + 2
"docstring"
...
await_ = 1
-x
not x
a if b else c
x, y
*a, b = c
[x]
