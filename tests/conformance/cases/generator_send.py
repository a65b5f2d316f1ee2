# send() resumes a generator with a value; the first send must be None (priming)
def running_average():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


avg = running_average()
try:
    avg.send(5)
except TypeError as error:
    print("TypeError:", error)
print(avg.send(None))
print(avg.send(10))
print(avg.send(20))
print(avg.send(0))
