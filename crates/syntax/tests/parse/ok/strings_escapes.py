a = "\n\t\\\'\"\a\b\f\v\r"
b = "\x41\x7a\u00e9\U0001F600"
c = "\101\60\7"
d = "line one \
line two"
e = "\d\w unknown escapes stay"
f = b"\x00\xff\n\101"
g = "é ü 中文 😀"
h = '\0'
i = b'\777'
