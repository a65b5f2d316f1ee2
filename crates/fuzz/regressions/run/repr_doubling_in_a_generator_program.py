# fuzz finding 2e2c97cc740bf8f9: a hang (a string grown through !r in a generator loop doubled its backslashes
# each step and allocated gigabytes between two limit checks; now MemoryError)
# Generators: functions that pause at yield and resume where they left off, the roots of coroutines
def number_generator(low, high):
    print("generator starts")
    for number in range(low, high + 1):
        yield number  # pause here and  the number out
    print("generator finished")


gen = number_generator(10, 12)
print(type(gen).__name__)
print(next(gen))
print(next(gen))
print(next(gen))
try:
    next(gen)  # runs to the end: no more yields
except StopIteration:
    print("StopIteration: the generator is exhausted")


def echo():
    received = yield "ready"
    while True:
        received =  f"you said {received!r}"


talker = echo()
print(next(talker))  # run up to the first yield
print(talker.send("hello"))  # send() resumes it with a value
print(talker.send("bye"))
