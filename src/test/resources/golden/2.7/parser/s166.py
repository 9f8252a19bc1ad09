if a:
    pass
  # comment
elif b:
    pass
