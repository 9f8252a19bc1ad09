if x is 1:
    pass
y = (1, 2)(3)
