@decorator
def a():
    pass

@first
@second.attr(1, key=2)
@third[0]
def b():
    pass

@cache
async def c():
    await d()

@(lambda f: f)
def e(): pass
