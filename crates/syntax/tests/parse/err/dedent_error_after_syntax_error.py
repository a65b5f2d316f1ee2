x = = 1
if y:
    a
  b
