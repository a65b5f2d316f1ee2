# a coroutine object can be driven by hand: send(None) runs it and StopIteration carries the return value
async def add(a, b):
    return a + b


coro = add(2, 40)
print(type(coro).__name__)
try:
    coro.send(None)
except StopIteration as stop:
    print("the answer was", stop.value)
try:
    coro.send(None)
except RuntimeError as error:
    print("RuntimeError:", error)
