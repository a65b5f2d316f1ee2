# 21 nested loops: CPython's compiler allows 20 blocks per function, the 21st is 'SyntaxError: too many statically nested blocks' at its statement.
for a in b:
 for a in b:
  for a in b:
   for a in b:
    for a in b:
     for a in b:
      for a in b:
       for a in b:
        for a in b:
         for a in b:
          for a in b:
           for a in b:
            for a in b:
             for a in b:
              for a in b:
               for a in b:
                for a in b:
                 for a in b:
                  for a in b:
                   for a in b:
                    while x: pass
