x = 10
while x > 0:
    if x % 2 == 0:
        x -= 1
    elif x == 5:
        break
    else:
        x = x - 2
else:
    x = None
