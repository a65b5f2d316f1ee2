if 1 not 0:
    print("ran")
