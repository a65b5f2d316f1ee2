def not_strings(s):
    match s:
   \     case NumberArgs(n):
            pass
