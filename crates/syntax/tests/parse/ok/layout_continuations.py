total = 1 + \
    2 + \
    3
if a and \
   b:
    pass
items = [
    1, 2,
    3,
]
call(a,
     b,
         c)
value = {
  'k':
        'v'
}
x = (1 +
# a comment inside brackets
     2)
