while a:
x = 1
