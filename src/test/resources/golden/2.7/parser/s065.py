[x for x in a,]
