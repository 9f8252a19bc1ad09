try:
  pass
except E, e:
  pass
except (A, B) as e:
  pass
else:
  pass
finally:
  pass
