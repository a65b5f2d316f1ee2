match = 1
case = 2
_ = 3
type = 4
print(match, case, _, type)
match.attr = 5
match[0] = 6
match(x)
type(x)
x = type
