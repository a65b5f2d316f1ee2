# Repeating a sequence a number of times past a C Py_ssize_t is OverflowError, whichever side the count is on
cases = [
    ('"ab" * 2**63', lambda: "ab" * 2**63),
    ('2**63 * "ab"', lambda: 2**63 * "ab"),
    ("[0] * -(2**64)", lambda: [0] * -(2**64)),
    ('b"x" * 2**64', lambda: b"x" * 2**64),
    ("(1,) * 2**70", lambda: (1,) * 2**70),
]
for text, repeat in cases:
    try:
        repeat()
    except OverflowError as e:
        print(text, "OverflowError", e)
print([0] * -(2**63), "ab" * -(2**63))
s = "ab"
try:
    s *= 2**100
except OverflowError as e:
    print("*= OverflowError", e)
