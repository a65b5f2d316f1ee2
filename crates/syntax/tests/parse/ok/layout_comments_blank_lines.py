# leading comment


def f():
    # comment in body

    x = 1  # trailing comment

        # oddly indented comment
    return x
# comment at column 0 inside nothing



y = f()
