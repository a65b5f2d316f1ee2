# a suspended generator that dies is closed at once: its finally runs before the next line
def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("numbers: cleanup")


for n in numbers():
    print("got", n)
    break
print("after the loop")


def reader():
    try:
        yield "line 1"
    except GeneratorExit:
        print("reader: closing")
        raise
    finally:
        print("reader: finally")


r = reader()
print(next(r))
r = None
print("done")
