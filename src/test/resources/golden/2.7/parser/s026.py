if a:
  pass
elif b:
  pass
elif c:
  pass
else:
  pass
