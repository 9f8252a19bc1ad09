a = b and c or d
e = not (f or g)
if h and (i or j):
    k()
m = 1 < n <= 10
