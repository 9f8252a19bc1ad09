print >> f
print >>f, a
print a,
