global x
exec 'x'
