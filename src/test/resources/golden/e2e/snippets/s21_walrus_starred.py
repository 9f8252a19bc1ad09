if (n := len(a)) > 10:
    print(n)
first, *rest = items
merged = [*a, *b]
d = {**x, "k": 1}
