def a():
    def b():
        def c():
            if x:
                while y:
                    for z in w:
                        try:
                            with v:
                                pass
                        except E:
                            pass
    return b
