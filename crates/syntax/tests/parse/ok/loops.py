while True:
    break

while x:
    continue
else:
    done()

for i in range(10):
    pass

for k, v in d.items():
    print(k, v)
else:
    print("done")

for (a, b), c in triples:
    pass

for x, in singles:
    pass

for obj.attr in values:
    pass

for items[0] in values:
    pass

for *head, tail in rows:
    pass

for x in 1, 2, 3:
    pass

for [a, b] in pairs: pass
