squares = [i * i for i in range(10) if i % 2]
table = {k: v for k, v in zip("ab", "cd")}
unique = {c for c in "hello"}
gen = (x for x in range(3))
nested = [(a, b) for a in range(3) for b in range(a)]
