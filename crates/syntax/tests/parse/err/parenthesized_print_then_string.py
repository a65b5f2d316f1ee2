(print)f"{name} downloading"
