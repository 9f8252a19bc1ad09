x = ur'\u12'
