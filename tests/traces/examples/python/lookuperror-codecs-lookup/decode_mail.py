import codecs

charset = "x-mac-roman-legacy"
print(codecs.lookup(charset).name)
