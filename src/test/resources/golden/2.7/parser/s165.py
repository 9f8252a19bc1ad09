a = b = c = 1
a, b = c
[a, b] = c
a += 1
a.b **= 2
a[1] //= 3
