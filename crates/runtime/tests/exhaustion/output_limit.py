# Output past the run's output limit (lowered to 1,000 bytes here; 16 MiB by
# default) is cut there and the run stops with a message, however it is written
# limit max_output_bytes 1000
chunk = "x" * 10**6
print("start")
while True:
    print("y", end=chunk)
