# an exception raised while handling another prints "During handling of the above exception" (exit 1)
def parse(text):
    try:
        return int(text)
    except ValueError:
        return undefined_fallback


print(parse("7"))
print(parse("seven"))
