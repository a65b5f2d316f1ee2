# A range's slice is a range (CPython's compute_slice, never the items), and slicing text gives its characters
r = range(10**9)[:5]
print(r, list(r))
print(range(10)[::2], range(10)[::-3], range(3, 30, 4)[1:-1], range(3, 30, 4)[5:1:-2])
print(range(10)[20:], range(-5, 5)[-3:], range(0, -10, -2)[1:])
print(len(range(0, 10**12, 7)[10**6:]), range(10**12)[-3:])
text = "ab cd " * 5
print(repr(text[3:5]), repr(text[5:3]), repr(text[-4:]), repr(text[::7]), repr(text[100:]))
wide = "héllo wörld"
print(wide[1:4], wide[::-1], wide[-5:])
