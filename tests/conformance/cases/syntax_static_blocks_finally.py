# a finally body on the exceptional path counts one block: a loop in it past 19 loops is 'too many statically nested blocks'.
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
                   finally:
                    for x in y: pass
