if x:
    pass
# trailing comment without newline