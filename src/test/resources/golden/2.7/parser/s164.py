x = [1, 2,]
y = (1,)
z = [i for i in 1, 2]
