# add/remove/discard/pop/clear sequences: resizes, dummies, the pop finger.
def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) % 2**31
        yield seed

s = set()
for i in range(12):
    s.add(i * 5)
    print(i, s)
for i in range(0, 60, 10):
    s.discard(i)
print(s)
s.add(0)
s.add(1000)
print(s)
s.remove(5)
print(s)
print(s.pop(), s.pop(), s.pop())
print(s)
s.add(3)
print(s.pop(), s)
s.clear()
print(s)
s.add('after')
s.add('clear')
print(s, s.pop())

words = set()
for w in 'the quick brown fox jumps over the lazy dog again and again'.split():
    words.add(w)
    print(len(words), words)
while words:
    print(words.pop(), end=' ')
print()

gen = lcg(42)
nums = set()
for step in range(200):
    r = next(gen)
    v = r % 97
    if r % 3 == 0:
        nums.discard(v)
    else:
        nums.add(v)
    if step % 20 == 19:
        print(step, nums)
popped = [nums.pop() for _ in range(10)]
print(popped, nums)

strs = set()
gen = lcg(7)
for step in range(120):
    r = next(gen)
    key = 'k' + str(r % 50)
    if r % 4 == 0 and key in strs:
        strs.remove(key)
    else:
        strs.add(key)
print(strs)
print(sorted(strs) == sorted(set(strs)), set(strs))

big = set(range(0, 300, 3))
for v in range(0, 300, 6):
    big.discard(v)
print(big)
big.update(range(1000, 1010))
print(big)
c = big.copy()
print(c == big, c)

mixed = {1, 'a', 2.5, (1, 2), b'b', None, True, -7}
print(mixed)
mixed.discard(None)
print(mixed, mixed.pop())
