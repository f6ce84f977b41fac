print('django manage stub')
