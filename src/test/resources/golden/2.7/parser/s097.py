with a as f(), b as None: u'\x1'
