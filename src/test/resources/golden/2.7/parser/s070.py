def f():
  x
 y
