café = 1
π = 3.14159
名前 = "name"
_private = 2
__dunder__ = 3
x1 = café + π
