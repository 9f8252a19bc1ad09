x = 1
y = x + 2
a, b = b, a
c = d = [1, 2, 3]
del c
