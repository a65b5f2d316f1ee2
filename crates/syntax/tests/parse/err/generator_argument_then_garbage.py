sorted(t for t in tasks tasks)
