print"try"(, value)
