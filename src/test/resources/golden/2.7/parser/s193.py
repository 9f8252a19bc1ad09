def f():
  if x:
