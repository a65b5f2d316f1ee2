# A capture pattern before other cases is a SyntaxError at compile time: nothing runs, CPython's message and caret.
print("never printed")


def classify(value):
    match value:
        case 0:
            return "zero"
        case other:
            return "something"
        case 1:
            return "one"
