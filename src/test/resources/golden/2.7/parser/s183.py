if x:
$
