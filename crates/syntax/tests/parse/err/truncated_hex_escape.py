x = "ab\x4"
