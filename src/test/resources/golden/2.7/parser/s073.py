import a.None
