# A program that catches MemoryError and keeps growing is stopped, with a message,
# a quarter past the budget (lowered to 16 MiB here; 1 GiB by default)
# limit memory_bytes 16777216
table = {}
caught = 0
while True:
    try:
        while True:
            table[len(table)] = None
    except MemoryError:
        caught += 1
        if caught == 1:
            print("MemoryError caught; growing on")
