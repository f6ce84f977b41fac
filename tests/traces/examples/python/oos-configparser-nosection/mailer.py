import configparser

cfg = configparser.ConfigParser()
cfg.read("invoices.ini")
print(cfg.get("smtp", "host"))
