# 20 nested blocks compile and run: 10 try statements nested in named except clauses, then 20 nested loops in a function.
try:
 print("inner")
except E as e:
 try:
  print("inner")
 except E as e:
  try:
   print("inner")
  except E as e:
   try:
    print("inner")
   except E as e:
    try:
     print("inner")
    except E as e:
     try:
      print("inner")
     except E as e:
      try:
       print("inner")
      except E as e:
       try:
        print("inner")
       except E as e:
        try:
         print("inner")
        except E as e:
         try:
          print("inner")
         except E as e:
          print("inner")
def f():
 for a0 in [0]:
  for a1 in [1]:
   for a2 in [2]:
    for a3 in [3]:
     for a4 in [4]:
      for a5 in [5]:
       for a6 in [6]:
        for a7 in [7]:
         for a8 in [8]:
          for a9 in [9]:
           for a10 in [10]:
            for a11 in [11]:
             for a12 in [12]:
              for a13 in [13]:
               for a14 in [14]:
                for a15 in [15]:
                 for a16 in [16]:
                  for a17 in [17]:
                   for a18 in [18]:
                    for a19 in [19]:
                     print('deepest', a19)
f()
