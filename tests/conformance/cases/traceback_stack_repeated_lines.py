# traceback.print_stack collapses a frame repeated more than three times in a row.
import traceback


def down(n):
    if n == 0:
        traceback.print_stack()
        return
    down(n - 1)


down(6)
