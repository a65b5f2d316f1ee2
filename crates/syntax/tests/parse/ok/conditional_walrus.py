a = x if cond else y
b = (x if a else b) if c else d
if (n := len(items)) > 10:
    pass
while (line := read()):
    process(line)
c = [y := 5, y ** 2]
print(z := 3)
