from x import a as None
