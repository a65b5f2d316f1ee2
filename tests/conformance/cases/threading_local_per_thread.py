# threading.local: each thread sees its own attributes; a subclass's __init__ runs again in each thread with the object's arguments; missing attributes and __dict__
import threading
import time


data = threading.local()
data.name = "main"


class Config(threading.local):
    def __init__(self, level):
        print("init in", threading.current_thread().name, level)
        self.level = level


cfg = Config(3)


def work(n):
    data.name = f"worker-{n}"
    time.sleep(0.01 * n)
    print(threading.current_thread().name, data.name, cfg.level)
    cfg.level += n
    print("  after", cfg.level, sorted(vars(data)))
    try:
        data.missing
    except AttributeError as e:
        print("  AttributeError:", e)


threads = [threading.Thread(target=work, args=(n,), name=f"T{n}") for n in (1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("main sees", data.name, cfg.level, data.__dict__)
del data.name
print(hasattr(data, "name"), type(data).__name__, type(data).__module__)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
try:
    data.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
