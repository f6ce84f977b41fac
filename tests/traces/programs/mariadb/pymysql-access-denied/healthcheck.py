import configparser

import pymysql

cfg = configparser.ConfigParser()
cfg.read("config.ini")
db = cfg["database"]
conn = pymysql.connect(host=db["host"], user=db["user"], password=db["password"], database=db["name"])
with conn.cursor() as cur:
    cur.execute("SELECT 1")
    print("db ok", cur.fetchone())
