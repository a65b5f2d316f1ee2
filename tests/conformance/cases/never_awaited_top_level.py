# a coroutine created and dropped at module level warns at once, naming the module line
async def greet(name):
    print("hello", name)


print("before")
greet("world")
print("after")
