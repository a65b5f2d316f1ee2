# The deepest syntax CPython 3.11 accepts, parsed, compiled and run: 200 nested parentheses,
# brackets and braces (its tokenizer's limit) and 99 levels of indentation (its MAXINDENT).
x = ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
print(x)
y = [([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([([()])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])])]
print(len(repr(y)))
d = {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: {1: 2}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}
n = 0
while isinstance(d, dict):
    d = d[1]
    n += 1
print(n, d)
g = (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in (a for a in [3])))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
print(type(g).__name__)
t = (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1,)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
print(len(repr(t)))
if x:
 if x:
  if x:
   if x:
    if x:
     if x:
      if x:
       if x:
        if x:
         if x:
          if x:
           if x:
            if x:
             if x:
              if x:
               if x:
                if x:
                 if x:
                  if x:
                   if x:
                    if x:
                     if x:
                      if x:
                       if x:
                        if x:
                         if x:
                          if x:
                           if x:
                            if x:
                             if x:
                              if x:
                               if x:
                                if x:
                                 if x:
                                  if x:
                                   if x:
                                    if x:
                                     if x:
                                      if x:
                                       if x:
                                        if x:
                                         if x:
                                          if x:
                                           if x:
                                            if x:
                                             if x:
                                              if x:
                                               if x:
                                                if x:
                                                 if x:
                                                  if x:
                                                   if x:
                                                    if x:
                                                     if x:
                                                      if x:
                                                       if x:
                                                        if x:
                                                         if x:
                                                          if x:
                                                           if x:
                                                            if x:
                                                             if x:
                                                              if x:
                                                               if x:
                                                                if x:
                                                                 if x:
                                                                  if x:
                                                                   if x:
                                                                    if x:
                                                                     if x:
                                                                      if x:
                                                                       if x:
                                                                        if x:
                                                                         if x:
                                                                          if x:
                                                                           if x:
                                                                            if x:
                                                                             if x:
                                                                              if x:
                                                                               if x:
                                                                                if x:
                                                                                 if x:
                                                                                  if x:
                                                                                   if x:
                                                                                    if x:
                                                                                     if x:
                                                                                      if x:
                                                                                       if x:
                                                                                        if x:
                                                                                         if x:
                                                                                          if x:
                                                                                           if x:
                                                                                            if x:
                                                                                             if x:
                                                                                              if x:
                                                                                               if x:
                                                                                                if x:
                                                                                                 if x:
                                                                                                  print('indented', 98)
