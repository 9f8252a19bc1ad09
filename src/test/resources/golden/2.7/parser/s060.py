if a:
  None = 1
elif b:
  f() = 1
