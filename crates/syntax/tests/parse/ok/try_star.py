try:
    work()
except* ValueError as group:
    handle(group)
except* (TypeError, KeyError):
    pass
else:
    done()
finally:
    cleanup()
