# a for loop drives a generator to exhaustion and absorbs its StopIteration
def numbers(low, high):
    for number in range(low, high + 1):
        yield number
    print("generator finished")


for value in numbers(10, 13):
    print(value)
print(list(numbers(1, 3)))
print(sum(x * x for x in range(5)))
