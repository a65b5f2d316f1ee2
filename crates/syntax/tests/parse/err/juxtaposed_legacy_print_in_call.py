loop.call_later(1e-10 print print, "late")
