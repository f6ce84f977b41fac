name = 'Noor'
print('It's done, ' + name)
