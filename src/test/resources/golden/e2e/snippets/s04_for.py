total = 0
for i in range(10):
    if i == 3:
        continue
    total += i
for k, v in {}.items():
    pass
