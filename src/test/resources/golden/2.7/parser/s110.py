if x: pass; y
