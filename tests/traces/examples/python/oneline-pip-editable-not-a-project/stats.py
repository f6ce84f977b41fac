print('stats')
