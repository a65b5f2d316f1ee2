if x:
    a
  b
c = "unterminated
