# an except clause counts two blocks: one after 19 loops is 'too many statically nested blocks' at the clause.
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
                   try:
                       pass
                   except KeyError as e: pass
