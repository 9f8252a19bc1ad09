x = not not a
y = ~-+a
