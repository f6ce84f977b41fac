import pymysql

print("worker started", pymysql.__version__)
