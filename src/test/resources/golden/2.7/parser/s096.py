try:
  '\x1'
except:
  u'\x1'
else:
  None = 1
finally:
  f() = 1
