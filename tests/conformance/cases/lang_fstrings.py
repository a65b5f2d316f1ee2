# f-strings with format specs: width, alignment, precision, signs, thousands, percent, !r, nested specs
name = "loop"
pi = 3.14159265
count = 1234567
print(f"[{name:>8}] [{name:<8}] [{name:^8}] [{name:*^9}]")
print(f"{pi:.2f} {pi:8.3f} {pi:+.1f} {-pi:.0f} {pi:e} {pi:.3g}")
print(f"{count:,} {count:_} {count:>12,} {0.256:.1%}")
print(f"{42:05d} {42:x} {42:#x} {42:o} {42:b} {255:#010b}")
print(f"{name!r} {name!s} {[1, 'a']!r}")
width, precision = 10, 3
print(f"{pi:{width}.{precision}f}|")
print(f"{'done' if count > 10 else 'not yet'} {count // 1000 = }")
print(f"{{braces}} {3 * 7} {name.upper()} {len(name)}")
print(f"{1.5:g} {1e20:g} {0.00001:g} {2.0:g} {1/3}")
