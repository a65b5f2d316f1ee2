print("a") print("b")
