print >>f, x, y,
print
print x
