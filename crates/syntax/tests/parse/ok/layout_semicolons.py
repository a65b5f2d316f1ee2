x = 1; y = 2; z = 3
a = 1;
if x: a = 1; b = 2
while False: pass
def f(): return 1
for i in r: print(i); continue
