import os

count = len(os.listdir("."))
print "files in import folder:", count
