print("caf\u00e9 \ud800")
