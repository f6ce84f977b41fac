import datetime

import pymysql

conn = pymysql.connect(host="127.0.0.1", user="shop_app", password="secret", database="shop")
print(datetime.datetime.now().isoformat(), "synced")
