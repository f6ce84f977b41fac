import configparser

cfg = configparser.ConfigParser()
cfg.read("backup.ini")
print(dict(cfg["DEFAULT"]))
