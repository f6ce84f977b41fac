total = 42
print "total:", total
