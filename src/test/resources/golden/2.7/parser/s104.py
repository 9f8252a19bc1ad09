lambda (x)=1: 0
