# Loopscope's urllib package: as CPython's, an empty package (parse only).
