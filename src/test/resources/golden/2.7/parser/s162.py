class A:
  '''doc
  string'''
  x = 1
