# NUL characters in printed text come out as they are, whatever the line they are on
print("a\0b")
print("\0", end="")
print("after a partial line", end="\0\n")
print("\0\0", "x", sep="\0")
print("no newline at the end\0", end="")
