a = "plain " f"{x}" " tail"
b = f"{a}" f"{b}"
c = ("start "
     f"{value:>10}"
     " end")
d = rf"\d{x}"
e = f"{x:{y}.{z}}"
f = f"{x!r:^20}"
