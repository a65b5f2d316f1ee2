a = "abc" 'def'
b = ("one "
     "two "
     "three")
c = b"ab" b'cd'
d = "x" r"\y"
e = (
    "first"
    # comment between
    "second"
)
