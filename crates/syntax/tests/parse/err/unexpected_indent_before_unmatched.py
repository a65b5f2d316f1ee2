 print:f"task")
