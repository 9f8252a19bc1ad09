for x in y:
  pass
else:
  f() = 1
None = 2
