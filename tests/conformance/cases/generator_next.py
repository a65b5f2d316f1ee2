# a generator pauses at each yield; next() past the end raises StopIteration (uncaught: exit 1)
def countdown(n):
    print("countdown starts")
    while n > 0:
        yield n
        n -= 1
    print("countdown ends")


gen = countdown(3)
print(type(gen).__name__)
print(next(gen))
print(next(gen))
print(next(gen))
print(next(gen))
