for x, in y: pass
for x, y, in z: pass
