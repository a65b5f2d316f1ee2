# a failing assert raises AssertionError with its message (uncaught: exit 1)
def average(values):
    assert values, "need at least one value"
    return sum(values) / len(values)


print(average([1, 2, 3]))
try:
    assert 1 + 1 == 3
except AssertionError as error:
    print("bare assert message:", repr(error))
print(average([]))
