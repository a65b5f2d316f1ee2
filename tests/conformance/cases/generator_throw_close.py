# throw() raises inside the generator at its yield; close() raises GeneratorExit so finally runs
def worker():
    try:
        while True:
            try:
                job = yield
                print("working on", job)
            except ValueError as error:
                print("worker handled", repr(error))
    finally:
        print("worker cleans up")


w = worker()
next(w)
w.send("job 1")
w.throw(ValueError("bad job"))
w.send("job 2")
w.close()
print("closed; closing again is fine")
w.close()
try:
    w.send("job 3")
except StopIteration:
    print("a closed generator raises StopIteration")
