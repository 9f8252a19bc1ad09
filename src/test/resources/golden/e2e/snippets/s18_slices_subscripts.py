a = b[1:2]
c = d[::2]
e[1:2, 3] = f
del g[0]
h = i[j][k]
