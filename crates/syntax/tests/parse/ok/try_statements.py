try:
    risky()
except ValueError:
    handle()

try:
    risky()
except (KeyError, IndexError) as e:
    print(e)
except Exception as err:
    raise
except:
    pass
else:
    ok()
finally:
    cleanup()

try:
    pass
finally:
    pass

try:
    x = 1
except ValueError as e: print(e)
finally: done()
