if a:
  u'\x1'
else:
  '\x1'
