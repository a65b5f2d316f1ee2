# heapq keeps CPython's list layout after pushes, pops, heapify and replace; bisect with lo/hi/key
import heapq
import bisect

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1, 6]:
    heapq.heappush(h, x)
    print(h)
while h:
    print(heapq.heappop(h), h)
data = [9, 4, 7, 1, 8, 2, 2, 6, 3, 0, 5]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 10), data)
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 4), data)
print(heapq.nsmallest(3, [5, 1, 4, 1, 5, 9, 2, 6]), heapq.nlargest(3, [5, 1, 4, 1, 5, 9, 2, 6]))
print(heapq.nsmallest(2, ["pear", "fig", "banana", "kiwi"], key=len), heapq.nlargest(2, ["pear", "fig", "banana", "kiwi"], key=len))
print(heapq.nsmallest(0, [3, 1]), heapq.nlargest(10, [3, 1, 2]), heapq.nsmallest(-1, [1]))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 6, 9])))
print(list(heapq.merge([9, 5, 1], [8, 4], reverse=True)), list(heapq.merge(["b", "dd"], ["a", "ccc"], key=len)))
jobs = []
for prio, name in [(2, "write"), (1, "read"), (3, "sleep"), (1, "eat")]:
    heapq.heappush(jobs, (prio, name))
print([heapq.heappop(jobs) for _ in range(len(jobs))])
for bad in [lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapify({}), lambda: heapq.heappush([{}], {}), lambda: heapq.heapreplace([], 1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

a = [1, 2, 4, 4, 4, 7, 9]
for x in [0, 1, 4, 5, 9, 10]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x), bisect.bisect_left(a, x, 2, 5))
bisect.insort(a, 5)
bisect.insort_left(a, 4)
bisect.insort_right(a, 0, 0, 3)
print(a)
people = [("ann", 19), ("bob", 25), ("cy", 31)]
print(bisect.bisect_left(people, 25, key=lambda p: p[1]))
bisect.insort(people, ("dee", 27), key=lambda p: p[1])
print(people)
try:
    bisect.bisect([1], 1, -1)
except ValueError as e:
    print("ValueError", e)
