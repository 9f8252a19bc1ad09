{x: y for x in z}
{x for x in y}
{1, 2}
{}
{1: 2, 3: 4,}
